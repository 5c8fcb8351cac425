import type { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../../../domain/errors';
import {
  assertMayCorrect,
  assertScoresFit,
  assertTemplateInForce,
  assertWithinTerm,
  evaluationResult,
  normaliseScore,
  parseGradeBands,
} from '../../../domain/evaluation';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { assertOrgAccess } from '../../access/scope';
import { audit } from '../../store/audit';
import { consignmentById } from '../../store/consignments/consignment-ref';
import { correctionOf, insertEvaluation, insertEvaluationScore, lockEvaluation } from '../../store/evaluations/evaluations';
import { templateById, templateIndicators } from '../../store/evaluations/templates';
import { contractTermById } from '../../store/consignments/contract-terms';
import { EvaluationView, evaluationView } from '../../queries/evaluations/evaluations';
import type { EvaluationInput } from './requests';

/**
 * The comprehensive evaluation (종합성과평가) of a contract term: every indicator of the template in
 * force scored within its points; the total and the grade are computed, never typed. A correction
 * names the evaluation it replaces.
 */
export async function createEvaluation(
  ds: DataSource,
  ctx: RequestContext,
  input: EvaluationInput,
  em?: EntityManager,
): Promise<EvaluationView> {
  return within(ds, em, async (tx) => {
    const term = await contractTermById(tx, input.contractTermId);
    if (!term) throw notFound(`Contract term ${input.contractTermId}`, `계약기간 ${input.contractTermId}`, 'contractTermId');
    const consignment = await consignmentById(tx, term.consignmentId);
    await assertOrgAccess(tx, ctx, consignment.orgUnitId);
    const template = await templateById(tx, input.templateId);
    if (!template) throw notFound(`Evaluation template ${input.templateId}`, `평가지표 양식 ${input.templateId}`, 'templateId');
    assertTemplateInForce(template, input.evaluatedOn);
    assertWithinTerm(term, input.evaluatedOn);
    if (input.supersedesId) {
      const old = await lockEvaluation(tx, input.supersedesId);
      const corrected = old && old.contractTermId === term.id ? (await correctionOf(tx, old.id)) !== null : false;
      assertMayCorrect(input.supersedesId, old, term.id, corrected);
    }

    assertScoresFit(await templateIndicators(tx, template.id), input.scores);
    const { total, grade } = evaluationResult(input.scores, parseGradeBands(template.gradeBands));
    const evaluation = await insertEvaluation(tx, {
      consignmentId: consignment.id,
      contractTermId: term.id,
      templateId: template.id,
      evaluatedBy: input.evaluatedBy,
      evaluatedOn: input.evaluatedOn,
      evaluators: JSON.stringify(input.evaluators),
      total,
      grade,
      supersedesId: input.supersedesId ?? null,
      note: input.note ?? null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    for (const s of input.scores) {
      await insertEvaluationScore(tx, {
        evaluationId: evaluation.id,
        indicatorId: s.indicatorId,
        score: normaliseScore(s.score),
        comment: s.comment ?? null,
      });
    }
    const view = await evaluationView(tx, evaluation.id);
    await audit(tx, ctx, {
      action: input.supersedesId ? 'evaluation.correct' : 'evaluation.create',
      entity: 'evaluation',
      entityId: evaluation.id,
      after: view,
    });
    return view;
  });
}
