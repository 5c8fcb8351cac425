import type { EntityManager } from 'typeorm';
import { ProgramYear } from '../../../entities/program-year';
import type { CarryType } from '../../../entities/ledger-entry';
import { CARRY_SOURCE, type CarryLine, type LiveCarryOut } from '../../../domain/year-operations';
import { leanInsert } from '../../db/lean';
import type { NewProgramYear } from '../programs/program-years';

/** The statements of the year operations: a year's program-years, its standing 차년이월, the two sides of the carry identity. */

/** Every program-year of a year, in id order. */
export function programYearsOfYear(em: EntityManager, fiscalYear: number): Promise<ProgramYear[]> {
  return em.getRepository(ProgramYear).find({ where: { fiscalYear }, order: { id: 'ASC' } });
}

const num = (v: unknown): number => Number(v ?? 0);

/** A program-year carried into a new year, with the prebuilt insert (an opening writes thousands); returns it with its id. */
export async function insertCarriedProgramYear(em: EntityManager, values: NewProgramYear): Promise<ProgramYear> {
  const id = await leanInsert(em, ProgramYear, values);
  return Object.assign(new ProgramYear(), { ...values, id });
}

/**
 * The 차년이월 entries of a year still standing — not reversals, not reversed — with their program,
 * in id order (program-year, then entry, so that the closing locks program-years in a stable order).
 */
export async function liveCarryOuts(em: EntityManager, fiscalYear: number): Promise<(LiveCarryOut & { programYearId: number })[]> {
  const rows = (await em.query(
    `SELECT e.id AS id, e.program_year_id AS py_id, py.program_id AS program_id, e.expense_item AS expense_item, e.amount AS amount,
            e.carry_type AS carry_type, e.reason AS reason
     FROM ledger_entries e JOIN program_years py ON py.id = e.program_year_id
     WHERE e.fiscal_year = ? AND e.kind = 'carry_out' AND e.reversal_of_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reversal_of_id = e.id)
     ORDER BY e.id`,
    [fiscalYear],
  )) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: num(r.id),
    programYearId: num(r.py_id),
    programId: num(r.program_id),
    expenseItem: String(r.expense_item),
    amount: num(r.amount),
    carryType: (r.carry_type as CarryType | null) ?? null,
    reason: (r.reason as string | null) ?? null,
  }));
}

/** Σ amount per program × 편성목 of the entries of one kind in a year (only those carried from the year before, for carry_in). */
async function sumsPerLine(em: EntityManager, fiscalYear: number, kind: 'carry_out' | 'carry_in'): Promise<Map<string, number>> {
  const carried = kind === 'carry_in' ? ` AND e.source_ref LIKE '${CARRY_SOURCE}%'` : '';
  const rows = (await em.query(
    `SELECT py.program_id AS program_id, e.expense_item AS expense_item, SUM(e.amount) AS amount
     FROM ledger_entries e JOIN program_years py ON py.id = e.program_year_id
     WHERE e.fiscal_year = ? AND e.kind = ?${carried}
     GROUP BY py.program_id, e.expense_item`,
    [fiscalYear, kind],
  )) as Record<string, unknown>[];
  return new Map(rows.map((r) => [`${num(r.program_id)}\u0000${String(r.expense_item)}`, num(r.amount)]));
}

/** Both sides of the cross-year identity, per line: Σ 차년이월 of `year`, Σ 전년이월 of `year + 1` carried from it. */
export async function carryLines(em: EntityManager, year: number): Promise<CarryLine[]> {
  const [out, into] = await Promise.all([sumsPerLine(em, year, 'carry_out'), sumsPerLine(em, year + 1, 'carry_in')]);
  const keys = new Set([...out.keys(), ...into.keys()]);
  return [...keys].map((k) => {
    const [programId, expenseItem] = k.split('\u0000');
    return { programId: Number(programId), expenseItem, carriedOut: out.get(k) ?? 0, carriedIn: into.get(k) ?? 0 };
  });
}

/** The 전년이월 entries of a year carried from the year before (standing ones: a reversal and its original both count, netting out). */
export async function carriedInTotals(em: EntityManager, fiscalYear: number): Promise<{ count: number; total: number }> {
  const rows = (await em.query(
    `SELECT COUNT(*) AS n, SUM(e.amount) AS amount FROM ledger_entries e
     WHERE e.fiscal_year = ? AND e.kind = 'carry_in' AND e.reversal_of_id IS NULL AND e.source_ref LIKE '${CARRY_SOURCE}%'
       AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reversal_of_id = e.id)`,
    [fiscalYear],
  )) as Record<string, unknown>[];
  return { count: num(rows[0]?.n), total: num(rows[0]?.amount) };
}

/** The closed years that have a next year in the ledger: the years the cross-year identity is checked for. */
export async function closedYearsWithNext(em: EntityManager): Promise<number[]> {
  const rows = (await em.query(
    `SELECT f.year AS year FROM fiscal_years f WHERE f.status = 'closed' AND EXISTS (SELECT 1 FROM fiscal_years n WHERE n.year = f.year + 1) ORDER BY f.year`,
  )) as Record<string, unknown>[];
  return rows.map((r) => num(r.year));
}

/** How many program-years each year has. */
export async function programYearCounts(em: EntityManager): Promise<Map<number, number>> {
  const rows = (await em.query('SELECT fiscal_year AS year, COUNT(*) AS n FROM program_years GROUP BY fiscal_year')) as Record<
    string,
    unknown
  >[];
  return new Map(rows.map((r) => [num(r.year), num(r.n)]));
}
