import type { EntityManager } from 'typeorm';
import type { BudgetTransfer } from '../../../entities/budget-transfer';
import type { ProgramYear } from '../../../entities/program-year';
import { notFound } from '../../../domain/errors';
import { ownerAfterMoves } from '../../../domain/transfers';
import { RequestContext } from '../../context';
import { Outcome, outcomeOf, settled, valueOf } from '../../db/group-commit';
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
  return writableReadsOf(em, [{ key, fiscalYear }]).then(([reads]) => valueOf(reads));
}

/** writableReads of several program-years: the fiscal years (each read once in a transaction) and the moves of all in one statement. */
export async function writableReadsOf(
  em: EntityManager,
  keys: { key: ProgramYearKey; fiscalYear: number }[],
): Promise<Outcome<BudgetTransfer[]>[]> {
  if (!keys.length) return [];
  const years = settled(keys.map((k) => assertYearOpen(em, k.fiscalYear)));
  const moves = outcomeOf(
    programMovesOf(
      em,
      keys.map((k) => k.key),
    ),
  );
  const [open, all] = await Promise.all([years, moves]);
  return keys.map((_, i) => {
    if ('error' in open[i]) return open[i] as Outcome<never>;
    return 'error' in all ? all : { value: all.value[i] };
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
