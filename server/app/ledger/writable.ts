import type { EntityManager } from 'typeorm';
import type { BudgetTransfer } from '../../../entities/budget-transfer';
import type { ProgramYear } from '../../../entities/program-year';
import { notFound } from '../../../domain/errors';
import { ownerAfterMoves } from '../../../domain/transfers';
import { RequestContext } from '../../context';
import { eachKey, PerKey, split } from '../../db/batch';
import { assertOrgAccess } from '../../access/scope';
import { lockProgramYear, ProgramYearKey, programMovesOf } from '../../store/ledger/program-years';
import { assertYearOpen } from './fiscal-years';

export { effectiveOrgUnitId } from '../../queries/ledger/program-year';

/** Locks a program-year for the rest of the transaction and checks the year is open and the actor may write. */
export async function lockProgramYearForWrite(
  em: EntityManager,
  ctx: RequestContext,
  programYearId: number,
  field = 'programYearId',
): Promise<ProgramYear> {
  const py = await lockProgramYear(em, programYearId);
  if (!py) throw notFound(`Program-year ${programYearId}`, `사업(연도) ${programYearId}`, field);
  await assertWritable(em, ctx, py);
  return py;
}

/**
 * Locks several program-years for writing, in id order (so two writers cannot deadlock), then checks
 * the department of every one of them before any year: another department's program-year is refused
 * with 403 whatever else would refuse the write. Returns them by id.
 */
export async function lockProgramYearsForWrite(
  em: EntityManager,
  ctx: RequestContext,
  sides: { id: number; field: string }[],
): Promise<Map<number, ProgramYear>> {
  const locked = new Map<number, ProgramYear>();
  for (const { id, field } of [...sides].sort((a, b) => a.id - b.id)) {
    if (locked.has(id)) continue;
    const py = await lockProgramYear(em, id);
    if (!py) throw notFound(`Program-year ${id}`, `사업(연도) ${id}`, field);
    locked.set(id, py);
  }
  const pys = [...locked.values()];
  const reads = writableReadsOf(
    em,
    pys.map((py) => ({ key: py.id, fiscalYear: py.fiscalYear })),
  );
  const answered: WritableReads[] = [];
  for (const [i, py] of pys.entries()) {
    answered.push(await reads[i]);
    await assertOrgAccess(em, ctx, ownerAfterMoves(py.orgUnitId, answered[i].moves));
  }
  for (const r of answered) await r.open;
  return locked;
}

/**
 * What the checks of assertWritable read, started at once: the program-year's whole-program moves
 * (who owns it now) and the fiscal year (open, and share-locked so a closing waits for this write).
 * The year's check is answered apart (`open`), so that the department is checked first: a reader of
 * another department learns nothing about the year or the row. A caller that has not yet found the
 * program-year starts them by key, in the same round trip as its lock.
 */
export interface WritableReads {
  moves: BudgetTransfer[];
  /** resolves when the fiscal year is open, rejects with its refusal otherwise (awaited after the department check) */
  open: Promise<unknown>;
}

export function writableReads(em: EntityManager, key: ProgramYearKey, fiscalYear: number): Promise<WritableReads> {
  return writableReadsOf(em, [{ key, fiscalYear }])[0];
}

/** writableReads of several program-years: the fiscal years (each read once in a transaction) and the moves of all in one statement. */
export function writableReadsOf(em: EntityManager, keys: { key: ProgramYearKey; fiscalYear: number }[]): PerKey<WritableReads> {
  if (!keys.length) return [];
  const open = eachKey(keys, (k) => assertYearOpen(em, k.fiscalYear));
  const moves = split(
    programMovesOf(
      em,
      keys.map((k) => k.key),
    ),
    keys.length,
  );
  return eachKey(keys, async (_, i) => ({ moves: await moves[i], open: open[i] }));
}

/**
 * The checks every write to a program-year makes once it holds the row's lock, the department first:
 * the actor owns it (after any whole-program 이체), then the year is open.
 */
export async function assertWritable(
  em: EntityManager,
  ctx: RequestContext,
  py: ProgramYear,
  reads = writableReads(em, py.id, py.fiscalYear),
): Promise<void> {
  const { moves, open } = await reads;
  await assertOrgAccess(em, ctx, ownerAfterMoves(py.orgUnitId, moves));
  await open;
}
