import { expect } from 'chai';
import { testApp, TestApp } from '../support/app';
import { webLogin } from './helpers';
import { breadcrumbs } from '../../server/web/breadcrumbs';
import { attachmentHeader, rfc5987 } from '../../server/http/content-disposition';
import { pageRoutes } from '../../server/web';
import { tableHasData } from '../../reports/engine/model';

describe('web: report file names, 자료 없음, the packet preview, breadcrumbs', function () {
  this.timeout(300_000);
  let t: TestApp;
  let council: Awaited<ReturnType<typeof webLogin>>;
  before(async () => {
    t = await testApp({ web: true });
    council = await webLogin(t.app, 'council');
  });
  after(async () => t?.close());

  it('Content-Disposition: a Korean name in filename* (RFC 5987) and an ASCII fallback', () => {
    const header = attachmentHeader('2018_시민소통기획관_세출결산.xlsx', '2018_SCB_expenditure-settlement.xlsx');
    expect(header).to.equal(
      `attachment; filename="2018_SCB_expenditure-settlement.xlsx"; filename*=UTF-8''${encodeURIComponent('2018_시민소통기획관_세출결산.xlsx')}`,
    );
    expect(rfc5987("예산 총괄 (전년 대비)'*")).to.equal(
      `${encodeURIComponent('예산 총괄 ')}%28${encodeURIComponent('전년 대비')}%29%27%2A`,
    );
    expect(attachmentHeader('예산집행_가져오기_양식.xlsx')).to.match(/^attachment; filename="download\.xlsx"; filename\*=UTF-8''%EC/);
  });

  it('a report downloads with the year, the department and the report in its Korean name, from the page’s links', async () => {
    const page = await council.agent.get('/reports/expenditure-settlement?year=2018&org=SCB');
    expect(page.status).to.equal(200);
    const href = /id="download-xlsx"/.test(page.text) ? /href="([^"]+)" download id="download-xlsx"/.exec(page.text)![1] : '';
    expect(href).to.contain('/api/reports/expenditure-settlement?');
    const xlsx = await council.agent.get(href.replace(/&amp;/g, '&')).buffer(true);
    expect(xlsx.status).to.equal(200);
    const disposition = String(xlsx.headers['content-disposition']);
    expect(disposition).to.contain(`filename*=UTF-8''${encodeURIComponent('2018_시민소통기획관_세출결산.xlsx')}`);
    expect(disposition).to.contain('filename="2018_SCB_expenditure-settlement.xlsx"');

    const byName = await t
      .as('council')
      .get(`/api/reports/expenditure-settlement?year=2018&org=${encodeURIComponent('시민소통기획관')}&format=pdf`);
    expect(String(byName.headers['content-disposition'])).to.contain(encodeURIComponent('2018_시민소통기획관_세출결산.pdf'));
    const packet = await t.as('council').get('/api/reports/packet?year=2018&org=SCB&format=xlsx');
    expect(String(packet.headers['content-disposition'])).to.contain(encodeURIComponent('2018_시민소통기획관_의회제출자료.xlsx'));
    expect(String(packet.headers['content-disposition'])).to.contain('filename="2018_SCB_packet.xlsx"');
  });

  it('a year without data shows 자료 없음, not a report of zeros, and offers no download', async () => {
    const page = await council.agent.get('/reports/expenditure-settlement?year=2030&org=SCB');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('자료 없음');
    expect(page.text).to.contain('2030년 시민소통기획관에는 이 보고서에 실을 자료가 없습니다');
    expect(page.text).not.to.contain('id="download-xlsx"');
    expect(page.text).not.to.contain('class="report-table"');
    const withData = await council.agent.get('/reports/expenditure-settlement?year=2018&org=SCB');
    expect(withData.text).not.to.contain('자료 없음');
    expect(withData.text).to.contain('class="report-table"');
  });

  it('the packet leaves out tables without data and lists its reports in a contents list', async () => {
    const json = await t.as('council').get('/api/reports/packet?year=2018&org=SCB&format=json');
    expect(json.status).to.equal(200);
    const models = json.body as { title: string; sections: { kind: string; rows?: unknown[] }[] }[];
    expect(models.length).to.be.greaterThan(1);
    for (const m of models)
      for (const s of m.sections)
        if (s.kind === 'table') expect(tableHasData(s as never), `${m.title}: a table without data`).to.equal(true);
    const page = await council.agent.get('/reports/packet?year=2018&org=SCB');
    expect(page.status).to.equal(200);
    const contents = /<nav class="contents"[\s\S]*?<\/nav>/.exec(page.text)?.[0] ?? '';
    expect(contents).to.contain('목차');
    const items = [...contents.matchAll(/<a href="#(rpt-\d+)">([^<]+)<\/a>/g)];
    expect(items.map((i) => i[2])).to.deep.equal(models.map((m) => m.title));
    for (const [, anchor] of items) expect(page.text).to.contain(`id="${anchor}"`);
    expect(page.text).to.contain('data-print');
  });

  it('breadcrumbs are computed from the address and the title alone', async () => {
    const pages = pageRoutes();
    expect(breadcrumbs(pages, '/', '할 일')).to.deep.equal([]);
    expect(breadcrumbs(pages, '/ledger', '예산 원장')).to.deep.equal([
      { href: '/', label: '처음' },
      { href: null, label: '예산 원장' },
    ]);
    expect(breadcrumbs(pages, '/consignments/7', '전자상거래센터')).to.deep.equal([
      { href: '/', label: '처음' },
      { href: '/consignments', label: '민간위탁' },
      { href: null, label: '전자상거래센터' },
    ]);
    // a form's address stands for its page (the form shown again after a refusal)
    expect(breadcrumbs(pages, '/consignments/7/disbursements', '전자상거래센터').map((c) => c.label)).to.deep.equal([
      '처음',
      '민간위탁',
      '전자상거래센터',
    ]);
    expect(breadcrumbs(pages, '/reports/expenditure-settlement', '세출결산', { year: 2018 })[1]).to.deep.equal({
      href: '/reports?year=2018',
      label: '보고서',
    });
    const inspection = await council.agent.get('/reports');
    expect(inspection.text).to.match(/<nav class="breadcrumb" aria-label="현재 위치">[\s\S]*처음[\s\S]*aria-current="page">보고서</);
  });

  it('council staff land on 열람 현황 (what they read), not 할 일', async () => {
    const home = await council.agent.get('/');
    expect(home.text).to.contain('<h1>열람 현황');
    expect(home.text).not.to.contain('지금 처리할 일');
    expect(home.text).to.contain('최근 정산');
    expect(home.text).to.match(/href="\/reports\/[a-z-]+\?year=\d{4}"/);
    const officer = await webLogin(t.app, 'officer');
    const own = await officer.agent.get('/');
    expect(own.text).to.contain('<h1>할 일');
    expect(own.text).to.contain('지금 처리할 일');
  });
});
