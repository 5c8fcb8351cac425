/**
 * The Chromium the browser tests drive (playwright-core): Debian's `/usr/bin/chromium` when it is
 * installed, otherwise the headless Chromium shipped in the npm package `@sparticuz/chromium`
 * (unpacked on first use into the temp folder). No browser is a failure, never a skip.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** What this machine needs whichever Chromium runs: no sandbox (root, containers), no GPU, no network chatter. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Flags of @sparticuz/chromium's defaults left out: they exist for AWS Lambda, not for tests. */
const NOT_FOR_TESTS = [
  /^--single-process$/, // one process dies with the first closed browser context
  /^--headless=/,
  /^--disable-web-security$/,
  /^--allow-running-insecure-content$/,
  /^--use-gl=/,
  /^--use-angle=/,
  /^--enable-unsafe-swiftshader$/,
];

export interface ChromiumChoice {
  executablePath: string;
  args: string[];
  /** 'debian' or '@sparticuz/chromium' */
  source: string;
}

/**
 * Which Chromium to launch and with which flags. No --user-data-dir: playwright refuses it in `args`
 * and gives every launch a fresh temporary profile of its own (removed on close).
 */
export async function chromiumChoice(): Promise<ChromiumChoice> {
  if (fs.existsSync(DEBIAN_CHROMIUM)) {
    return { executablePath: DEBIAN_CHROMIUM, args: FLAGS, source: 'debian' };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS build of an optional dev dependency
  const bundled = require('@sparticuz/chromium') as { executablePath(): Promise<string>; args: string[]; setGraphicsMode: boolean };
  bundled.setGraphicsMode = false; // no WebGL: the swiftshader files are not needed
  const executablePath = await bundled.executablePath();
  const own = bundled.args.filter((a) => !NOT_FOR_TESTS.some((re) => re.test(a)));
  const args = [...new Set([...own, ...FLAGS])];
  return { executablePath, args, source: '@sparticuz/chromium' };
}

/** Launches the chosen Chromium under playwright-core. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await chromiumChoice();
  return chromium.launch({ executablePath, args, headless: true });
}

/**
 * The browser suites drive pages, whose rendering does not depend on the database; the API and page
 * tests (supertest) run on both. On MariaDB (TEST_DB_URL set) they run only when BROWSER_ON_MARIADB=1,
 * which keeps CI's second pass within its time (about four minutes of Chromium saved).
 */
export const describeInBrowser: Mocha.SuiteFunction | Mocha.PendingSuiteFunction =
  process.env.TEST_DB_URL && !process.env.BROWSER_ON_MARIADB ? describe.skip : describe;
