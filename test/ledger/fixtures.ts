import { expect } from 'chai';
import { TestApp } from '../support/app';

let counter = 0;

/**
 * A program of its own for a write test, so the test does not depend on what other seeds granted
 * or spent: the admin registers the program, the budget officer of `org` puts it into `year` with
 * one appropriation of `amount` won under `item`.
 */
export async function freshProgramYear(
  t: TestApp,
  opts: { year?: number; org?: string; officer?: 'officer' | 'officer2'; amount?: number; item?: string } = {},
): Promise<{ id: number; code: string; item: string; amount: number }> {
  const code = `T-${process.pid}-${++counter}`;
  const year = opts.year ?? 2025;
  const item = opts.item ?? '사무관리비';
  const amount = opts.amount ?? 1_000_000;
  const officer = opts.officer ?? 'officer';
  let res = await t
    .as('admin')
    .post('/api/programs')
    .send({ code, name: `시험 사업 ${code}`, kind: 'unit', account: 'general' });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  res = await t
    .as(officer)
    .post('/api/program-years')
    .send({ programCode: code, fiscalYear: year, orgCode: opts.org ?? 'LFB-FAIR' });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  const id = res.body.id as number;
  res = await t.as(officer).post(`/api/program-years/${id}/appropriations`).send({ expenseItem: item, amount });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return { id, code, item, amount };
}

export async function counts(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'ledger_entries',
    'budget_transfers',
    'audit_records',
    'appropriations',
    'program_years',
    'programs',
    'idempotency_records',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await t.ds.query(`SELECT COUNT(*) AS n FROM ${table}`);
    out[table] = Number(row.n);
  }
  return out;
}
