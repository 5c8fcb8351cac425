import type { EntityManager } from 'typeorm';
import type { BudgetTransfer } from '../../entities/budget-transfer';
import { isDepartmentScoped } from '../../domain/access';
import { ownerAfterMoves } from '../../domain/transfers';
import { RequestContext } from '../context';
import { programYearOwnership } from '../store/ledger/program-years';
import { unitsWithin } from './scope';

/**
 * Department scope for lists: which rows a reader may see. Budget officers and inspectors see the
 * rows of their own department (and of the units under it); council staff, administrators and the
 * system are not scoped (`null`: every department's rows). A scoped reader without a department
 * sees nothing.
 */
export async function readableUnits(em: EntityManager, ctx: RequestContext): Promise<Set<number> | null> {
  const { role, orgUnitId } = ctx.actor;
  if (!isDepartmentScoped(role)) return null;
  return orgUnitId === null ? new Set() : unitsWithin(em, orgUnitId);
}

/** Whether a row owned by `unitId` is within the reader's scope (`null` scope: every row). */
export function inScope(units: Set<number> | null, unitId: number | null | undefined): boolean {
  return units === null || (unitId !== null && unitId !== undefined && units.has(unitId));
}

/**
 * The program-years (of a year, or all) the reader may see: those whose department now — their own,
 * or the target of their latest whole-program 이체 not reversed — is within the reader's scope;
 * `null` when the reader is not scoped.
 */
export async function readableProgramYearIds(em: EntityManager, ctx: RequestContext, fiscalYear?: number): Promise<Set<number> | null> {
  const units = await readableUnits(em, ctx);
  return units === null ? null : programYearsWithin(em, units, fiscalYear);
}

/** The program-years (of a year, or all) whose department now is one of `units`. */
export async function programYearsWithin(em: EntityManager, units: Set<number>, fiscalYear?: number): Promise<Set<number>> {
  const { programYears, moves } = await programYearOwnership(em, fiscalYear);
  const movesOf = new Map<number, BudgetTransfer[]>();
  for (const m of moves) movesOf.set(m.fromProgramYearId, [...(movesOf.get(m.fromProgramYearId) ?? []), m]);
  return new Set(programYears.filter((py) => units.has(ownerAfterMoves(py.orgUnitId, movesOf.get(py.id) ?? []))).map((py) => py.id));
}
