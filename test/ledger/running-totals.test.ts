import { expect } from 'chai';
import { testApp, TestApp } from '../support/app';
import { freshProgramYear } from './fixtures';
import { expenseLineFigures } from '../../server/app/ledger/ledger';
import { inTransaction } from '../../server/db/transaction';
import { rebuildTotals, totalsDrift } from '../../server/store/ledger/running-totals';

/**
 * The checks under the program-year lock read running totals (ledger_line_totals,
 * consignment_grant_totals) instead of summing history. Every seeded figure and every kind of write
 * (execution, reversal, transfer, payment, settlement return) must leave them equal to the sums of
 * the entries and disbursements they stand for.
 */
describe('ledger: running totals equal the entries they add up', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('after every seed', async () => {
    const { compared, drift } = await totalsDrift(t.ds.manager);
    expect(drift).to.deep.equal([]);
    expect(compared, 'seeded lines and consignment-years').to.be.greaterThan(30);
  });

  it('after executions, a reversal, a transfer and grant payments', async () => {
    const py = await freshProgramYear(t, { amount: 1_000_000 });
    const exec = await t
      .as('officer')
      .post('/api/ledger-entries')
      .send({ programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 300_000, entryDate: '2025-03-01' });
    expect(exec.status, JSON.stringify(exec.body)).to.equal(201);
    const rev = await t
      .as('officer')
      .post(`/api/ledger-entries/${exec.body.id}/reversal`)
      .send({ entryDate: '2025-03-02', reason: '오류 정정' });
    expect(rev.status, JSON.stringify(rev.body)).to.equal(201);
    const tr = await t.as('officer').post('/api/transfers').send({
      kind: 'item',
      transferDate: '2025-04-10',
      amount: 50_000,
      fromProgramYearId: py.id,
      fromItem: py.item,
      toProgramYearId: py.id,
      toItem: '시설비',
      reason: '공사비 부족',
    });
    expect(tr.status, JSON.stringify(tr.body)).to.equal(201);
    for (const day of ['02', '03']) {
      const pay = await t
        .as('officer')
        .post('/api/disbursements')
        .send({ consignment: 'EC-C01', fiscalYear: 2025, quarter: 4, requestedOn: '2025-10-01', amount: 1_000, paidOn: `2025-10-${day}` });
      expect(pay.status, JSON.stringify(pay.body)).to.equal(201);
    }
    expect((await totalsDrift(t.ds.manager)).drift).to.deep.equal([]);
    // and the line's figures come from them: 1,000,000 less a 50,000 전용, nothing executed after the reversal
    expect(await expenseLineFigures(t.ds.manager, py.id, py.item)).to.include({
      budget: 1_000_000,
      changes: -50_000,
      current: 950_000,
      executed: 0,
      balance: 950_000,
    });
    expect(await expenseLineFigures(t.ds.manager, py.id, '시설비')).to.include({ changes: 50_000, current: 50_000 });
  });

  it("a total changed behind the ledger's back is reported, and a rebuild restores it", async () => {
    const [line] = (await t.ds.query(
      'SELECT id, program_year_id, expense_item, kind, amount FROM ledger_line_totals ORDER BY id LIMIT 1',
    )) as { id: number; program_year_id: number; expense_item: string; kind: string; amount: number }[];
    await t.ds.query('UPDATE ledger_line_totals SET amount = amount + 1 WHERE id = ?', [line.id]);
    const { drift } = await totalsDrift(t.ds.manager);
    expect(drift).to.deep.equal([
      {
        table: 'ledger_line_totals',
        key: `${line.program_year_id}|${line.expense_item}|${line.kind}`,
        total: Number(line.amount) + 1,
        sum: Number(line.amount),
      },
    ]);
    await inTransaction(t.ds, (em) => rebuildTotals(em));
    expect((await totalsDrift(t.ds.manager)).drift).to.deep.equal([]);
  });
});
