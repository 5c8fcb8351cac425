import { EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { Account, AccountYearSettlement } from '../../../entities/account';
import { Appropriation } from '../../../entities/appropriation';
import { FiscalYear } from '../../../entities/fiscal-year';
import { ImportFactKey } from '../../../entities/import-fact-key';
import { LedgerEntry } from '../../../entities/ledger-entry';
import { OrgUnit } from '../../../entities/org-unit';
import { Program } from '../../../entities/program';
import { ProgramYear } from '../../../entities/program-year';
import { RevenueEntry, RevenueLine } from '../../../entities/revenue';
import { LedgerLineTotal } from '../../../entities/running-totals';
import { leanInsert, leanInsertMany, leanUpdate } from '../../db/lean';
import { isMysql } from '../../db/transaction';
import { addToLineTotals } from '../ledger/running-totals';

/**
 * The statements of the onboarding import (server/app/imports): what the database already holds for
 * the years a file names, read in a few statements, and the bulk writes of its rows.
 */

export interface ExistingState {
  orgs: OrgUnit[];
  accounts: Account[];
  programs: Program[];
  programYears: ProgramYear[];
  appropriations: Appropriation[];
  revenueLines: RevenueLine[];
  settlements: AccountYearSettlement[];
  fiscalYears: FiscalYear[];
}

export async function readExisting(em: EntityManager, years: number[]): Promise<ExistingState> {
  const ys = years.length ? years : [0];
  const [orgs, accounts, programs, programYears, revenueLines, settlements, fiscalYears] = await Promise.all([
    em.getRepository(OrgUnit).find({ order: { id: 'ASC' } }),
    em.getRepository(Account).find({ order: { id: 'ASC' } }),
    em.getRepository(Program).find({ order: { id: 'ASC' } }),
    em.getRepository(ProgramYear).find({ where: { fiscalYear: In(ys) }, order: { id: 'ASC' } }),
    em.getRepository(RevenueLine).find({ where: { fiscalYear: In(ys) }, order: { id: 'ASC' } }),
    em.getRepository(AccountYearSettlement).find({ where: { fiscalYear: In(ys) } }),
    em.getRepository(FiscalYear).find(),
  ]);
  const appropriations = await em
    .getRepository(Appropriation)
    .createQueryBuilder('a')
    .innerJoin(ProgramYear, 'py', 'py.id = a.programYearId')
    .where('py.fiscalYear IN (:...ys)', { ys })
    .getMany();
  return { orgs, accounts, programs, programYears, appropriations, revenueLines, settlements, fiscalYears };
}

/** The running totals of every ledger line of these years (program-year × 편성목 × kind). */
export function lineTotalsOfYears(em: EntityManager, years: number[]): Promise<LedgerLineTotal[]> {
  return em
    .getRepository(LedgerLineTotal)
    .createQueryBuilder('t')
    .innerJoin(ProgramYear, 'py', 'py.id = t.programYearId')
    .where('py.fiscalYear IN (:...ys)', { ys: years.length ? years : [0] })
    .getMany();
}

/** Σ amount per revenue line and kind, over the lines of these years. */
export async function revenueSumsOfYears(em: EntityManager, years: number[]): Promise<{ lineId: number; kind: string; amount: number }[]> {
  const rows = (await em
    .getRepository(RevenueEntry)
    .createQueryBuilder('e')
    .innerJoin(RevenueLine, 'l', 'l.id = e.revenueLineId')
    .select('e.revenueLineId', 'lineId')
    .addSelect('e.kind', 'kind')
    .addSelect('SUM(e.amount)', 'amount')
    .where('l.fiscalYear IN (:...ys)', { ys: years.length ? years : [0] })
    .groupBy('e.revenueLineId')
    .addGroupBy('e.kind')
    .getRawMany()) as { lineId: number | string; kind: string; amount: number | string }[];
  return rows.map((r) => ({ lineId: Number(r.lineId), kind: r.kind, amount: Number(r.amount) }));
}

const KEYS_PER_READ = 500;

/** Which of these fact keys were appended by an earlier import. */
export async function presentFactKeys(
  em: EntityManager,
  keys: string[],
  onBatch: () => Promise<void> = async () => undefined,
): Promise<Set<string>> {
  const present = new Set<string>();
  const repo = em.getRepository(ImportFactKey);
  for (let i = 0; i < keys.length; i += KEYS_PER_READ) {
    const rows = await repo.find({ select: { factKey: true }, where: { factKey: In(keys.slice(i, i + KEYS_PER_READ)) } });
    for (const r of rows) present.add(r.factKey);
    await onBatch();
  }
  return present;
}

/** Inserts one reference row (an organisation unit, account, program …) and returns its id. */
export function insertReference<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, values: Partial<E>): Promise<number> {
  return leanInsert(em, entity, values as Partial<Record<keyof E & string, unknown>>);
}

