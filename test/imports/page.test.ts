import { expect } from 'chai';
import { testApp, TestApp } from '../support/app';
import { webLogin } from '../web/helpers';
import { smallDistrict, tableCounts, workbookOf } from './fixtures';

describe('imports: the preview page — upload, dry run with progress, before → after, confirm, import', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp({ web: true });
  });
  after(() => t.close());

  async function settled(agent: Awaited<ReturnType<typeof webLogin>>['agent'], url: string): Promise<string> {
    for (let i = 0; i < 300; i++) {
      const page = await agent.get(url).expect(200);
      if (!page.text.includes('id="progress"')) return page.text;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the job did not finish');
  }

  it('a workbook is previewed (nothing written), then imported on confirmation', async () => {
    const { agent, csrf } = await webLogin(t.app, 'admin');
    const form = await agent.get('/imports').expect(200);
    expect(form.text).to.contain('href="/api/imports/template"');
    expect(form.text).to.contain('enctype="multipart/form-data"');
    const before = await tableCounts(t);
    const file = await workbookOf(smallDistrict('W'));
    const posted = await agent.post('/imports/preview').field('_csrf', csrf).attach('file', file, '온보딩.xlsx');
    expect(posted.status, posted.text.slice(0, 300)).to.equal(303);
    const url = posted.headers.location as string;
    const preview = await settled(agent, url);
    expect(preview).to.contain('시트별 미리보기');
    expect(preview).to.match(/<th scope="row">조직<\/th><td>3<\/td>/);
    expect(preview).to.contain('가져오기 (17건 반영)');
    expect(await tableCounts(t)).to.deep.equal(before);

    const confirmed = await agent.post(`${url}/confirm`).type('form').send({ _csrf: csrf });
    expect(confirmed.status).to.equal(303);
    const done = await settled(agent, url);
    expect(done).to.contain('가져왔습니다: 변경 17건');
    expect((await tableCounts(t)).ledger_entries).to.equal(before.ledger_entries + 3);
  });

  it('a refused file lists each problem by sheet!cell in Korean', async () => {
    const { agent, csrf } = await webLogin(t.app, 'admin');
    const data = smallDistrict('V');
    data.집행[0].금액 = '1,0,0';
    const posted = await agent
      .post('/imports/preview')
      .field('_csrf', csrf)
      .attach('file', await workbookOf(data), 'bad.xlsx');
    const page = await settled(agent, posted.headers.location as string);
    expect(page).to.contain('가져오기가 거부되었습니다');
    expect(page).to.contain('집행!E2: 금액은 원 단위 정수로');
  });

  it("another user's upload is not shown", async () => {
    const { agent, csrf } = await webLogin(t.app, 'admin');
    const posted = await agent
      .post('/imports/preview')
      .field('_csrf', csrf)
      .attach('file', await workbookOf(smallDistrict('W')), 'a.xlsx');
    const officer = await webLogin(t.app, 'officer');
    expect((await officer.agent.get(posted.headers.location as string)).status).to.equal(404);
  });
});
