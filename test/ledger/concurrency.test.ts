import { expect } from 'chai';
import { testDbKind } from '../support/db';
import { testApp, TestApp } from '../support/app';
import { freshProgramYear } from './fixtures';

/**
 * 20 executions race for one line whose 예산현액 covers only some of them. Each is answered 201 or
 * 409, and what was executed never exceeds 예산현액. Meaningful on MariaDB, where requests run in
 * parallel connections; SQLite runs the same test with its writes queued.
 */
describe('ledger: concurrent executions never exceed 예산현액', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it(`20 concurrent executions of 70,000 won against 1,000,000 won (${testDbKind()})`, async () => {
    const py = await freshProgramYear(t, { amount: 1_000_000 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t
          .as('officer')
          .post('/api/ledger-entries')
          .send({ programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 70_000, entryDate: '2025-07-01' }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join(','),
    ).to.equal(true);
    expect(statuses.filter((s) => s === 201)).to.have.length(14); // 14 × 70,000 = 980,000 ≤ 1,000,000 < 15 × 70,000
    const detail = await t.as('officer').get(`/api/program-years/${py.id}`);
    expect(detail.body.figures.total.executed).to.equal(980_000);
    expect(detail.body.figures.total.balance).to.equal(20_000);
  });
});
