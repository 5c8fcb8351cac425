import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Evaluation, EvaluationScore } from '../../../entities/evaluation';
import { lockRow } from '../../db/transaction';

/** Statements of the comprehensive evaluations (종합성과평가) and their indicator scores. */

export async function evaluationById(em: EntityManager, id: number): Promise<Evaluation | null> {
  return em.getRepository(Evaluation).findOneBy({ id });
}

/** An evaluation locked for the rest of the transaction (the one a correction replaces). */
export async function lockEvaluation(em: EntityManager, id: number): Promise<Evaluation | null> {
  return lockRow(em, Evaluation, id);
}

/** The evaluation that corrected (superseded) this one, if any. */
export async function correctionOf(em: EntityManager, id: number): Promise<Evaluation | null> {
  return em.getRepository(Evaluation).findOneBy({ supersedesId: id });
}

export async function insertEvaluation(em: EntityManager, row: Omit<Evaluation, 'id'>): Promise<Evaluation> {
  return em.save(em.getRepository(Evaluation).create(row));
}

export async function insertEvaluationScore(em: EntityManager, row: Omit<EvaluationScore, 'id'>): Promise<void> {
  await em.insert(EvaluationScore, row);
}

export async function scoresOfEvaluation(em: EntityManager, evaluationId: number): Promise<EvaluationScore[]> {
  return em.getRepository(EvaluationScore).find({ where: { evaluationId } });
}

/** Evaluations of a consignment (or of one of its terms), oldest first, corrected ones included. */
export async function evaluationsOf(em: EntityManager, where: { consignmentId?: number; contractTermId?: number }): Promise<Evaluation[]> {
  return em.getRepository(Evaluation).find({ where, order: { evaluatedOn: 'ASC', id: 'ASC' } });
}

/** Which of these evaluations a correction replaced (one statement for all of them). */
export async function supersededAmong(em: EntityManager, ids: number[]): Promise<Set<number | null>> {
  if (!ids.length) return new Set();
  return new Set((await em.getRepository(Evaluation).find({ where: { supersedesId: In(ids) } })).map((e) => e.supersedesId));
}
