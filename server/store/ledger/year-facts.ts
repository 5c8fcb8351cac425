import type { EntityManager } from 'typeorm';
import { Appropriation } from '../../../entities/appropriation';
import { BudgetTransfer } from '../../../entities/budget-transfer';
import { EntryKind, LedgerEntry } from '../../../entities/ledger-entry';
import { Program } from '../../../entities/program';
import { ProgramYear } from '../../../entities/program-year';
import type { ProgramYearFacts } from '../../../domain/settlement';

/**
 * The statements a year's roll-ups read, whatever the size of the ledger: program-years with their
 * program, appropriations summed, entries summed by kind, and whole-program 이체. Raw rows, not
 * entities: a city-scale year has tens of thousands of program-years, and this runs for every
 * settlement report.
 */
export interface ProgramYearRow {
  id: number;
  org: number;
  parent: number | null;
  name: string;
  sort: number;
  basis: string | number | null;
  code: string;
  kind: ProgramYearFacts['kind'];
  account: ProgramYearFacts['account'];
  acct: number | string | null;
}

/** The program-years of a year joined to their programs, as `ProgramYearRow` columns: the one select both the whole-year and the paged reads use. */
export function programYearQuery(em: EntityManager, year: number) {
  return em
    .getRepository(ProgramYear)
    .createQueryBuilder('py')
    .innerJoin(Program, 'p', 'p.id = py.programId')
    .select([
      'py.id AS id',
      'py.orgUnitId AS org',
      'py.parentId AS parent',
      'py.name AS name',
      'py.sortOrder AS sort',
      'py.priorYearBasis AS basis',
      'p.code AS code',
      'p.kind AS kind',
      'p.account AS account',
      'p.accountId AS acct',
    ])
    .where('py.fiscalYear = :year', { year });
}

export function programYearRowsOf(em: EntityManager, year: number): Promise<ProgramYearRow[]> {
  return programYearQuery(em, year).getRawMany<ProgramYearRow>();
}

/** Σ appropriations per program-year of a year. */
export function appropriationSumsOf(em: EntityManager, year: number): Promise<{ id: number; amount: string | number }[]> {
  return em
    .getRepository(Appropriation)
    .createQueryBuilder('a')
    .innerJoin(ProgramYear, 'py', 'py.id = a.programYearId')
    .select('a.programYearId', 'id')
    .addSelect('SUM(a.amount)', 'amount')
    .where('py.fiscalYear = :year', { year })
    .groupBy('a.programYearId')
    .getRawMany<{ id: number; amount: string | number }>();
}

/** Σ entries per program-year and kind of a year (up to and including `upTo`, an ISO date, when given). */
export function entrySumsOf(
  em: EntityManager,
  year: number,
  upTo?: string,
): Promise<{ id: number; kind: EntryKind; amount: string | number }[]> {
  const qb = em
    .getRepository(LedgerEntry)
    .createQueryBuilder('e')
    .select('e.programYearId', 'id')
    .addSelect('e.kind', 'kind')
    .addSelect('SUM(e.amount)', 'amount')
    .where('e.fiscalYear = :year', { year });
  if (upTo) qb.andWhere('e.entryDate <= :upTo', { upTo });
  return qb.groupBy('e.programYearId').addGroupBy('e.kind').getRawMany<{ id: number; kind: EntryKind; amount: string | number }>();
}

/** The 이체 (kind org) of a year, oldest first. */
export function orgTransfersOf(em: EntityManager, year: number): Promise<BudgetTransfer[]> {
  return em.getRepository(BudgetTransfer).find({ where: { fiscalYear: year, kind: 'org' }, order: { transferDate: 'ASC', id: 'ASC' } });
}
