import type { EntityManager } from 'typeorm';
import type { ContractTerm } from '../../../entities/consignment';
import { notFound } from '../../../domain/errors';
import {
  criteriaInForceKo,
  factsOfTerm,
  latestEvaluation,
  passesRenewalBar as passesBar,
  RenewalRules,
  RenewalVerdict,
  renewalFactsOf,
  renewalVerdict,
  RepeatRuleParams,
  ScoreRuleParams,
} from '../../../domain/renewal';
import type { RequestContext } from '../../context';
import { assertOrgAccess } from '../../access/scope';
import { ruleHistory } from '../../store/rules';
import { resolveConsignment } from '../../store/consignments/consignment-ref';
import { renewalDecisionsOf, renewalFactsOf as renewalFactRows } from '../../store/evaluations/renewal';
import { contractTermById, existingContractTerm, termRunningOn } from '../../store/consignments/contract-terms';
import { liveEvaluations } from './evaluations';
import { repeatFindingChainsFor } from './renewal-inputs';

export const RENEWAL_MIN_SCORE_RULE = 'renewal_min_score';
export const RENEWAL_SELECTION_MIN_SCORE_RULE = 'renewal_selection_min_score';
export const RENEWAL_REPEAT_LIMIT_RULE = 'renewal_uncorrected_repeat_limit';

/** Every version of the three renewal rules (①, ②, ③), oldest first. */
export async function renewalRules(em: EntityManager): Promise<RenewalRules> {
  return {
    evaluationMinScore: await ruleHistory<ScoreRuleParams>(em, RENEWAL_MIN_SCORE_RULE),
    selectionMinScore: await ruleHistory<ScoreRuleParams>(em, RENEWAL_SELECTION_MIN_SCORE_RULE),
    uncorrectedRepeatLimit: await ruleHistory<RepeatRuleParams>(em, RENEWAL_REPEAT_LIMIT_RULE),
  };
}

/** A term of the consignment named by id (null when none is named); another consignment's term is not found. */
export async function termOfConsignment(
  em: EntityManager,
  consignment: { id: number; code: string; name: string },
  termId: number | null | undefined,
): Promise<ContractTerm | null> {
  if (!termId) return null;
  const term = await contractTermById(em, termId);
  if (!term || term.consignmentId !== consignment.id)
    throw notFound(`Contract term ${termId} of ${consignment.code}`, `${consignment.name}의 계약기간 ${termId}`, 'contractTermId');
  return term;
}

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
  await assertOrgAccess(em, ctx, consignment.orgUnitId);
  const asOf = params.asOf ?? today();
  let term = await termOfConsignment(em, consignment, params.contractTermId);
  const evaluations = (await liveEvaluations(em, { consignmentId: consignment.id })).filter((e) => e.evaluatedOn <= asOf);
  if (!term && evaluations.length) term = await existingContractTerm(em, latestEvaluation(evaluations)!.contractTermId);
  if (!term) term = await termRunningOn(em, consignment.id, asOf);
  const evaluation = term ? latestEvaluation(evaluations.filter((e) => e.contractTermId === term!.id)) : null;

  const facts = factsOfTerm(await renewalFactRows(em, consignment.id), term, asOf);
  const decisions = term ? (await renewalDecisionsOf(em, term.id)).filter((d) => d.decidedOn <= asOf) : [];
  const input = renewalFactsOf({
    evaluation,
    facts,
    repeatChains: await repeatFindingChainsFor(em, consignment.id, asOf),
    decision: decisions.pop() ?? null,
  });
  const rules = await renewalRules(em);
  const verdict = renewalVerdict(input, rules);
  return {
    ...verdict,
    consignment: { id: consignment.id, code: consignment.code, name: consignment.name },
    contractTerm: term ? { id: term.id, startDate: term.startDate, endDate: term.endDate, selectionMethod: term.selectionMethod } : null,
    asOf,
    criteriaKo: criteriaInForceKo(rules, evaluation?.evaluatedOn ?? asOf, input.selectionScore?.date ?? null),
  };
}

/** Whether a total passes the renewal bar in force on a date (null when no rule is in force). */
export async function passesRenewalBar(em: EntityManager, total: string, date: string): Promise<boolean | null> {
  return passesBar(await renewalRules(em), total, date);
}
