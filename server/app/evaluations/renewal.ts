import { DataSource, EntityManager, LessThanOrEqual } from 'typeorm';
import { Consignment, ContractTerm } from '../../../entities/consignment';
import { RenewalDecision, RenewalFact, RenewalFactKind } from '../../../entities/evaluation-renewal';
import { invalid, notFound } from '../../../domain/errors';
import { compareDecimal, normaliseScore, scoreProblem } from '../../../domain/evaluation';
import {
  criteriaTextKo,
  RenewalFacts,
  RenewalRules,
  RenewalVerdict,
  renewalVerdict,
  RepeatRuleParams,
  ScoreRuleParams,
  versionOn,
} from '../../../domain/renewal';
import { RequestContext } from '../../context';
import { audit } from '../../store/audit';
import { ruleHistory } from '../../store/rules';
import { assertConsignmentAccess, liveEvaluations } from './evaluations';
import { within } from '../../db/transaction';
import { repeatFindingChainsFor } from './renewal-inputs';
import { resolveConsignment } from '../../store/consignments/consignment-ref';

export const RENEWAL_MIN_SCORE_RULE = 'renewal_min_score';
export const RENEWAL_SELECTION_MIN_SCORE_RULE = 'renewal_selection_min_score';
export const RENEWAL_REPEAT_LIMIT_RULE = 'renewal_uncorrected_repeat_limit';

export async function renewalRules(em: EntityManager): Promise<RenewalRules> {
  return {
    evaluationMinScore: await ruleHistory<ScoreRuleParams>(em, RENEWAL_MIN_SCORE_RULE),
    selectionMinScore: await ruleHistory<ScoreRuleParams>(em, RENEWAL_SELECTION_MIN_SCORE_RULE),
    uncorrectedRepeatLimit: await ruleHistory<RepeatRuleParams>(em, RENEWAL_REPEAT_LIMIT_RULE),
  };
}

// ───────────────────────────── facts and decisions ─────────────────────────────

export interface RenewalFactInput {
  consignment: string;
  contractTermId?: number | null;
  kind: RenewalFactKind;
  factDate: string;
  score?: string | null;
  description: string;
  decision?: string | null;
  committeeRelevant?: boolean | null;
  committeeDecidedOn?: string | null;
  reference?: string | null;
}

async function termOf(em: EntityManager, consignment: Consignment, termId: number | null | undefined): Promise<ContractTerm | null> {
  if (!termId) return null;
  const term = await em.getRepository(ContractTerm).findOneBy({ id: termId });
  if (!term || term.consignmentId !== consignment.id)
    throw notFound(`Contract term ${termId} of ${consignment.code}`, `${consignment.name}의 계약기간 ${termId}`, 'contractTermId');
  return term;
}