/** Updates columns of one reference row. */
export function updateReference<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  id: number,
  changes: Partial<E>,
): Promise<void> {
  return leanUpdate(em, entity, id, changes as Partial<Record<keyof E & string, unknown>>);
}

/** Locks the program-years the facts go to (MariaDB; SQLite transactions are serialised), in id order. */
export async function lockProgramYearsByIds(em: EntityManager, ids: number[]): Promise<void> {
  if (!isMysql(em.connection) || !ids.length) return;
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += KEYS_PER_READ) {
    const chunk = sorted.slice(i, i + KEYS_PER_READ);
    await em.query(`SELECT id FROM program_years WHERE id IN (${chunk.map(() => '?').join(', ')}) ORDER BY id FOR UPDATE`, chunk);
  }
}

/**
 * Appends ledger entries in bulk (a hundred to a statement) and adds them to their lines' running
 * totals in the same transaction, as insertEntries does one by one.
 */
export async function appendLedgerFacts(em: EntityManager, entries: Omit<LedgerEntry, 'id'>[]): Promise<void> {
  await leanInsertMany(em, LedgerEntry, entries);
  const totals = new Map<string, { programYearId: number; expenseItem: string; kind: LedgerEntry['kind']; amount: number }>();
  for (const e of entries) {
    const k = `${e.programYearId}|${e.expenseItem}|${e.kind}`;
    const t = totals.get(k);
    if (t) t.amount += e.amount;
    else totals.set(k, { programYearId: e.programYearId, expenseItem: e.expenseItem, kind: e.kind, amount: e.amount });
  }
  await addToLineTotals(em, [...totals.values()]);
}

export async function appendRevenueFacts(em: EntityManager, entries: Omit<RevenueEntry, 'id'>[]): Promise<void> {
  await leanInsertMany(em, RevenueEntry, entries);
}

export async function insertFactKeys(em: EntityManager, keys: { factKey: string; sheet: string }[], at: Date): Promise<void> {
  await leanInsertMany(
    em,
    ImportFactKey,
    keys.map((k) => ({ ...k, createdAt: at })),
  );
}

/** Opens a fiscal year the file names and the database does not hold yet. */
export async function insertOpenYear(em: EntityManager, year: number): Promise<void> {
  await em.getRepository(FiscalYear).insert({ year, status: 'open', closedAt: null, closedById: null });
}

/** How many rows each table the import writes holds (for the tests and the bench). */
export async function importedTableCounts(em: EntityManager): Promise<Record<string, number>> {
  const tables = [
    'org_units',
    'accounts',
    'programs',
    'program_years',
    'appropriations',
    'revenue_lines',
    'ledger_entries',
    'revenue_entries',
    'account_year_settlements',
    'import_fact_keys',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number(((await em.query(`SELECT COUNT(*) AS n FROM ${t}`)) as { n: number | string }[])[0].n);
  return out;
}
