import type { EntityManager } from 'typeorm';
import { Consignment } from '../../../entities/consignment';
import { ProgramYear } from '../../../entities/program-year';
import { LineFigures } from '../../../domain/ledger';
import { assertNotSettled } from '../../../domain/consignment-settlement';
import { RequestContext } from '../../context';
import { assertOrgAccess } from '../../access/scope';
import { assertWritable, expenseLineFigures, expenseLinesFigures, WritableReads, writableReadsOf } from '../ledger/ledger';
import { resolveConsignment } from '../../store/consignments/consignment-ref';
import {
  ConsignmentYear,
  ConsignmentYearReads,
  ConsignmentYearState,
  LedgerReadsUnderLock,
  LockedYears,
  readConsignmentYearsLocked,
} from '../../store/consignments/consignment-years';

export type { ConsignmentYearState };
export type YearReads = ConsignmentYearReads<WritableReads>;

/**
 * Who may read a consignment: council staff and administrators all of them; budget officers and
 * inspectors only their own department's.
 */
export async function assertConsignmentRead(em: EntityManager, ctx: RequestContext, c: Consignment): Promise<void> {
  await assertOrgAccess(em, ctx, c.orgUnitId);
}

/** The ledger's reads that go with a consignment-year's lock: the fiscal year open and the program's moves; the line's figures. */
function ledgerReads(em: EntityManager): LedgerReadsUnderLock<WritableReads> {
  return { writable: (keys) => writableReadsOf(em, keys), lines: (keys) => expenseLinesFigures(em, keys) };
}

/** Locks the funding program-years of consignment-years and reads what their writes check, together (see readConsignmentYearsLocked). */
export function lockConsignmentYears(
  em: EntityManager,
  years: (ConsignmentYear & { readLine: boolean })[],
): Promise<LockedYears<WritableReads>> {
  return readConsignmentYearsLocked(em, years, ledgerReads(em));
}

/** The checks of every write to a consignment-year, once its lock is held: the year is open, the actor owns it, it is not settled. */
export async function assertConsignmentYearWritable(em: EntityManager, ctx: RequestContext, reads: YearReads, year: number): Promise<void> {
  await assertWritable(em, ctx, reads.programYear, Promise.resolve(reads.moves));
  assertNotSettled(reads.state.settlement, year);
}

export interface LockedConsignmentYear {
  consignment: Consignment;
  programYear: ProgramYear;
  /** plan, paid total and settlement, read under the lock */
  state: ConsignmentYearState;
  /** figures of the funding line (program-year × 편성목): 예산현액, 집행액, … (read under the lock) */
  line(): Promise<LineFigures>;
  /** the same figures read with the checks, when asked for (`readLine`) */
  lineAtLock: LineFigures | null;
}

/**
 * Every write to a consignment-year starts here: the funding program-year is locked, the fiscal
 * year must be open, the actor must own the consignment, and no confirmed settlement may exist.
 * Payments, plans and settlements of one consignment-year are thereby serialised.
 */
export async function lockConsignmentYear(
  em: EntityManager,
  ctx: RequestContext,
  ref: string | number,
  year: number,
  field = 'consignment',
  readLine = false,
): Promise<LockedConsignmentYear> {
  const consignment = await resolveConsignment(em, ref, field);
  await assertOrgAccess(em, ctx, consignment.orgUnitId);
  const reads = (await lockConsignmentYears(em, [{ consignment, year, readLine }])).of(consignment, year);
  await assertConsignmentYearWritable(em, ctx, reads, year);
  const { programYear, state, lineAtLock } = reads;
  return { consignment, programYear, state, line: () => expenseLineFigures(em, programYear.id, consignment.expenseItem), lineAtLock };
}
