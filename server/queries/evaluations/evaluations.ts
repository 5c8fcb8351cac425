import type { EntityManager } from 'typeorm';
import type { Evaluation } from '../../../entities/evaluation';
import { notFound } from '../../../domain/errors';
import { notSuperseded, sumScores } from '../../../domain/evaluation';
import type { RequestContext } from '../../context';
import { assertOrgAccess } from '../../access/scope';
import { consignmentById, resolveConsignment } from '../../store/consignments/consignment-ref';
import { correctionOf, evaluationById, evaluationsOf, scoresOfEvaluation, supersededAmong } from '../../store/evaluations/evaluations';
import { existingContractTerm } from '../../store/consignments/contract-terms';
import { templateView } from './templates';

export interface EvaluationView {
  id: number;
  consignmentId: number;
  contractTermId: number;
  term: { startDate: string; endDate: string };
  templateId: number;
  templateName: string;
  templateVersion: number;
  evaluatedBy: string;
  evaluatedOn: string;
  evaluators: string[];
  /** sum of the indicator scores */
  total: string;
  maxTotal: string;
  grade: string | null;
  supersedesId: number | null;
  supersededById: number | null;
  note: string | null;
  groups: {
    name: string;
    scopeKo: string;
    measureKo: string;
    maxPoints: string;
    subtotal: string;
    scores: { indicatorId: number; indicator: string; maxPoints: string; score: string; comment: string | null }[];
  }[];
}

/** One evaluation: its term, its template's groups with each indicator's score and comment, subtotals and the total. */
export async function evaluationView(em: EntityManager, id: number): Promise<EvaluationView> {
  const e = await evaluationById(em, id);
  if (!e) throw notFound(`Evaluation ${id}`, `평가 ${id}`);
  const term = await existingContractTerm(em, e.contractTermId);
  const template = await templateView(em, e.templateId);
  const scores = await scoresOfEvaluation(em, id);
  const scoreOf = new Map(scores.map((s) => [s.indicatorId, s]));
  const successor = await correctionOf(em, id);
  const groups = template.groups.map((g) => {
    const rows = g.indicators.map((ind) => {
      const s = scoreOf.get(ind.id);
      return { indicatorId: ind.id, indicator: ind.name, maxPoints: ind.maxPoints, score: s?.score ?? '0.00', comment: s?.comment ?? null };
    });
    return {
      name: g.name,
      scopeKo: g.scopeKo,
      measureKo: g.measureKo,
      maxPoints: g.maxPoints,
      subtotal: sumScores(rows.map((r) => r.score)),
      scores: rows,
    };
  });
  return {
    id: e.id,
    consignmentId: e.consignmentId,
    contractTermId: e.contractTermId,
    term: { startDate: term.startDate, endDate: term.endDate },
    templateId: e.templateId,
    templateName: template.name,
    templateVersion: template.version,
    evaluatedBy: e.evaluatedBy,
    evaluatedOn: e.evaluatedOn,
    evaluators: JSON.parse(e.evaluators) as string[],
    total: e.total,
    maxTotal: template.maxTotal,
    grade: e.grade,
    supersedesId: e.supersedesId,
    supersededById: successor?.id ?? null,
    note: e.note,
    groups,
  };
}

/** One evaluation, for a caller who may see its consignment's department. */
export async function getEvaluation(em: EntityManager, ctx: RequestContext, id: number): Promise<EvaluationView> {
  const view = await evaluationView(em, id);
  await assertOrgAccess(em, ctx, (await consignmentById(em, view.consignmentId)).orgUnitId);
  return view;
}

/** Evaluations not superseded by a correction. */
export async function liveEvaluations(
  em: EntityManager,
  where: { consignmentId?: number; contractTermId?: number },
): Promise<Evaluation[]> {
  const all = await evaluationsOf(em, where);
  if (!all.length) return [];
  return notSuperseded(
    all,
    await supersededAmong(
      em,
      all.map((e) => e.id),
    ),
  );
}

/** The evaluations of a consignment (of one term), current ones or every one, oldest first. */
export async function listEvaluations(
  em: EntityManager,
  ctx: RequestContext,
  filter: { consignment: string; contractTermId?: number; includeSuperseded?: boolean },
): Promise<EvaluationView[]> {
  const consignment = await resolveConsignment(em, filter.consignment);
  await assertOrgAccess(em, ctx, consignment.orgUnitId);
  const where = { consignmentId: consignment.id, ...(filter.contractTermId ? { contractTermId: filter.contractTermId } : {}) };
  const rows = filter.includeSuperseded ? await evaluationsOf(em, where) : await liveEvaluations(em, where);
  return Promise.all(rows.map((e) => evaluationView(em, e.id)));
}
