import type { EntityManager } from 'typeorm';
import { Appropriation } from '../../../entities/appropriation';
import { EntryKind, LedgerEntry } from '../../../entities/ledger-entry';
import { addFigures, LineFigures, lineFigures } from '../../../domain/ledger';
import { ProgramYearKey, programYearMatch } from './program-years';

/**
 * Figures of one expense line (program-year × 편성목): its appropriation and the running totals of
 * its entries by kind (kept by insertEntries), in one round trip. This runs under the row lock of
 * every payment and execution, so it reads a few rows however long the line's history is.
 */
export async function expenseLineFigures(em: EntityManager, programYear: ProgramYearKey, expenseItem: string): Promise<LineFigures> {
  return (await expenseLinesFigures(em, [{ programYear, expenseItem }]))[0];
}

/** expenseLineFigures of several lines, in one statement (a group of payments reads them together). */
export async function expenseLinesFigures(
  em: EntityManager,
  lines: { programYear: ProgramYearKey; expenseItem: string }[],
): Promise<LineFigures[]> {
  if (!lines.length) return [];
  const parts: string[] = [];
  const params: unknown[] = [];
  lines.forEach(({ programYear, expenseItem }, i) => {
    const [match, matchParams] = programYearMatch(programYear);
    parts.push(
      `SELECT ${i} AS line_key, 'appropriation' AS kind, amount FROM appropriations WHERE ${match} AND expense_item = ?`,
      `SELECT ${i}, kind, amount FROM ledger_line_totals WHERE ${match} AND expense_item = ?`,
    );
    params.push(...matchParams, expenseItem, ...matchParams, expenseItem);
  });
  const rows: { line_key: string | number; kind: string; amount: string | number }[] = await em.query(
    parts.join('\n     UNION ALL\n     '),
    params,
  );
  return lines.map((_, i) => {
    const own = rows.filter((r) => Number(r.line_key) === i);
    const appropriated = own.filter((r) => r.kind === 'appropriation').reduce((a, r) => a + Number(r.amount), 0);
    return lineFigures(
      appropriated,
      own.filter((r) => r.kind !== 'appropriation').map((r) => ({ kind: r.kind as EntryKind, amount: Number(r.amount) })),
    );
  });
}

/** Figures of every expense line of a program-year, and their total. */
export async function programYearFigures(
  em: EntityManager,
  programYearId: number,
): Promise<{ items: Record<string, LineFigures>; total: LineFigures }> {
  const apps = await em.getRepository(Appropriation).findBy({ programYearId });
  const sums = await em
    .getRepository(LedgerEntry)
    .createQueryBuilder('e')
    .select('e.expenseItem', 'item')
    .addSelect('e.kind', 'kind')
    .addSelect('SUM(e.amount)', 'amount')
    .where('e.programYearId = :programYearId', { programYearId })
    .groupBy('e.expenseItem')
    .addGroupBy('e.kind')
    .getRawMany<{ item: string; kind: EntryKind; amount: string | number }>();
  const names = new Set([...apps.map((a) => a.expenseItem), ...sums.map((s) => s.item)]);
  const items: Record<string, LineFigures> = {};
  for (const name of [...names].sort()) {
    items[name] = lineFigures(
      apps.find((a) => a.expenseItem === name)?.amount ?? 0,
      sums.filter((s) => s.item === name).map((s) => ({ kind: s.kind, amount: Number(s.amount) })),
    );
  }
  return { items, total: addFigures(Object.values(items)) };
}
