import type { EntityManager } from 'typeorm';
import { FiscalYear } from '../../../entities/fiscal-year';
import { leanFindOne } from '../../db/lean';
import { lockRow, transactionLocal } from '../../db/transaction';

const YEARS_HELD = Symbol('fiscal years read, share-locked, in this transaction');

/**
 * The year's row, share-locked for the rest of the transaction. Once it is held nobody else can
 * change the row before the transaction ends, so a transaction that writes to many program-years of
 * one year (a group of payments) reads it once.
 */
export function yearHeld(em: EntityManager, year: number): Promise<FiscalYear | null> {
  const held = transactionLocal(em, YEARS_HELD, () => new Map<number, Promise<FiscalYear | null>>());
  let read = held?.get(year);
  if (!read) {
    read = leanFindOne(em, FiscalYear, { year }, { lock: 'share' });
    held?.set(year, read);
  }
  return read;
}

/** A fiscal year by its year, or null. */
export function fiscalYearOf(em: EntityManager, year: number): Promise<FiscalYear | null> {
  return em.getRepository(FiscalYear).findOneBy({ year });
}

/** A fiscal year locked for update (closing it waits for the writes that share-lock it), or null. */
export function lockFiscalYear(em: EntityManager, year: number): Promise<FiscalYear | null> {
  return lockRow(em, FiscalYear, year, 'year');
}

/** A new fiscal year, not yet saved. */
export function newFiscalYear(em: EntityManager, fields: Partial<FiscalYear>): FiscalYear {
  return em.getRepository(FiscalYear).create(fields);
}

/** Saves a fiscal year (inserted or updated). */
export async function saveFiscalYear(em: EntityManager, fy: FiscalYear): Promise<void> {
  await em.save(fy);
}

/** Every fiscal year, in year order (ascending or descending). */
export function fiscalYears(em: EntityManager, order: 'ASC' | 'DESC'): Promise<FiscalYear[]> {
  return em.getRepository(FiscalYear).find({ order: { year: order } });
}

/** The closed fiscal years. */
export async function closedYears(em: EntityManager): Promise<Set<number>> {
  return new Set((await em.getRepository(FiscalYear).findBy({ status: 'closed' })).map((f) => f.year));
}
