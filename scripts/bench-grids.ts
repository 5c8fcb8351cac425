/**
 * npm run bench:grids — how long the grid pages take on the seeded database (SQLite by default,
 * MariaDB with TEST_DB_URL): each URL requested 20 times after 3 warm-ups by a signed-in council
 * session; prints the median and the 90th percentile in milliseconds. Figures, not a test.
 */
import supertest from 'supertest';
import { testApp } from '../test/support/app';
import { webLogin } from '../test/web/helpers';

const URLS = [
  '/ledger-entries',
  '/ledger-entries?sort=amount:desc&kind=execution&page=2&size=20',
  '/ledger-entries?q=%EA%B4%80%EB%A6%AC&status=active',
  '/ledger-entries?format=xlsx',
  '/grants?sort=paidAmount:desc',
  '/grant-plans?status=approved',
  '/findings?overdue=yes',
  '/audit?size=100',
  '/search?q=%EC%84%BC%ED%84%B0',
];

async function main() {
  const t = await testApp({ web: true });
  try {
    const { agent } = await webLogin(t.app, 'council');
    const get = (url: string) => (agent as ReturnType<typeof supertest.agent>).get(url).buffer(true).expect(200);
    for (const url of URLS) {
      for (let i = 0; i < 3; i++) await get(url);
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const start = process.hrtime.bigint();
        await get(url);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.sort((a, b) => a - b);
      console.log(`${url.padEnd(64)} median ${times[10].toFixed(1)} ms  p90 ${times[18].toFixed(1)} ms`);
    }
  } finally {
    await t.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
