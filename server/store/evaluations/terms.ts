import { LessThanOrEqual } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ContractTerm } from '../../../entities/consignment';

/** The contract terms (계약기간) the evaluations and the renewal verdict are about. */

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
