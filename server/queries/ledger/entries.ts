import type { EntityManager } from 'typeorm';
import type { EntryKind, LedgerEntry } from '../../../entities/ledger-entry';
import { entriesPage } from '../../store/ledger/entries';

export interface EntryFilter {
  year?: number;
  programYearId?: number;
  kind?: EntryKind;
}

/** A page of ledger entries (추경, 이월, 전용·이용·이체, 집행, 차년이월, reversals), newest first, and how many match. */
export function listEntries(em: EntityManager, filter: EntryFilter, skip: number, take: number): Promise<[LedgerEntry[], number]> {
  return entriesPage(em, { fiscalYear: filter.year, programYearId: filter.programYearId, kind: filter.kind }, skip, take);
}
