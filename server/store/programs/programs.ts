import { In, type EntityManager } from 'typeorm';
import { Program } from '../../../entities/program';
import { notFound } from '../../../domain/errors';

/** A program by its stable code, or a refusal naming `field`. */
export async function programByCode(em: EntityManager, code: string, field = 'programCode'): Promise<Program> {
  const program = await findProgramByCode(em, code);
  if (!program) throw notFound(`Program ${code}`, `사업 ${code}`, field);
  return program;
}

/** The program with this code, or null. */
export function findProgramByCode(em: EntityManager, code: string): Promise<Program | null> {
  return em.getRepository(Program).findOneBy({ code });
}

/** A program by id (a foreign key that must exist). */
export function programById(em: EntityManager, id: number): Promise<Program> {
  return em.getRepository(Program).findOneByOrFail({ id });
}

export type NewProgram = Pick<Program, 'code' | 'name' | 'kind' | 'account' | 'accountId'>;

export async function insertProgram(em: EntityManager, values: NewProgram): Promise<Program> {
  const program = em.getRepository(Program).create(values);
  await em.save(program);
  return program;
}

/** A page of programs in code order, with the total. */
export function programPage(em: EntityManager, skip: number, take: number): Promise<[Program[], number]> {
  return em.getRepository(Program).findAndCount({ order: { code: 'ASC' }, skip, take });
}

/** The account id of each program code given (codes not found are left out). */
export async function accountIdsOfPrograms(em: EntityManager, codes: string[]): Promise<Map<string, number | null>> {
  if (!codes.length) return new Map();
  const rows = await em.getRepository(Program).find({ where: { code: In(codes) }, select: { code: true, accountId: true } });
  return new Map(rows.map((r) => [r.code, r.accountId]));
}