export async function recordRenewalFact(
  ds: DataSource,
  ctx: RequestContext,
  input: RenewalFactInput,
  em?: EntityManager,
): Promise<RenewalFact> {
  return within(ds, em, async (tx) => {
    const consignment = await resolveConsignment(tx, input.consignment);
    await assertConsignmentAccess(tx, ctx, consignment);
    await termOf(tx, consignment, input.contractTermId);
    if (input.kind === 'selection_score') {
      if (input.score === undefined || input.score === null)
        throw invalid('score', 'required', 'a selection-committee fact needs the score', '적격자심의 점수를 입력하십시오');
      if (scoreProblem(input.score, '100'))
        throw invalid('score', 'score', 'score must be 0–100 with at most two decimals', '점수는 0~100, 소수 둘째 자리까지입니다');
    } else if (input.score !== undefined && input.score !== null) {
      throw invalid(
        'score',
        'onlyForSelection',
        'only a selection-committee fact carries a score',
        '점수는 적격자심의 결과에만 입력합니다',
      );
    }
    if ((input.kind === 'misconduct' || input.kind === 'audit_sanction') && !input.decision) {
      throw invalid('decision', 'required', 'the decision (처분·제재) is required', '처분(제재) 내용을 입력하십시오');
    }
    if (input.kind === 'audit_sanction' && (input.committeeRelevant === undefined || input.committeeRelevant === null)) {
      throw invalid(
        'committeeRelevant',
        'required',
        "the evaluation committee's judgement is required for an audit sanction",
        '민간위탁운영평가위원회의 제재 필요 여부를 입력하십시오',
      );
    }
    if (input.kind !== 'audit_sanction' && input.committeeRelevant !== undefined && input.committeeRelevant !== null) {
      throw invalid(
        'committeeRelevant',
        'onlyForAuditSanction',
        'committeeRelevant applies to audit sanctions only',
        '위원회 판단은 감사 제재에만 입력합니다',
      );
    }
    const fact = tx.getRepository(RenewalFact).create({
      consignmentId: consignment.id,
      contractTermId: input.contractTermId ?? null,
      kind: input.kind,
      factDate: input.factDate,
      score: input.score ? normaliseScore(input.score) : null,
      description: input.description,
      decision: input.decision ?? null,
      committeeRelevant: input.kind === 'audit_sanction' ? Boolean(input.committeeRelevant) : null,
      committeeDecidedOn: input.committeeDecidedOn ?? null,
      reference: input.reference ?? null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await tx.save(fact);
    await audit(tx, ctx, { action: `renewal_fact.${input.kind}`, entity: 'renewal_fact', entityId: fact.id, after: fact });
    return fact;
  });
}

export interface RenewalDecisionInput {
  consignment: string;
  contractTermId: number;
  decidedOn: string;
  decision: 'renewal' | 'retender';
  reason: string;
  reference?: string | null;
}

export async function recordRenewalDecision(
  ds: DataSource,
  ctx: RequestContext,
  input: RenewalDecisionInput,
  em?: EntityManager,
): Promise<RenewalDecision> {
  return within(ds, em, async (tx) => {
    const consignment = await resolveConsignment(tx, input.consignment);
    await assertConsignmentAccess(tx, ctx, consignment);
    await termOf(tx, consignment, input.contractTermId);
    const decision = tx.getRepository(RenewalDecision).create({
      consignmentId: consignment.id,
      contractTermId: input.contractTermId,
      decidedOn: input.decidedOn,
      decision: input.decision,
      reason: input.reason,
      reference: input.reference ?? null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await tx.save(decision);
    await audit(tx, ctx, { action: 'renewal_decision.record', entity: 'renewal_decision', entityId: decision.id, after: decision });
    return decision;
  });
}

// ───────────────────────────── the verdict ─────────────────────────────

export interface RenewalVerdictView extends RenewalVerdict {
  consignment: { id: number; code: string; name: string };
  contractTerm: { id: number; startDate: string; endDate: string; selectionMethod: string } | null;
  asOf: string;
  /** the criteria with the bars in force on the evaluation date (or asOf) */
  criteriaKo: string[];
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The verdict on renewing a consignment at the end of a term: the term named, else the latest term
 * that has an evaluation, else the term running on asOf. Facts dated after asOf are not used.
 */
export async function verdictFor(
  em: EntityManager,
  ctx: RequestContext,
  params: { consignment: string; contractTermId?: number; asOf?: string },
): Promise<RenewalVerdictView> {
  const consignment = await resolveConsignment(em, params.consignment);
  await assertConsignmentAccess(em, ctx, consignment);
  const asOf = params.asOf ?? today();
  let term = await termOf(em, consignment, params.contractTermId);
  const evaluations = (await liveEvaluations(em, { consignmentId: consignment.id })).filter((e) => e.evaluatedOn <= asOf);
  if (!term && evaluations.length) {
    const latest = [...evaluations].sort((a, b) => a.evaluatedOn.localeCompare(b.evaluatedOn) || a.id - b.id).pop()!;
    term = await em.getRepository(ContractTerm).findOneByOrFail({ id: latest.contractTermId });
  }
  if (!term) {
    term = await em
      .getRepository(ContractTerm)
      .findOne({ where: { consignmentId: consignment.id, startDate: LessThanOrEqual(asOf) }, order: { startDate: 'DESC' } });
  }
  const termEvaluations = term ? evaluations.filter((e) => e.contractTermId === term!.id) : [];
  const evaluation = termEvaluations.sort((a, b) => a.evaluatedOn.localeCompare(b.evaluatedOn) || a.id - b.id).pop() ?? null;

  const facts = (
    await em.getRepository(RenewalFact).find({ where: { consignmentId: consignment.id }, order: { factDate: 'ASC', id: 'ASC' } })
  ).filter((f) => f.factDate <= asOf && (f.contractTermId ? f.contractTermId === term?.id : !term || f.factDate >= term.startDate));
  const selection = facts.filter((f) => f.kind === 'selection_score').pop() ?? null;
  const decisions = term
    ? (await em.getRepository(RenewalDecision).find({ where: { contractTermId: term.id }, order: { decidedOn: 'ASC', id: 'ASC' } })).filter(
        (d) => d.decidedOn <= asOf,
      )
    : [];
  const decision = decisions.pop() ?? null;

  const input: RenewalFacts = {
    evaluation: evaluation
      ? { id: evaluation.id, total: evaluation.total, evaluatedOn: evaluation.evaluatedOn, evaluatedBy: evaluation.evaluatedBy }
      : null,
    selectionScore: selection
      ? { id: selection.id, score: selection.score!, date: selection.factDate, description: selection.description }
      : null,
    repeatChains: await repeatFindingChainsFor(em, consignment.id, asOf),
    misconduct: facts
      .filter((f) => f.kind === 'misconduct')
      .map((f) => ({ id: f.id, date: f.factDate, decision: f.decision ?? '', description: f.description, reference: f.reference })),
    auditSanctions: facts
      .filter((f) => f.kind === 'audit_sanction')
      .map((f) => ({
        id: f.id,
        date: f.factDate,
        decision: f.decision ?? '',
        description: f.description,
        reference: f.reference,
        committeeRelevant: Boolean(f.committeeRelevant),
        committeeDecidedOn: f.committeeDecidedOn,
      })),
    cityDecision: decision
      ? { id: decision.id, decidedOn: decision.decidedOn, decision: decision.decision, reason: decision.reason }
      : null,
  };
  const rules = await renewalRules(em);
  const verdict = renewalVerdict(input, rules);
  const judgeDate = evaluation?.evaluatedOn ?? asOf;
  const bar = (v: { params: ScoreRuleParams } | null) => (v ? String(v.params.minScore) : '?');
  const repeat = versionOn(rules.uncorrectedRepeatLimit, judgeDate);
  return {
    ...verdict,
    consignment: { id: consignment.id, code: consignment.code, name: consignment.name },
    contractTerm: term ? { id: term.id, startDate: term.startDate, endDate: term.endDate, selectionMethod: term.selectionMethod } : null,
    asOf,
    criteriaKo: criteriaTextKo({
      evaluationMinScore: bar(versionOn(rules.evaluationMinScore, judgeDate)),
      selectionMinScore: bar(versionOn(rules.selectionMinScore, selection?.factDate ?? judgeDate)),
      minRepeats: repeat ? repeat.params.minRepeats : '?',
    }),
  };
}

/** Whether a total passes the renewal bar in force on a date (null when no rule is in force). */
export async function passesRenewalBar(em: EntityManager, total: string, date: string): Promise<boolean | null> {
  const v = versionOn((await renewalRules(em)).evaluationMinScore, date);
  return v ? compareDecimal(total, String(v.params.minScore)) >= 0 : null;
}
