import { In, type EntityManager } from 'typeorm';
import { ProgramYear } from '../../../entities/program-year';
import { notFound } from '../../../domain/errors';
import { lockRow } from '../../db/transaction';
import { findProgramByCode } from './programs';

/** The program's year, or null. */
export function findProgramYear(em: EntityManager, programId: number, fiscalYear: number): Promise<ProgramYear | null> {
  return em.getRepository(ProgramYear).findOneBy({ programId, fiscalYear });
}

/** A program-year named by its program's code and the year (as a row of the bulk import names it), or a refusal. */
export async function programYearByCode(em: EntityManager, programCode: string, fiscalYear: number): Promise<ProgramYear> {
  const program = await findProgramByCode(em, programCode);
  if (!program) throw notFound(`Program ${programCode}`, `사업 ${programCode}`, 'programCode');
  const py = await findProgramYear(em, program.id, fiscalYear);
  if (!py) throw notFound(`Program ${programCode} in ${fiscalYear}`, `${fiscalYear}년 사업 ${programCode}`, 'programCode');
  return py;
}

/** Locks the program-year's row for the rest of the transaction; null when there is none. */
export function lockProgramYear(em: EntityManager, id: number): Promise<ProgramYear | null> {
  return lockRow(em, ProgramYear, id);
}

export type NewProgramYear = Pick<
  ProgramYear,
  'programId' | 'fiscalYear' | 'orgUnitId' | 'parentId' | 'name' | 'sortOrder' | 'priorYearBasis' | 'note'
>;

export async function insertProgramYear(em: EntityManager, values: NewProgramYear): Promise<ProgramYear> {
  const py = em.getRepository(ProgramYear).create(values);
  await em.save(py);
  return py;
}

export const programYearsByIds = (em: EntityManager, ids: number[]): Promise<ProgramYear[]> =>
  em.getRepository(ProgramYear).findBy({ id: In(ids) });
