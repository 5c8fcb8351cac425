import { LessThanOrEqual } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ContractTerm, Operator } from '../../../entities/consignment';
import { operatorById } from './consignments';

/** Every statement on contract terms (계약기간): the consignment's records, its pages, the evaluations and the renewal verdict read them here. */

export async function contractTermById(em: EntityManager, id: number): Promise<ContractTerm | null> {
  return em.getRepository(ContractTerm).findOneBy({ id });
}

/** A term known to exist (a foreign key of an evaluation). */
export async function existingContractTerm(em: EntityManager, id: number): Promise<ContractTerm> {
  return em.getRepository(ContractTerm).findOneByOrFail({ id });
}

/** The term of a consignment that started last on or before a day. */
export async function termRunningOn(em: EntityManager, consignmentId: number, day: string): Promise<ContractTerm | null> {
  return em
    .getRepository(ContractTerm)
    .findOne({ where: { consignmentId, startDate: LessThanOrEqual(day) }, order: { startDate: 'DESC' } });
}

/** The terms of a consignment, latest first. */
export async function contractTermsLatestFirst(em: EntityManager, consignmentId: number): Promise<ContractTerm[]> {
  return em.getRepository(ContractTerm).find({ where: { consignmentId }, order: { startDate: 'DESC' } });
}

export async function termStarting(em: EntityManager, consignmentId: number, startDate: string): Promise<ContractTerm | null> {
  return em.getRepository(ContractTerm).findOneBy({ consignmentId, startDate });
}

export async function insertContractTerm(em: EntityManager, values: Omit<ContractTerm, 'id'>): Promise<ContractTerm> {
  const term = em.getRepository(ContractTerm).create(values);
  await em.save(term);
  return term;
}

export async function contractTermsOf(em: EntityManager, consignmentId: number): Promise<ContractTerm[]> {
  return em.getRepository(ContractTerm).find({ where: { consignmentId }, order: { startDate: 'ASC' } });
}

/** The contract term in force on a date, with its operator. */
export async function termOn(
  em: EntityManager,
  consignmentId: number,
  date: string,
): Promise<{ term: ContractTerm; operator: Operator } | null> {
  const term = await em
    .getRepository(ContractTerm)
    .createQueryBuilder('t')
    .where('t.consignmentId = :id AND t.startDate <= :d AND t.endDate >= :d', { id: consignmentId, d: date })
    .orderBy('t.startDate', 'DESC')
    .getOne();
  if (!term) return null;
  return { term, operator: await operatorById(em, term.operatorId) };
}

/** The name of the operator under contract for a consignment on a day (else its latest operator). */
export async function operatorNameOn(em: EntityManager, consignmentId: number, onDate: string): Promise<string | null> {
  const rows = (await em.query(
    'SELECT o.name AS name, t.start_date AS start_date FROM contract_terms t JOIN operators o ON o.id = t.operator_id WHERE t.consignment_id = ? AND t.start_date <= ? ORDER BY t.start_date DESC',
    [consignmentId, onDate],
  )) as { name: string }[];
  if (rows.length) return rows[0].name;
  const any = (await em.query(
    'SELECT o.name AS name FROM contract_terms t JOIN operators o ON o.id = t.operator_id WHERE t.consignment_id = ? ORDER BY t.start_date DESC',
    [consignmentId],
  )) as { name: string }[];
  return any[0]?.name ?? null;
}
