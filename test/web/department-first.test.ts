import { expect } from 'chai';
import { LedgerEntry } from '../../entities/ledger-entry';
import { testApp, TestApp } from '../support/app';

/**
 * Issue 14, defect 6: access by data. A budget officer of another department reads nothing of a
 * program-year through the entries list, and a write to another department's records is refused
 * with 403 before any other check could answer with what it knows (the entry's source, the year
 * closed, the line's figures).
 */
describe('department first: another department’s rows are neither listed nor answered about', function () {
  this.timeout(120_000);
  let t: TestApp;
  let paymentEntry: { id: number; programYearId: number };
  const count = async (table: string) => Number((await t.ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  before(async () => {
    t = await testApp();
    // the 집행 a grant payment posted to the e-commerce center's program (공정경제담당관, officer's department)
    const [row] = await t.ds.query("SELECT id, program_year_id FROM ledger_entries WHERE source_ref = 'disbursement:1'");
    paymentEntry = { id: Number(row.id), programYearId: Number(row.program_year_id) };
  });
  after(async () => t?.close());

  it('GET /api/ledger-entries?programYearId= of another department: 403, as GET /api/program-years/:id', async () => {
    expect((await t.as('officer2').get(`/api/program-years/${paymentEntry.programYearId}`)).status).to.equal(403);
    const res = await t.as('officer2').get(`/api/ledger-entries?programYearId=${paymentEntry.programYearId}`);
    expect(res.status).to.equal(403);
    expect(res.body.items).to.equal(undefined);
    const own = await t.as('officer').get(`/api/ledger-entries?programYearId=${paymentEntry.programYearId}`);
    expect(own.status).to.equal(200);
    expect(own.body.total).to.be.greaterThan(0);
  });

  it('GET /api/ledger-entries without a filter lists only the caller’s department’s entries', async () => {
    const mine = await t.as('officer2').get('/api/ledger-entries?pageSize=500');
    expect(mine.status).to.equal(200);
    const ids = (mine.body.items as LedgerEntry[]).map((e) => e.programYearId);
    expect(ids).to.not.include(paymentEntry.programYearId);
    expect(ids.length).to.be.greaterThan(0);
    const council = await t.as('council').get('/api/ledger-entries?pageSize=500');
    expect(council.body.total).to.equal(await count('ledger_entries'));
    expect(mine.body.total).to.be.lessThan(council.body.total);
  });

  it('POST /api/ledger-entries/:id/reversal of another department’s payment entry: 403, not 409 naming its source', async () => {
    const before = await count('ledger_entries');
    const body = { entryDate: '2025-06-30', reason: '정정' };
    const other = await t.as('officer2').post(`/api/ledger-entries/${paymentEntry.id}/reversal`).send(body);
    expect(other.status).to.equal(403);
    expect(JSON.stringify(other.body)).to.not.contain('disbursement');
    // the owner is told why it cannot be reversed here
    const own = await t.as('officer').post(`/api/ledger-entries/${paymentEntry.id}/reversal`).send(body);
    expect(own.status).to.equal(409);
    expect(own.body.code ?? own.body.type).to.match(/reverse_through_source/);
    expect(await count('ledger_entries')).to.equal(before);
  });

  it('writes to another department’s program-year in a closed year: 403 before “year closed”', async () => {
    // 시민소통담당관's 2018 programs (2018 is closed): officer2's own department, not officer's
    const [entry] = await t.ds.query(
      `SELECT e.id, e.expense_item, e.program_year_id FROM ledger_entries e
       JOIN program_years py ON py.id = e.program_year_id JOIN org_units o ON o.id = py.org_unit_id
       WHERE o.name = '시민소통담당관' AND py.fiscal_year = 2018 AND e.transfer_id IS NULL AND e.source_ref IS NULL
         AND py.id NOT IN (SELECT from_program_year_id FROM budget_transfers WHERE kind = 'org')
       ORDER BY e.id`,
    );
    const py = { id: Number(entry.program_year_id) };
    const entries = await count('ledger_entries');
    const post = { programYearId: py.id, expenseItem: entry.expense_item, kind: 'execution', amount: 1000, entryDate: '2018-03-02' };
    expect((await t.as('officer').post('/api/ledger-entries').send(post)).status).to.equal(403);
    expect((await t.as('officer2').post('/api/ledger-entries').send(post)).status).to.equal(409);
    const reversal = { entryDate: '2018-12-30', reason: '정정' };
    expect((await t.as('officer').post(`/api/ledger-entries/${entry.id}/reversal`).send(reversal)).status).to.equal(403);
    expect((await t.as('officer2').post(`/api/ledger-entries/${entry.id}/reversal`).send(reversal)).status).to.equal(409);
    const appropriation = { expenseItem: '일반운영비', amount: 1000 };
    expect((await t.as('officer').post(`/api/program-years/${py.id}/appropriations`).send(appropriation)).status).to.equal(403);
    expect((await t.as('officer2').post(`/api/program-years/${py.id}/appropriations`).send(appropriation)).status).to.equal(409);
    expect(await count('ledger_entries')).to.equal(entries);
  });

  it('a transfer of another department in a closed year: 403 before “year closed”, both for its reversal and its committee report', async () => {
    const [tr] = await t.ds.query("SELECT id FROM budget_transfers WHERE kind = 'item' AND fiscal_year = 2018 ORDER BY id");
    const transfers = await count('budget_transfers');
    expect(
      (await t.as('officer').post(`/api/transfers/${tr.id}/reversal`).send({ transferDate: '2018-12-30', reason: '정정' })).status,
    ).to.equal(403);
    expect(
      (await t.as('officer2').post(`/api/transfers/${tr.id}/reversal`).send({ transferDate: '2018-12-30', reason: '정정' })).status,
    ).to.equal(409);
    const report = { reportedOn: '2018-12-30' };
    expect((await t.as('officer').post(`/api/transfers/${tr.id}/committee-report`).send(report)).status).to.equal(403);
    expect((await t.as('officer2').post(`/api/transfers/${tr.id}/committee-report`).send(report)).status).to.equal(409);
    expect(await count('budget_transfers')).to.equal(transfers);
  });

  it('a program-year moved by a whole-program 이체 belongs to its new department: its old one may not appropriate to it', async () => {
    // 2018: two programs of 시민소통담당관 moved to 뉴미디어담당관 (seed 003)
    const [moved] = await t.ds.query("SELECT from_program_year_id AS id FROM budget_transfers WHERE kind = 'org' ORDER BY id");
    const res = await t
      .as('officer2')
      .post(`/api/program-years/${moved.id}/appropriations`)
      .send({ expenseItem: '일반운영비', amount: 1000 });
    expect(res.status).to.equal(403);
    expect((await t.as('officer2').get(`/api/program-years/${moved.id}`)).status).to.equal(403);
  });

  it('a revenue line for another department in a closed year: 403 before “year closed”', async () => {
    const lines = await count('revenue_lines');
    const [org] = await t.ds.query('SELECT o.code FROM org_units o JOIN revenue_lines l ON l.org_unit_id = o.id ORDER BY l.id');
    const body = { fiscalYear: 2018, orgCode: org.code, code: 'REV-PROBE', name: '시험', budget: 0, currentBudget: 0 };
    const other = await t.as('officer').post('/api/revenue-lines').send(body);
    expect(other.status).to.equal(403);
    expect(await count('revenue_lines')).to.equal(lines);
  });
});
