import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { In } from 'typeorm';
import { LedgerEntry } from '../../../entities/ledger-entry';
import { leanFind, leanFindOne, leanInsert } from '../../db/lean';
import { addToLineTotals } from './running-totals';

export type NewEntry = Omit<LedgerEntry, 'id'>;

/**
 * The one way ledger entries are written: each is inserted and added to its line's running total
 * (ledger_line_totals) in the caller's transaction, which holds the program-year's lock.
 */
export async function insertEntries(tx: EntityManager, entries: NewEntry[]): Promise<number[]> {
  // issued together, so that a MariaDB transaction sends them in one round trip (in this order)
  const ids = await Promise.all(entries.map((e) => leanInsert(tx, LedgerEntry, e)));
  await addToLineTotals(tx, entries);
  return ids;
}

/** An entry not yet written, as an entity (insertEntries writes it). */
export function newEntry(em: EntityManager, fields: Partial<LedgerEntry>): LedgerEntry {
  return em.getRepository(LedgerEntry).create(fields);
}

/** An entry by id, or null. */
export function entryById(em: EntityManager, id: number): Promise<LedgerEntry | null> {
  return em.getRepository(LedgerEntry).findOneBy({ id });
}

/** Whether an entry already has a reversal. */
export async function isEntryReversed(em: EntityManager, entryId: number): Promise<boolean> {
  return (await leanFindOne(em, LedgerEntry, { reversalOfId: entryId })) !== null;
}

/** The entries a transfer posted, in id order. */
export function entriesOfTransfer(em: EntityManager, transferId: number): Promise<LedgerEntry[]> {
  return leanFind(em, LedgerEntry, { transferId }, { order: [['id', 'ASC']] });
}

/** The latest entries of a program-year, newest first (the ledger page shows 200). */
export function latestEntriesOf(em: EntityManager, programYearId: number, take: number): Promise<LedgerEntry[]> {
  return em.getRepository(LedgerEntry).find({ where: { programYearId }, order: { entryDate: 'DESC', id: 'DESC' }, take });
}

/** A page of entries (among `programYearIds` when given), newest first, and how many match. */
export function entriesPage(
  em: EntityManager,
  filter: { fiscalYear?: number; programYearId?: number; kind?: LedgerEntry['kind']; programYearIds?: number[] },
  skip: number,
  take: number,
): Promise<[LedgerEntry[], number]> {
  const where: FindOptionsWhere<LedgerEntry> = {};
  if (filter.fiscalYear) where.fiscalYear = filter.fiscalYear;
  if (filter.programYearIds) {
    if (!filter.programYearIds.length) return Promise.resolve([[], 0]);
    where.programYearId = In(filter.programYearIds);
  }
  if (filter.programYearId) where.programYearId = filter.programYearId;
  if (filter.kind) where.kind = filter.kind;
  return em.getRepository(LedgerEntry).findAndCount({ where, order: { id: 'DESC' }, skip, take });
}
