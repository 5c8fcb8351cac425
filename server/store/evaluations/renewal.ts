import type { EntityManager } from 'typeorm';
import { RenewalDecision, RenewalFact } from '../../../entities/evaluation-renewal';

/** Statements of the renewal facts (selection scores, misconduct, audit sanctions) and the city's decisions. */

export async function insertRenewalFact(em: EntityManager, row: Omit<RenewalFact, 'id'>): Promise<RenewalFact> {
  return em.save(em.getRepository(RenewalFact).create(row));
}

export async function insertRenewalDecision(em: EntityManager, row: Omit<RenewalDecision, 'id'>): Promise<RenewalDecision> {
  return em.save(em.getRepository(RenewalDecision).create(row));
}

/** The renewal facts of a consignment, oldest first. */
export async function renewalFactsOf(em: EntityManager, consignmentId: number): Promise<RenewalFact[]> {
  return em.getRepository(RenewalFact).find({ where: { consignmentId }, order: { factDate: 'ASC', id: 'ASC' } });
}

/** The city's decisions on a term, oldest first. */
export async function renewalDecisionsOf(em: EntityManager, contractTermId: number): Promise<RenewalDecision[]> {
  return em.getRepository(RenewalDecision).find({ where: { contractTermId }, order: { decidedOn: 'ASC', id: 'ASC' } });
}
