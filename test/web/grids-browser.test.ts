import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { testApp, TestApp } from '../support/app';
import { describeInBrowser, launchChromium } from '../support/browser';
import { password } from './helpers';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'web');

describeInBrowser('grids in a real browser (Chromium): sort header, pager, URL state, back', function () {
  this.timeout(240_000);
  let t: TestApp;
  let server: Server;
  let base: string;
  let browser: Browser;

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    t = await testApp({ web: true });
    server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await t?.close();
  });

  async function login(width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('아이디').fill('council');
    await page.getByLabel('비밀번호').fill(password('council'));
    await Promise.all([page.waitForURL(`${base}/`), page.getByRole('button', { name: '로그인' }).click()]);
    return page;
  }

  it('clicking a sort header and the pager changes the URL and the rows; back restores them', async () => {
    const page = await login(1366, 900);
    await page.goto(`${base}/ledger-entries?size=5`);
    const firstIds = await page.locator('#grid-ledger-entries tbody tr td:first-child').allInnerTexts();
    expect(firstIds).to.have.length(5);

    await Promise.all([page.waitForURL(/sort=amount/), page.locator('#grid-ledger-entries thead a[data-sort="amount"]').click()]);
    expect(page.url()).to.match(/[?&]sort=amount(%3A|:)desc/);
    expect(page.url()).to.match(/[?&]size=5/);
    expect(await page.locator('#grid-ledger-entries thead th[aria-sort="descending"]').innerText()).to.contain('금액');
    const sortedIds = await page.locator('#grid-ledger-entries tbody tr td:first-child').allInnerTexts();
    expect(sortedIds).to.not.deep.equal(firstIds);

    await Promise.all([
      page.waitForURL(/page=2/),
      page
        .getByRole('navigation', { name: /쪽 이동/ })
        .getByRole('link', { name: '다음' })
        .click(),
    ]);
    expect(page.url()).to.match(/[?&]sort=amount(%3A|:)desc/);
    expect(page.url()).to.match(/[?&]page=2/);
    const secondIds = await page.locator('#grid-ledger-entries tbody tr td:first-child').allInnerTexts();
    expect(secondIds).to.not.deep.equal(sortedIds);
    expect(await page.locator('.pager [aria-current="page"]').innerText()).to.equal('2');

    // the filter form keeps the sort; back and forward walk the URL states
    await page.getByLabel('구분').selectOption('execution');
    await Promise.all([page.waitForURL(/kind=execution/), page.getByRole('button', { name: '조회' }).click()]);
    expect(page.url()).to.match(/sort=amount(%3A|:)desc/);
    expect(page.url()).to.not.match(/page=2/);
    await page.goBack();
    expect(page.url()).to.match(/page=2/);
    expect(await page.locator('#grid-ledger-entries tbody tr td:first-child').allInnerTexts()).to.deep.equal(secondIds);
    await page.screenshot({ path: path.join(ARTIFACTS, 'grid-ledger-entries-1366.png'), fullPage: true });
    await page.context().close();
  });

  it('at 390 px the grid scrolls inside its own box (screenshots kept)', async () => {
    const page = await login(390, 844);
    for (const [name, url] of [
      ['ledger-entries', '/ledger-entries?size=10'],
      ['grants', '/grants'],
      ['search', '/search?q=%EC%84%BC%ED%84%B0'],
    ] as const) {
      await page.goto(`${base}${url}`);
      await page.screenshot({ path: path.join(ARTIFACTS, `grid-${name}-390.png`), fullPage: true });
      if (name !== 'search') {
        const box = await page.locator('.table-scroll').first().boundingBox();
        expect(box!.width, name).to.be.at.most(390);
      }
    }
    await page.context().close();
  });
});
