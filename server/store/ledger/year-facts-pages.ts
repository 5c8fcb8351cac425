import type { EntityManager } from 'typeorm';
import { Appropriation } from '../../../entities/appropriation';
import { EntryKind, LedgerEntry } from '../../../entities/ledger-entry';
import { programYearQuery, type ProgramYearRow } from './year-facts';

/**
 * The year's facts a page at a time, for the streamed whole-city reports: program-years by keyset
 * (id order, `after` the last id seen) or by a list of ids, with their appropriation and entry sums.
 * The same select as `programYearRowsOf` (`programYearQuery`), so one mapping turns either into facts.
 */
/** Up to `limit` program-years of a year with an id above `after`, in id order. */
export function programYearPage(em: EntityManager, year: number, after: number, limit: number): Promise<ProgramYearRow[]> {
  return programYearQuery(em, year).andWhere('py.id > :after', { after }).orderBy('py.id', 'ASC').limit(limit).getRawMany<ProgramYearRow>();
}

/** The program-years of a year with these ids (any order). */
export function programYearsWithIds(em: EntityManager, year: number, ids: number[]): Promise<ProgramYearRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return programYearQuery(em, year).andWhere('py.id IN (:...ids)', { ids }).getRawMany<ProgramYearRow>();
}

/** Σ appropriations per program-year, for the program-years with these ids. */
export function appropriationSumsFor(em: EntityManager, ids: number[]): Promise<{ id: number; amount: string | number }[]> {
  if (!ids.length) return Promise.resolve([]);
  return em
    .getRepository(Appropriation)
    .createQueryBuilder('a')
    .select('a.programYearId', 'id')
    .addSelect('SUM(a.amount)', 'amount')
    .where('a.programYearId IN (:...ids)', { ids })
    .groupBy('a.programYearId')
    .getRawMany<{ id: number; amount: string | number }>();
}

/** Σ entries per program-year and kind of a year, for the program-years with these ids. */
export function entrySumsFor(
  em: EntityManager,
  year: number,
  ids: number[],
): Promise<{ id: number; kind: EntryKind; amount: string | number }[]> {
  if (!ids.length) return Promise.resolve([]);
  return em
    .getRepository(LedgerEntry)
    .createQueryBuilder('e')
    .select('e.programYearId', 'id')
    .addSelect('e.kind', 'kind')
    .addSelect('SUM(e.amount)', 'amount')
    .where('e.fiscalYear = :year', { year })
    .andWhere('e.programYearId IN (:...ids)', { ids })
    .groupBy('e.programYearId')
    .addGroupBy('e.kind')
    .getRawMany<{ id: number; kind: EntryKind; amount: string | number }>();
}
