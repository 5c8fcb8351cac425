import type { EntityManager } from 'typeorm';
import type { Program } from '../../../entities/program';
import type { ProgramYear } from '../../../entities/program-year';
import { notFound } from '../../../domain/errors';
import { findConsignment } from '../../store/consignments/consignment-ref';
import { accountIdsOfPrograms } from '../../store/programs/programs';
import { closedYears } from '../../store/ledger/fiscal-years';
import {
  fiscalYearsOfProgram,
  latestProgramYearNamed,
  programById,
  programNamed,
  programWithCode,
  programYearOf,
} from '../../store/ledger/program-years';

/**
 * A program named by a report's `consignment` parameter: a program code ('EC-U01'), a consignment
 * code or name whose funding program is set, or the exact name of a program ('서울시 전자상거래센터
 * 운영'), also as printed in some year.
 */
export async function resolveProgram(em: EntityManager, ref: string): Promise<Program> {
  const byCode = await programWithCode(em, ref);
  if (byCode) return byCode;
  const consignment = /^\d+$/.test(ref) ? null : await findConsignment(em, ref);
  if (consignment?.programId) {
    const p = await programById(em, consignment.programId);
    if (p) return p;
  }
  const byName = await programNamed(em, ref);
  if (byName) return byName;
  const py = await latestProgramYearNamed(em, ref);
  if (py) {
    const p = await programById(em, py.programId);
    if (p) return p;
  }
  throw notFound(`Program ${ref}`, `사업 ${ref}`, 'consignment');
}

/** The latest closed fiscal year in which the program has a program-year (null when there is none). */
export async function latestClosedYearOf(em: EntityManager, programId: number): Promise<number | null> {
  const closed = await closedYears(em);
  const years = (await fiscalYearsOfProgram(em, programId)).filter((y) => closed.has(y));
  return years.length ? Math.max(...years) : null;
}

/** The program-year of a program in a fiscal year, or null. */
export function programYearIn(em: EntityManager, programId: number, fiscalYear: number): Promise<ProgramYear | null> {
  return programYearOf(em, programId, fiscalYear);
}

/** The account (회계) id of each program code given. */
export function programAccountsOf(em: EntityManager, codes: string[]): Promise<Map<string, number | null>> {
  return accountIdsOfPrograms(em, codes);
}
