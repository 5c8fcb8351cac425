import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { testApp, TestApp, DemoUser } from '../support/app';
import { describeInBrowser, launchChromium } from '../support/browser';
import { pdfText } from '../support/pdf-text';
import { pageRoutes } from '../../server/web';
import { password } from './helpers';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'web-phone-paper');
const AXE = path.join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1366, height: 900 };

/** Every GET page's address pattern, to tell which page a link leads to (one visit per page and role). */
const GET_PAGES = pageRoutes()
  .filter((p) => p.method === 'get' && p.roles !== 'public')
  .map((p) => ({ path: p.path, re: new RegExp(`^${p.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`) }));

/**
 * Every page each role can reach, at 1366×900 and at 390×844: axe-core finds no serious or critical
 * violation, and at 390 px no page's document is wider than the screen. Then a refused form opens at
 * its focused summary, and a report preview printed by Chromium keeps its last column and drops the menu.
 */
describeInBrowser('web pages on a phone (390×844) and on paper (A4)', function () {
  this.timeout(900_000);
  let t: TestApp;
  let server: Server;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async function () {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
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
  });

  async function login(user: DemoUser, viewport = DESK): Promise<Page> {
    // bypassCSP only so that the test can inject axe-core; the pages themselves run under helmet's CSP
    const context = await browser.newContext({ bypassCSP: true, locale: 'ko-KR', viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('아이디').fill(user);
    await page.getByLabel('비밀번호').fill(password(user));
    await page.getByLabel('비밀번호').press('Enter');
    await page.waitForURL(`${base}/`);
    return page;
  }

  async function axeSerious(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`)) as {
      id: string;
      impact: string;
      targets: string[];
    }[];
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) at ${v.targets.join(', ')}`);
  }

  /** The pages a role reaches from its first page by links: one address per page pattern (and the packet). */
  async function pagesOf(page: Page): Promise<string[]> {
    const seen = new Map<string, string>();
    const queue = ['/'];
    while (queue.length && seen.size < 40) {
      const url = queue.shift()!;
      const pathname = new URL(url, base).pathname;
      const pattern = GET_PAGES.find((p) => p.re.test(pathname))?.path;
      if (!pattern) continue;
      // one address per page, but each report preview by its own name
      const key = pattern === '/reports/:name' ? pathname : pattern;
      if (seen.has(key)) continue;
      seen.set(key, url);
      await page.goto(`${base}${url}`);
      const links = (await page.evaluate(`[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))`)) as string[];
      for (const href of links) {
        if (!href.startsWith('/') || href.startsWith('/api/') || href.startsWith('/static/')) continue;
        queue.push(href.split('#')[0]);
      }
    }
    return [...seen.values()];
  }

  for (const role of ['officer', 'inspector', 'council', 'admin'] as DemoUser[]) {
    it(`${role}: every page fits 390 px and has no serious axe violation at 1366×900 and 390×844`, async () => {
      const page = await login(role);
      let urls = await pagesOf(page);
      // a few report previews are enough: every preview is the same page; the packet is always among them
      const reports = urls.filter((u) => u.startsWith('/reports/'));
      urls = [...urls.filter((u) => !u.startsWith('/reports/')), ...reports.slice(0, 2)];
      if (role === 'council') urls.push('/reports/packet?year=2018&org=SCB');
      expect(urls.length, urls.join(' ')).to.be.at.least(role === 'admin' ? 5 : 4);
      const widths: string[] = [];
      const findings: string[] = [];
      for (const url of urls) {
        await page.setViewportSize(DESK);
        await page.goto(`${base}${url}`);
        for (const f of await axeSerious(page)) findings.push(`1366 ${url}: ${f}`);
        await page.setViewportSize(PHONE);
        await page.goto(`${base}${url}`);
        await page.evaluate('document.fonts.ready.then(() => true)');
        const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
        if (width > PHONE.width) widths.push(`${url}: ${width}px`);
        for (const f of await axeSerious(page)) findings.push(`390 ${url}: ${f}`);
        const name = `${role}-${url.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
        await page.screenshot({ path: path.join(ARTIFACTS, `${name}-390.png`), fullPage: true });
      }
      expect(widths, `pages wider than 390 px for ${role}`).to.deep.equal([]);
      expect(findings, `axe findings for ${role}`).to.deep.equal([]);
    });
  }

  it('a refused 교부 opens at its error summary: focused, inside the viewport, linking to the field', async () => {
    for (const viewport of [DESK, PHONE]) {
      const page = await login('officer', viewport);
      await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '민간위탁', exact: true }).click();
      await page
        .getByRole('link', { name: /전자상거래센터/ })
        .first()
        .click();
      await page.getByLabel('회계연도').selectOption('2025');
      await page.getByRole('button', { name: '보기' }).click();
      await page.getByLabel('분기', { exact: true }).selectOption('1');
      await page.getByLabel('신청일').fill('2025-01-20');
      await page.getByLabel('교부일 (비우면 신청만 기록)').fill('2025-01-21');
      await page.getByLabel('교부액(원)').fill('900,000,000');
      await page.getByRole('button', { name: '교부 기록' }).click();
      await page.waitForFunction(`document.activeElement && document.activeElement.id === 'problem'`);
      const box = (await page.evaluate(`(() => { const r = document.getElementById('problem').getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: innerHeight }; })()`)) as { top: number; bottom: number; height: number };
      expect(box.top, JSON.stringify(box)).to.be.at.least(0);
      expect(box.top, JSON.stringify(box)).to.be.below(box.height);
      const summary = page.locator('#problem');
      expect(await summary.getAttribute('role')).to.equal('alert');
      expect(await summary.getAttribute('tabindex')).to.equal('-1');
      const text = await summary.innerText();
      expect(text).to.contain('교부 가능액');
      expect(text, 'no rule id on screen').not.to.match(/within|규칙:/);
      expect(text, 'particles fit the figures').not.to.match(/\(를\)|\(가\)|\(는\)|원로 /);
      // the field's message beside it, named by aria-describedby; the summary's link moves focus to the field
      const amount = page.getByLabel('교부액(원)');
      expect(await amount.getAttribute('aria-describedby')).to.contain('err-amount');
      await summary.locator('a[href="#err-amount"]').click();
      expect(await page.evaluate('document.activeElement.id')).to.equal(await amount.getAttribute('id'));
      await page.screenshot({ path: path.join(ARTIFACTS, `refusal-${viewport.width}.png`) });
    }
  });

  it('a report preview printed by Chromium (A4) keeps the last column and leaves out the menu and buttons', async () => {
    const page = await login('council');
    await page.goto(`${base}/reports/expenditure-settlement?year=2018&org=SCB`);
    expect(await page.getByRole('button', { name: '인쇄' }).isVisible()).to.equal(true);
    const lastHeader = (
      (await page.locator('table.report-table').first().locator('thead tr').last().locator('th').last().innerText()) as string
    ).trim();
    expect(lastHeader.length).to.be.greaterThan(0);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-print-'));
    const file = path.join(dir, 'preview.pdf');
    fs.writeFileSync(file, pdf);
    fs.copyFileSync(file, path.join(ARTIFACTS, 'print-expenditure-settlement.pdf'));
    const text = await pdfText(file);
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(squash(text)).to.contain(squash(lastHeader));
    expect(squash(text)).to.contain('세출결산');
    for (const menu of ['로그아웃', '본문바로가기', '엑셀로내려받기', '인쇄', '주메뉴', '보고서목록'])
      expect(squash(text), `"${menu}" printed`).not.to.contain(menu);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
