import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { BudgetTransfer } from '../../../entities/budget-transfer';
import { Program } from '../../../entities/program';
import { ProgramYear } from '../../../entities/program-year';
import { hydrate, selectColumns } from '../../db/lean';
import { lockRow } from '../../db/transaction';

/**
 * A program-year by its id, or by its program and fiscal year (which name exactly one): a statement
 * keyed by the latter can be sent in the same round trip as the statement that finds and locks the
 * program-year, before its id is known.
 */
export type ProgramYearKey = number | { programId: number; fiscalYear: number };

/** The condition that `column` names the program-year of a key, and its parameters. */
export function programYearMatch(key: ProgramYearKey, column = 'program_year_id'): [string, unknown[]] {
  return typeof key === 'number'
    ? [`${column} = ?`, [key]]
    : [`${column} = (SELECT id FROM program_years WHERE program_id = ? AND fiscal_year = ?)`, [key.programId, key.fiscalYear]];
}

/** The condition that the program-year `py` is one of `keys`, and its parameters. */
export function programYearsAmong(keys: ProgramYearKey[], py = 'py'): [string, unknown[]] {
  const parts = keys.map((k) => (typeof k === 'number' ? `${py}.id = ?` : `(${py}.program_id = ? AND ${py}.fiscal_year = ?)`));
  return [`(${parts.join(' OR ')})`, keys.flatMap((k) => (typeof k === 'number' ? [k] : [k.programId, k.fiscalYear]))];
}

/** Whether a program-year is the one a key names. */
export function isProgramYearOf(key: ProgramYearKey, py: Pick<ProgramYear, 'id' | 'programId' | 'fiscalYear'>): boolean {
  return typeof key === 'number' ? py.id === key : py.programId === key.programId && py.fiscalYear === key.fiscalYear;
}

/** A program-year locked for the rest of the transaction (SELECT … FOR UPDATE), or null. */
export function lockProgramYear(em: EntityManager, id: number): Promise<ProgramYear | null> {
  return lockRow(em, ProgramYear, id);
}

/** A program-year by id, or null. */
export function programYearById(em: EntityManager, id: number): Promise<ProgramYear | null> {
  return em.getRepository(ProgramYear).findOneBy({ id });
}

/** The program-year of a program in a fiscal year, or null. */
export function programYearOf(em: EntityManager, programId: number, fiscalYear: number): Promise<ProgramYear | null> {
  return em.getRepository(ProgramYear).findOneBy({ programId, fiscalYear });
}

/** Program-years by id (in no particular order). */
export async function programYearsByIds(em: EntityManager, ids: number[]): Promise<ProgramYear[]> {
  return ids.length ? em.getRepository(ProgramYear).findBy({ id: In(ids) }) : [];
}

/** The fiscal years in which a program has a program-year. */
export async function fiscalYearsOfProgram(em: EntityManager, programId: number): Promise<number[]> {
  return (await em.getRepository(ProgramYear).findBy({ programId })).map((p) => p.fiscalYear);
}

/** The latest program-year printed under a name, or null. */
export function latestProgramYearNamed(em: EntityManager, name: string): Promise<ProgramYear | null> {
  return em.getRepository(ProgramYear).findOne({ where: { name }, order: { fiscalYear: 'DESC' } });
}

/** A program by id (it must exist: a program-year names it). */
export function programOf(em: EntityManager, id: number): Promise<Program> {
  return em.getRepository(Program).findOneByOrFail({ id });
}

/** A program by id, or null. */
export function programById(em: EntityManager, id: number): Promise<Program | null> {
  return em.getRepository(Program).findOneBy({ id });
}

/** A program by its code, or null. */
export function programWithCode(em: EntityManager, code: string): Promise<Program | null> {
  return em.getRepository(Program).findOneBy({ code });
}

/** A program by its exact name, or null. */
export function programNamed(em: EntityManager, name: string): Promise<Program | null> {
  return em.getRepository(Program).findOneBy({ name });
}

/** Programs by id (in no particular order). */
export async function programsByIds(em: EntityManager, ids: number[]): Promise<Program[]> {
  return ids.length ? em.getRepository(Program).findBy({ id: In(ids) }) : [];
}

/** A program-year's whole-program 이체 (kind org), oldest first: they decide who owns it now. */
export async function programMoves(em: EntityManager, key: ProgramYearKey): Promise<BudgetTransfer[]> {
  return (await programMovesOf(em, [key]))[0];
}

/** programMoves of several program-years, in one statement. */
export async function programMovesOf(em: EntityManager, keys: ProgramYearKey[]): Promise<BudgetTransfer[][]> {
  const [among, params] = programYearsAmong(keys);
  const rows = (await em.query(
    `SELECT py.id AS key_id, py.program_id AS key_program_id, py.fiscal_year AS key_fiscal_year, ${selectColumns(em, BudgetTransfer, 't')}
     FROM budget_transfers t JOIN program_years py ON py.id = t.from_program_year_id
     WHERE t.kind = 'org' AND t.to_program_year_id = t.from_program_year_id AND ${among} ORDER BY t.transfer_date, t.id`,
    params,
  )) as Record<string, unknown>[];
  const owners = rows.map((r) => ({ id: Number(r.key_id), programId: Number(r.key_program_id), fiscalYear: Number(r.key_fiscal_year) }));
  return keys.map((key) => rows.filter((_, i) => isProgramYearOf(key, owners[i])).map((r) => hydrate(em, BudgetTransfer, r)));
}

/**
 * Who owns each program-year (of a year, or all): its own department and its whole-program 이체
 * (kind org, from = to), oldest first, which move it to another — two statements, for filtering
 * lists by department.
 */
export async function programYearOwnership(
  em: EntityManager,
  fiscalYear?: number,
): Promise<{ programYears: { id: number; orgUnitId: number }[]; moves: BudgetTransfer[] }> {
  const where = fiscalYear === undefined ? {} : { fiscalYear };
  const programYears = await em.getRepository(ProgramYear).find({ select: { id: true, orgUnitId: true }, where });
  const moves = await em
    .getRepository(BudgetTransfer)
    .createQueryBuilder('t')
    .where("t.kind = 'org' AND t.toProgramYearId = t.fromProgramYearId")
    .andWhere(fiscalYear === undefined ? '1 = 1' : 't.fiscalYear = :fiscalYear', { fiscalYear })
    .orderBy('t.transferDate', 'ASC')
    .addOrderBy('t.id', 'ASC')
    .getMany();
  return { programYears: programYears.map((p) => ({ id: p.id, orgUnitId: p.orgUnitId })), moves };
}
