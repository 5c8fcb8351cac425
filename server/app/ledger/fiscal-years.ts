import type { EntityManager } from 'typeorm';
import { FiscalYear } from '../../../entities/fiscal-year';
import { assertYearWritable } from '../../../domain/fiscal-year';
import { yearHeld } from '../../store/ledger/fiscal-years';

export { assertDateInYear } from '../../../domain/fiscal-year';

/**
 * A closed fiscal year is read-only: every write into it is refused. Writes call this inside their
 * transaction; the year's row is read with a shared lock held to the end of it, so closeYear (which
 * locks the row for update) waits for the writes in flight and every later write sees it closed.
 */
export async function assertYearOpen(em: EntityManager, year: number, field = 'fiscalYear'): Promise<FiscalYear> {
  return assertYearWritable(await yearHeld(em, year), year, field);
}

/** Opening and closing a year (with the carry-forward and the carry-over) are year-operations.ts's. */
export { closeYear, openYear } from './year-operations';
export type { CarriedOver, YearOpening } from './year-operations';
