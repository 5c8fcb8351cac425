import { EntityManager } from 'typeorm';
import type { EntryKind } from '../../../entities/ledger-entry';
import { ConsignmentGrantTotal, LedgerLineTotal } from '../../../entities/running-totals';
import { leanAddTo, leanFindOne } from '../../db/lean';

/**
 * The running totals that the checks under the program-year lock read (entities/running-totals.ts):
 * how they are kept, rebuilt and checked against the rows they add up. They are written only here,
 * always in the transaction that writes those rows.
 */

/** Adds amounts to lines' totals per kind (program-year × 편성목 × kind), one statement for them all. */
export async function addToLineTotals(
  tx: EntityManager,
  amounts: { programYearId: number; expenseItem: string; kind: EntryKind; amount: number }[],
): Promise<void> {
  await leanAddTo(
    tx,
    LedgerLineTotal,
    'amount',
    amounts.map((a) => ({ key: { programYearId: a.programYearId, expenseItem: a.expenseItem, kind: a.kind }, amount: a.amount })),
  );
}

/** Σ paid grants (교부액) of a consignment-year. */
export async function paidTotal(em: EntityManager, consignmentId: number, fiscalYear: number): Promise<number> {
  return (await leanFindOne(em, ConsignmentGrantTotal, { consignmentId, fiscalYear }))?.paid ?? 0;
}

/** Adds payments (or their reversals, negative) to their consignment-years' paid totals, one statement for them all. */
export async function addToPaidTotals(
  tx: EntityManager,
  amounts: { consignmentId: number; fiscalYear: number; amount: number }[],
): Promise<void> {
  await leanAddTo(
    tx,
    ConsignmentGrantTotal,
    'paid',
    amounts.map((a) => ({ key: { consignmentId: a.consignmentId, fiscalYear: a.fiscalYear }, amount: a.amount })),
  );
}

// The same sums the totals stand for, as the migration that introduced them computed them.
const LINE_SUMS =
  'SELECT program_year_id, expense_item, kind, SUM(amount) AS amount FROM ledger_entries GROUP BY program_year_id, expense_item, kind';
const PAID_SUMS =
  "SELECT consignment_id, fiscal_year, SUM(paid_amount) AS paid FROM disbursements WHERE status = 'paid' GROUP BY consignment_id, fiscal_year";

/** Rebuilds every total from the entries and disbursements (after a bulk load that inserted rows directly). */
export async function rebuildTotals(tx: EntityManager): Promise<void> {
  await tx.query('DELETE FROM ledger_line_totals');
  await tx.query(`INSERT INTO ledger_line_totals (program_year_id, expense_item, kind, amount) ${LINE_SUMS}`);
  await tx.query('DELETE FROM consignment_grant_totals');
  await tx.query(`INSERT INTO consignment_grant_totals (consignment_id, fiscal_year, paid) ${PAID_SUMS}`);
}

export interface TotalDrift {
  table: 'ledger_line_totals' | 'consignment_grant_totals';
  /** program_year_id|expense_item|kind, or consignment_id|fiscal_year */
  key: string;
  total: number | null;
  sum: number | null;
}

/** Every total that differs from the sum of its rows (none, when the totals are kept right), and how many were compared. */
export async function totalsDrift(em: EntityManager): Promise<{ compared: number; drift: TotalDrift[] }> {
  type Row = Record<string, string | number>;
  const keyed = (rows: Row[], keys: string[], value: string) =>
    new Map(rows.map((r) => [keys.map((k) => String(r[k])).join('|'), Number(r[value])]));
  const compare = (table: TotalDrift['table'], totals: Map<string, number>, sums: Map<string, number>): TotalDrift[] =>
    [...new Set([...totals.keys(), ...sums.keys()])]
      .filter((k) => totals.get(k) !== sums.get(k))
      .map((key) => ({ table, key, total: totals.get(key) ?? null, sum: sums.get(key) ?? null }));
  const lineKeys = ['program_year_id', 'expense_item', 'kind'];
  const lineSums = keyed(await em.query(LINE_SUMS), lineKeys, 'amount');
  const lineTotals = keyed(
    await em.query('SELECT program_year_id, expense_item, kind, amount FROM ledger_line_totals'),
    lineKeys,
    'amount',
  );
  const paidKeys = ['consignment_id', 'fiscal_year'];
  const paidSums = keyed(await em.query(PAID_SUMS), paidKeys, 'paid');
  const paidTotals = keyed(await em.query('SELECT consignment_id, fiscal_year, paid FROM consignment_grant_totals'), paidKeys, 'paid');
  return {
    compared: lineSums.size + paidSums.size,
    drift: [...compare('ledger_line_totals', lineTotals, lineSums), ...compare('consignment_grant_totals', paidTotals, paidSums)],
  };
}
