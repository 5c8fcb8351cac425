import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { testApp, TestApp, DemoUser } from '../support/app';
import { describeInBrowser, launchChromium } from '../support/browser';
import { pdfText } from '../support/pdf-text';
import { password } from './helpers';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'web');
const AXE = path.join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

/** Parses "1,234,567원" / "△1,234원" as printed by domain/money.ts. */
function wonOf(text: string): number {
  const m = /(△)?([\d,]+)/.exec(text);
  if (!m) throw new Error(`no amount in "${text}"`);
  return (m[1] ? -1 : 1) * Number(m[2].replace(/,/g, ''));
}

describeInBrowser('web pages in a real browser (Chromium)', function () {
  this.timeout(180_000);
  let t: TestApp;
  let server: Server;
  let base: string;
  let browser: Browser;
  const axeFindings: string[] = [];
  const contexts: BrowserContext[] = [];

  before(async function () {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    t = await testApp({ web: true });
    server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Debian's /usr/bin/chromium when installed, else the one of @sparticuz/chromium: a missing browser fails here
    browser = await launchChromium();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await t?.close();
  });

  /** Screenshot kept as an artifact, and axe-core run on the page: no serious or critical violation. */
  async function check(page: Page, name: string): Promise<void> {
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    await page.addScriptTag({ path: AXE });
    const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`)) as {
      id: string;
      impact: string;
      targets: string[];
    }[];
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of bad) axeFindings.push(`${name}: ${v.id} (${v.impact}) at ${v.targets.join(', ')}`);
    expect(bad, `${name}: axe violations`).to.deep.equal([]);
  }

  /** A fresh browser context (no cookies) signed in through the login form with the keyboard. */
  async function login(user: DemoUser): Promise<Page> {
    // bypassCSP only so that the test can inject axe-core; the pages themselves run under helmet's CSP
    const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true, locale: 'ko-KR' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('아이디').fill(user);
    await page.getByLabel('비밀번호').fill(password(user));
    await page.getByLabel('비밀번호').press('Enter');
    await page.waitForURL(`${base}/`);
    expect(await page.getByRole('button', { name: '로그아웃' }).isVisible()).to.equal(true);
    return page;
  }

  it('the login page is accessible and refuses a wrong password', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await check(page, '00-login');
    await page.getByLabel('아이디').fill('officer');
    await page.getByLabel('비밀번호').fill('not-the-password');
    await page.getByRole('button', { name: '로그인' }).click();
    expect(await page.getByRole('alert').innerText()).to.contain('아이디 또는 비밀번호가 올바르지 않습니다');
    expect(await page.getByLabel('아이디').inputValue()).to.equal('officer');
  });

  it('serves the Korean web font (WOFF2 subsets of Noto Sans KR, cached a year) and the pages draw Hangul with it', async () => {
    const page = await login('officer');
    await page.evaluate('document.fonts.ready.then(() => true)');
    const loaded = (await page.evaluate(
      `[...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans KR Web' && f.status === 'loaded').map((f) => f.weight)`,
    )) as string[];
    expect(loaded).to.include.members(['400', '700']);
    expect(await page.evaluate(`document.fonts.check('16px "Noto Sans KR Web"', '예산·민간위탁 관리대장 △')`)).to.equal(true);
    expect(await page.evaluate('getComputedStyle(document.body).fontFamily')).to.match(/^"Noto Sans KR Web"/);
    const css = await (await page.request.get(`${base}/static/site.css`)).text();
    const urls = [...css.matchAll(/url\("(\/static\/fonts\/[^"]+)"\)/g)].map((m) => m[1]);
    expect(urls).to.have.length(2);
    for (const url of urls) {
      const res = await page.request.get(`${base}${url}`);
      expect(res.status(), url).to.equal(200);
      expect(res.headers()['content-type']).to.equal('font/woff2');
      expect(res.headers()['cache-control']).to.contain('max-age=31536000').and.to.contain('immutable');
      const body = await res.body();
      expect(body.subarray(0, 4).toString('latin1')).to.equal('wOF2');
      expect(body.length).to.be.below(1_500_000);
    }
  });

  it('budget officer: dashboard → consignment year → records a disbursement and sees the balance fall; too much is refused with the rule and figures; the ledger refuses an execution above 예산현액', async () => {
    const page = await login('officer');
    expect(await page.locator('h1').innerText()).to.contain('공정경제담당관');
    expect(await page.locator('figure.chart svg').count()).to.equal(1);
    await check(page, '10-officer-dashboard');

    // consignment → 2025: appropriation, amendments, grant plan, what was granted
    await page.getByRole('link', { name: '민간위탁', exact: true }).click();
    await check(page, '11-officer-consignments');
    await page
      .getByRole('link', { name: /전자상거래센터/ })
      .first()
      .click();
    await page.getByLabel('회계연도').selectOption('2025');
    await page.getByRole('button', { name: '보기' }).click();
    const lineBalance = page.locator('#line-balance');
    const before = wonOf(await lineBalance.innerText());
    const plannedQ3 = wonOf(
      await page.locator('table', { hasText: '교부계획' }).locator('tbody tr').nth(2).locator('td').first().innerText(),
    );
    expect(plannedQ3).to.be.greaterThan(0);
    await page.getByLabel('분기', { exact: true }).selectOption('3');
    await page.getByLabel('신청일').fill('2025-07-01');
    await page.getByLabel('교부일 (비우면 신청만 기록)').fill('2025-07-10');
    await page.getByLabel('교부액(원)').fill(plannedQ3.toLocaleString('en-US'));
    await page.getByRole('button', { name: '교부 기록' }).click();
    expect(await page.getByRole('status').innerText()).to.contain('교부를 기록했습니다');
    const after = wonOf(await lineBalance.innerText());
    expect(after).to.equal(before - plannedQ3);
    await check(page, '12-officer-consignment');

    // one won more in the same quarter: above the plan to date → refused next to the field, input kept
    await page.getByLabel('분기', { exact: true }).selectOption('3');
    await page.getByLabel('신청일').fill('2025-07-20');
    await page.getByLabel('교부일 (비우면 신청만 기록)').fill('2025-07-21');
    await page.getByLabel('교부액(원)').fill('1,000');
    await page.getByRole('button', { name: '교부 기록' }).click();
    expect(await page.locator('#problem').innerText()).to.contain('교부계획');
    const grantError = await page.locator('#err-amount').innerText();
    expect(grantError).to.contain('교부 가능액은 0원');
    expect(grantError, 'no rule id on screen').not.to.contain('withinGrantPlan');
    expect(await page.locator('.figures-inline').innerText()).to.contain('기교부액');
    expect(await page.getByLabel('교부액(원)').inputValue()).to.equal('1,000');
    expect(await page.getByLabel('분기', { exact: true }).inputValue()).to.equal('3');
    expect(wonOf(await lineBalance.innerText())).to.equal(after);
    await check(page, '13-officer-grant-refused');

    // the ledger page of the funding program: an execution above what is left is refused with 예산현액
    await page.getByRole('link', { name: '원장에서 보기' }).click();
    expect(await page.locator('h1').innerText()).to.contain('2025');
    const balance = page.locator('[data-balance="민간위탁금"]');
    expect(wonOf(await balance.innerText())).to.equal(after);
    await page.getByLabel('편성목', { exact: true }).selectOption('민간위탁금');
    await page.getByLabel('구분', { exact: true }).selectOption('execution');
    await page.getByLabel('금액(원)').fill('1,000,000');
    await page.getByLabel('일자').fill('2025-08-01');
    await page.getByLabel('사유 (예비비·변경사용·차년이월은 필수)').fill('사무용품');
    await page.getByRole('button', { name: '기록' }).click();
    expect(await page.getByRole('status').innerText()).to.contain('기록했습니다');
    const left = wonOf(await balance.innerText());
    expect(left).to.equal(after - 1_000_000);
    await check(page, '14-officer-program-year');

    const tooMuch = (left + 1).toLocaleString('en-US');
    await page.getByLabel('금액(원)').fill(tooMuch);
    await page.getByLabel('일자').fill('2025-09-01');
    await page.getByLabel('사유 (예비비·변경사용·차년이월은 필수)').fill('과다 집행 시도');
    await page.getByRole('button', { name: '기록' }).click();
    expect(await page.locator('#problem').innerText()).to.contain('예산현액');
    const fieldError = await page.locator('#err-amount').innerText();
    expect(fieldError).to.contain('집행 가능액은');
    expect(fieldError, 'no rule id on screen').not.to.contain('withinCurrentBudget');
    expect(await page.locator('.figures-inline').innerText()).to.contain(`집행 가능액 ${left.toLocaleString('en-US')}원`);
    expect(await page.getByLabel('금액(원)').inputValue()).to.equal(tooMuch);
    expect(await page.getByLabel('사유 (예비비·변경사용·차년이월은 필수)').inputValue()).to.equal('과다 집행 시도');
    expect(await page.getByLabel('금액(원)').getAttribute('aria-invalid')).to.equal('true');
    expect(wonOf(await balance.innerText())).to.equal(left);
    await check(page, '15-officer-refused');

    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '예산 원장', exact: true }).click();
    await check(page, '16-officer-ledger');

    // the evaluation sheet: reached from the consignment page, one labelled input per indicator
    await page.goto(`${base}/consignments`);
    await page.getByRole('link', { name: '서울시 전자상거래센터 운영' }).first().click();
    await page.getByRole('link', { name: '종합성과평가 입력' }).click();
    expect(await page.locator('input[name^="score_"]').count()).to.be.greaterThan(3);
    await check(page, '17-officer-evaluation-form');
  });

  it('inspector: starts an inspection from the current template, fills it area by area (the draft survives closing the browser), adds a finding, submits', async () => {
    let page = await login('inspector');
    await check(page, '20-inspector-dashboard');
    await page.getByRole('link', { name: '지도점검' }).first().click();
    // the start form (the list above it is a grid with filters of its own)
    const start = page.locator('section[aria-labelledby="start"]');
    await start.getByLabel('위탁사무').selectOption({ label: '서울시 전자상거래센터 운영' });
    await start.getByLabel('연도').fill('2025');
    await start.getByLabel('회차').fill('1');
    await start.getByLabel('점검자').fill('지도점검 담당 외 1명');
    await start.getByLabel('점검 대상 기간 시작').fill('2025-01-01');
    await start.getByLabel('점검 대상 기간 끝').fill('2025-06-30');
    await check(page, '21-inspector-list');
    await page.getByRole('button', { name: '점검 시작' }).click();
    await page.waitForURL(/\/inspections\/\d+\?area=1/);
    const url = page.url().replace(/\?.*$/, '');

    // area 1: rate every item, then close the browser before finishing
    const rateArea = async (p: Page) => {
      for (const item of await p.locator('fieldset.item').all()) {
        const measured = (await item.locator('input[name^="num_"]').count()) > 0;
        // 8 of 1,000 users surveyed is below the 10% criterion: '적정' would be refused, so '일부 미흡'
        await item
          .locator('input[type=radio]')
          .nth(measured ? 1 : 0)
          .check();
        if (measured) {
          await item.locator('input[name^="num_"]').fill('80');
          await item.locator('input[name^="den_"]').fill('1000');
        }
      }
    };
    await rateArea(page);
    await page.getByRole('textbox', { name: '점검 의견' }).first().fill('증빙서류 확인함');
    await check(page, '22-inspector-area');
    await page.getByRole('button', { name: '저장하고 다음 분야' }).click();
    expect(await page.getByRole('status').innerText()).to.contain('임시 저장');
    await page.context().close();

    page = await login('inspector');
    await page.goto(`${url}?area=1`);
    expect(await page.locator('fieldset.item input[type=radio]:checked').count()).to.be.greaterThan(0);
    expect(await page.getByRole('textbox', { name: '점검 의견' }).first().inputValue()).to.equal('증빙서류 확인함');

    const steps = await page.locator('ol.steps li').count();
    for (let n = 2; n <= steps; n++) {
      await page.goto(`${url}?area=${n}`);
      await rateArea(page);
      await page.getByRole('button', { name: '저장하고 다음 분야' }).click();
      expect(await page.getByRole('status').innerText()).to.contain(`${n}번 분야`);
    }
    expect(await page.locator('ol.steps .done').count()).to.equal(steps);

    await page.getByLabel('점검일').fill('2025-07-15');
    await page.getByRole('button', { name: '기본 정보 저장' }).click();

    await page.getByLabel('구분').selectOption('caution');
    await page.getByLabel('지적 내용').fill('입찰 공고를 센터 홈페이지에만 게시');
    await page.getByLabel('조치 요구사항').fill('나라장터에 공고');
    await page.getByLabel('조치 기한').fill('2025-09-30');
    await page.getByRole('button', { name: '지적사항 추가' }).click();
    expect(await page.locator('section[aria-labelledby="findings"] table').innerText()).to.contain('입찰 공고를 센터 홈페이지에만 게시');
    await check(page, '23-inspector-finding');

    await page.getByRole('button', { name: '점검 결과 제출' }).click();
    expect(await page.getByRole('status').innerText()).to.contain('제출했습니다');
    expect(await page.locator('p', { hasText: '상태' }).first().innerText()).to.contain('제출');
    await check(page, '24-inspector-submitted');
  });

  it('council staff: report catalogue → settlement preview with chart → xlsx and pdf downloads that open', async () => {
    const page = await login('council');
    await check(page, '30-council-dashboard');
    await page.getByRole('link', { name: '보고서' }).first().click();
    await page.getByLabel('회계연도').selectOption('2023');
    await page.getByLabel('실·국 / 부서').selectOption({ label: '노동공정상생정책관 (실·국)' });
    await page.getByRole('button', { name: '목록 보기' }).click();
    await check(page, '31-council-catalogue');
    await page.getByRole('link', { name: /세출결산.*미리보기/ }).click();
    expect(await page.locator('table.report-table').first().innerText()).to.contain('전자상거래센터');
    await check(page, '32-council-settlement-preview');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-dl-'));
    const [xlsxDl] = await Promise.all([page.waitForEvent('download'), page.locator('#download-xlsx').click()]);
    const xlsxPath = path.join(dir, xlsxDl.suggestedFilename());
    await xlsxDl.saveAs(xlsxPath);
    expect(xlsxPath).to.match(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value)))));
    expect(texts.join(' ')).to.contain('전자상거래센터');

    const [pdfDl] = await Promise.all([page.waitForEvent('download'), page.locator('#download-pdf').click()]);
    const pdfPath = path.join(dir, pdfDl.suggestedFilename());
    await pdfDl.saveAs(pdfPath);
    expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).to.equal('%PDF-');
    const text = await pdfText(pdfPath);
    expect(text).to.contain('전자상거래센터');
    fs.rmSync(dir, { recursive: true, force: true });

    // the execution-rate chart report renders its SVG chart in the preview
    await page.goto(`${base}/reports/execution-chart?year=2023&org=LFB`);
    expect(await page.locator('figure.chart svg').count()).to.be.greaterThan(0);
    await check(page, '33-council-chart-preview');
  });

  it('administrator: users page', async () => {
    const page = await login('admin');
    await check(page, '40-admin-dashboard');
    await page.getByRole('link', { name: '사용자 관리' }).click();
    expect(await page.locator('table').first().innerText()).to.contain('officer2');
    await check(page, '41-admin-users');
    await page.getByRole('link', { name: '조직', exact: true }).click();
    await page.getByLabel('코드').fill('TEST-NEW');
    await page.getByLabel('이름').fill('시험담당관');
    await page.getByLabel('단위').selectOption('department');
    await page.getByLabel('상위 조직').selectOption('LFB');
    await page.getByLabel('시작일').fill('2026-01-01');
    await page.getByRole('button', { name: '추가' }).click();
    expect(await page.getByRole('status').innerText()).to.contain('TEST-NEW');
    expect(await page.locator('table').first().innerText()).to.contain('시험담당관');
    await check(page, '42-admin-orgs');
  });

  after(() => {
    if (axeFindings.length) console.log(axeFindings.join('\n'));
  });
});
