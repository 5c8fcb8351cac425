import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Inspection } from '../../entities/inspection';
import { Disbursement } from '../../entities/consignment-disbursement';
import { testApp, TestApp, DemoUser } from '../support/app';
import { describeInBrowser, launchChromium } from '../support/browser';
import { password } from './helpers';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'web');

/**
 * The daily jobs of issue 17 driven in Chromium, each click counted (a click on a link or a button, a
 * choice in a select, a radio, a file chosen; typing is not counted). The counts go to
 * test-artifacts/web/click-counts.json and README's table; each must stay at or below the budget
 * (what the same job takes on main before issue 17, or — for jobs main could not do — what it takes now).
 */
const BUDGET = {
  grantPayment: 6, // 교부 기록: main 6
  grantRequest: 6, // 교부 신청 (main: 6, but no page could decide, pay, reject or withdraw)
  grantDecideAndPay: 3, // 결정 → 교부 from the dashboard's pending list (main: impossible)
  followUpClose: 6, // 조치 결과 → 확인 → 종결 (main: impossible)
  reportDownload: 6, // 보고서 내려받기: main 6
};

describeInBrowser('issue 17 jobs in a real browser, clicks counted', function () {
  this.timeout(240_000);
  let t: TestApp;
  let server: Server;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const counts: Record<string, number> = {};
  let n = 0;

  const click = async (l: Locator) => {
    n++;
    await l.click();
  };
  const choose = async (l: Locator, v: string | { label: string }) => {
    n++;
    await l.selectOption(v);
  };

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    process.env.ATTACHMENT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'attachments-'));
    t = await testApp({ web: true });
    server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await t?.close();
    fs.rmSync(process.env.ATTACHMENT_DIR!, { recursive: true, force: true });
    delete process.env.ATTACHMENT_DIR;
    fs.writeFileSync(path.join(ARTIFACTS, 'click-counts.json'), JSON.stringify(counts, null, 2));
    console.log('clicks per job:', JSON.stringify(counts));
  });

  async function login(user: DemoUser, viewport = { width: 1366, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'ko-KR' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('아이디').fill(user);
    await page.getByLabel('비밀번호').fill(password(user));
    await page.getByLabel('비밀번호').press('Enter');
    await page.waitForURL(`${base}/`);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  async function openConsignmentYear(page: Page) {
    await click(page.getByRole('link', { name: '민간위탁', exact: true }));
    await click(page.getByRole('link', { name: /전자상거래센터/ }).first());
    await choose(page.getByLabel('회계연도'), '2025');
    await click(page.getByRole('button', { name: '보기' }));
  }

  it('officer: 교부 기록 (a payment in one step)', async () => {
    const page = await login('officer');
    n = 0;
    await openConsignmentYear(page);
    await choose(page.getByLabel('분기', { exact: true }), '3');
    await page.getByLabel('신청일').fill('2025-07-01');
    await page.getByLabel('교부일 (비우면 신청만 기록)').fill('2025-07-10');
    await page.getByLabel('교부액(원)').fill('159,250,000');
    await click(page.getByRole('button', { name: '교부 기록' }));
    expect(await page.getByRole('status').first().innerText()).to.contain('교부를 기록했습니다');
    counts.grantPayment = n;
    expect(n).to.be.at.most(BUDGET.grantPayment);
  });

  it('officer: 교부 신청 → 결정 (a refusal shown with its figures, then a partial approval) → 교부', async () => {
    const page = await login('officer');
    n = 0;
    await openConsignmentYear(page);
    await choose(page.getByLabel('분기', { exact: true }), '4');
    await page.getByLabel('신청일').fill('2025-10-01');
    await page.getByLabel('교부액(원)').fill('200,000,000');
    await click(page.getByRole('button', { name: '신청만 기록' }));
    expect(await page.getByRole('status').first().innerText()).to.contain('교부 신청을 기록했습니다');
    // the plan to date leaves 159,250,000: the request is recorded with a warning naming the figures
    const warning = page.locator('#request-warning');
    expect(await warning.isVisible()).to.equal(true);
    expect(await warning.innerText()).to.contain('159,250,000원');
    counts.grantRequest = n;
    expect(n).to.be.at.most(BUDGET.grantRequest);
    await shot(page, 'flows-10-request-warning-1366');
    const r = await t.ds.getRepository(Disbursement).findOneByOrFail({ requestedAmount: 200_000_000 });

    // the decider starts from the dashboard's pending list
    await page.goto(`${base}/`);
    expect(await page.locator('#pending-requests').isVisible()).to.equal(true);
    const row = page.locator('section[aria-labelledby="pending-requests"] tr', { hasText: `${r.id}번` });
    expect(await row.innerText()).to.match(/\d+일/);
    n = 0;
    await click(row.getByRole('link'));
    const card = page.locator(`#request-${r.id}`);
    // approving the whole request is refused at decision time, with the figures, the amount kept
    await click(card.getByRole('button', { name: '승인' }));
    const refused = page.locator(`#request-${r.id}`);
    expect(await refused.innerText()).to.contain('159,250,000원');
    expect(await refused.getByLabel('결정액(원)').inputValue()).to.equal('200,000,000');
    expect(await refused.locator('[role=alert], .problem, #problem').first().isVisible()).to.equal(true);
    await shot(page, 'flows-11-decision-refused-1366');
    const refusedClicks = n;
    await refused.getByLabel('결정액(원)').fill('159,250,000');
    await click(refused.getByRole('button', { name: '승인' }));
    expect(await page.getByRole('status').first().innerText()).to.contain('승인했습니다');
    await click(page.locator(`#request-${r.id}`).getByRole('button', { name: /교부$/ }));
    expect(await page.getByRole('status').first().innerText()).to.contain('교부를 기록했습니다');
    expect((await t.ds.getRepository(Disbursement).findOneByOrFail({ id: r.id })).status).to.equal('paid');
    // the refused 승인 is not part of the job
    counts.grantDecideAndPay = n - 1;
    expect(refusedClicks).to.equal(2);
    expect(counts.grantDecideAndPay).to.be.at.most(BUDGET.grantDecideAndPay);
    await shot(page, 'flows-12-paid-1366');
  });

  it('the consignment page at 1366 and 390 wide: the menu, the 교부 form before its tables (screenshots at both sizes)', async () => {
    for (const [w, h] of [
      [1366, 900],
      [390, 844],
    ]) {
      const page = await login('officer', { width: w, height: h });
      const c = await page.request.get(`${base}/api/consignments/EC-C01`);
      const id = (await c.json()).id;
      await page.goto(`${base}/consignments/${id}?year=2025`);
      expect(await page.locator('nav.page-menu').isVisible()).to.equal(true);
      // the 교부 form comes before the grants tables (fewer Tab presses to reach it)
      const order = (await page.evaluate(`(() => {
        const form = document.querySelector('form[action$="/disbursements"]');
        const table = document.querySelector('section[aria-labelledby="grants"] table');
        return form.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING;
      })()`)) as number;
      expect(order).to.be.greaterThan(0);
      await shot(page, `flows-20-consignment-${w}`);
    }
  });

  it('inspector: 점검자 prefilled; a draft finding added and edited; 조치 결과 → 확인 → 종결 on an approved inspection', async () => {
    const page = await login('inspector');
    await click(page.getByRole('link', { name: '지도점검' }).first());
    expect(await page.getByLabel('점검자').inputValue()).to.not.equal('');

    // a draft: add a finding, then edit it
    const seeded = await t.ds.getRepository(Inspection).findOneByOrFail({ status: 'approved' });
    const revision = await t.as('inspector').post(`/api/inspections/${seeded.id}/revisions`).send({ reason: '오기 정정' }).expect(201);
    await page.goto(`${base}/inspections/${revision.body.id}#findings`);
    await page.getByLabel('구분', { exact: true }).selectOption('caution');
    await page.getByLabel('지적 내용', { exact: true }).fill('회의록 누락');
    await page.getByLabel('조치 요구사항', { exact: true }).fill('회의록 작성');
    await page.getByRole('button', { name: '지적사항 추가' }).click();
    const added = page.locator('article.follow-up', { hasText: '회의록 누락' });
    await added.getByText('지적사항 수정').click();
    await added.getByLabel('내용', { exact: true }).fill('운영위원회 회의록 누락');
    await added.getByRole('button', { name: '수정 저장' }).click();
    expect(await page.getByRole('status').first().innerText()).to.contain('지적사항을 고쳤습니다');
    expect(await page.locator('section[aria-labelledby="findings"] table').innerText()).to.contain('운영위원회 회의록 누락');
    await shot(page, 'flows-30-draft-finding-edited-1366');

    // follow-up on the approved inspection, from the list
    await page.goto(`${base}/`);
    n = 0;
    await click(page.getByRole('link', { name: '지도점검' }).first());
    await click(page.locator(`a[href="/inspections/${seeded.id}"]`).first());
    const first = page.locator('article.follow-up').first();
    expect(await page.locator('.overdue').first().isVisible()).to.equal(true);
    await first.getByLabel('조치 보고일').fill('2021-05-01');
    await first.getByLabel('조치 결과', { exact: true }).fill('입찰공고를 나라장터에 게시');
    const pdf = path.join(os.tmpdir(), `조치결과-${process.pid}.pdf`);
    fs.writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
    n++; // choosing the file
    await first.getByLabel(/첨부/).setInputFiles(pdf);
    await click(first.getByRole('button', { name: '조치 결과 기록' }));
    expect(await page.getByRole('status').first().innerText()).to.contain('조치 결과를 기록했습니다');
    const reported = page.locator('article.follow-up').first();
    expect(await reported.getByRole('link', { name: /조치결과/ }).count()).to.equal(1);
    await reported.getByLabel('확인일').fill('2021-05-02');
    await click(reported.getByRole('button', { name: '확인', exact: true }));
    expect(await page.getByRole('status').first().innerText()).to.contain('확인했습니다');
    await page.locator('article.follow-up').first().getByLabel('종결일').fill('2021-05-03');
    await click(page.locator('article.follow-up').first().getByRole('button', { name: '종결' }));
    expect(await page.getByRole('status').first().innerText()).to.contain('종결했습니다');
    counts.followUpClose = n;
    expect(n).to.be.at.most(BUDGET.followUpClose);
    fs.rmSync(pdf, { force: true });
    await shot(page, 'flows-31-finding-closed-1366');
  });

  it('council staff: 보고서 내려받기', async () => {
    const page = await login('council');
    n = 0;
    await click(page.getByRole('link', { name: '보고서' }).first());
    await choose(page.getByLabel('회계연도'), '2023');
    await choose(page.getByLabel('실·국 / 부서'), { label: '노동공정상생정책관 (실·국)' });
    await click(page.getByRole('button', { name: '목록 보기' }));
    await click(page.getByRole('link', { name: /세출결산.*미리보기/ }));
    const [dl] = await Promise.all([page.waitForEvent('download'), click(page.locator('#download-xlsx'))]);
    expect(dl.suggestedFilename()).to.match(/\.xlsx$/);
    counts.reportDownload = n;
    expect(n).to.be.at.most(BUDGET.reportDownload);
  });
});
