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
 * What the checks of assertWritable read, started at once: the fiscal year (open, and share-locked
 * so a closing waits for this write) and the program-year's whole-program moves. A caller that has
 * not yet found the program-year starts them by key, in the same round trip as its lock.
 */
export function writableReads(em: EntityManager, key: ProgramYearKey, fiscalYear: number): Promise<BudgetTransfer[]> {
  return writableReadsOf(em, [{ key, fiscalYear }])[0];
}

/** writableReads of several program-years: the fiscal years (each read once in a transaction) and the moves of all in one statement. */
export function writableReadsOf(em: EntityManager, keys: { key: ProgramYearKey; fiscalYear: number }[]): PerKey<BudgetTransfer[]> {
  if (!keys.length) return [];
  const open = eachKey(keys, (k) => assertYearOpen(em, k.fiscalYear));
  const moves = split(
    programMovesOf(
      em,
      keys.map((k) => k.key),
    ),
    keys.length,
  );
  // a closed year refuses before the moves are looked at
  return eachKey(keys, async (_, i) => {
    await open[i];
    return moves[i];
  });
}

/** The checks every write to a program-year makes once it holds the row's lock: the year is open, the actor owns it. */
export async function assertWritable(
  em: EntityManager,
  ctx: RequestContext,
  py: ProgramYear,
  reads = writableReads(em, py.id, py.fiscalYear),
): Promise<void> {
  await assertOrgAccess(em, ctx, ownerAfterMoves(py.orgUnitId, await reads));
}
