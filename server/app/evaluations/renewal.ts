import type { DataSource, EntityManager } from 'typeorm';
import type { RenewalDecision, RenewalFact } from '../../../entities/evaluation-renewal';
import { normaliseScore } from '../../../domain/evaluation';
import { assertRenewalFact } from '../../../domain/renewal';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { assertOrgAccess } from '../../access/scope';
import { audit } from '../../store/audit';
import { resolveConsignment } from '../../store/consignments/consignment-ref';
import { insertRenewalDecision, insertRenewalFact } from '../../store/evaluations/renewal';
import { termOfConsignment } from '../../queries/evaluations/renewal';
import type { RenewalDecisionInput, RenewalFactInput } from './requests';

/** A fact for the renewal verdict: a selection-committee score (②), punished misconduct (④), an audit sanction and the committee's judgement (⑤). */
export async function recordRenewalFact(
  ds: DataSource,
  ctx: RequestContext,
  input: RenewalFactInput,
  em?: EntityManager,
): Promise<RenewalFact> {
  return within(ds, em, async (tx) => {
    const consignment = await resolveConsignment(tx, input.consignment);
    await assertOrgAccess(tx, ctx, consignment.orgUnitId);
    await termOfConsignment(tx, consignment, input.contractTermId);
    assertRenewalFact(input);
    const fact = await insertRenewalFact(tx, {
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
    await audit(tx, ctx, { action: `renewal_fact.${input.kind}`, entity: 'renewal_fact', entityId: fact.id, after: fact });
    return fact;
  });
}

/** The city's decision at the end of a term (e.g. a re-tender chosen although renewal was allowed), with its reason. */
export async function recordRenewalDecision(
  ds: DataSource,
  ctx: RequestContext,
  input: RenewalDecisionInput,
  em?: EntityManager,
): Promise<RenewalDecision> {
  return within(ds, em, async (tx) => {
    const consignment = await resolveConsignment(tx, input.consignment);
    await assertOrgAccess(tx, ctx, consignment.orgUnitId);
    await termOfConsignment(tx, consignment, input.contractTermId);
    const decision = await insertRenewalDecision(tx, {
      consignmentId: consignment.id,
      contractTermId: input.contractTermId,
      decidedOn: input.decidedOn,
      decision: input.decision,
      reason: input.reason,
      reference: input.reference ?? null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await audit(tx, ctx, { action: 'renewal_decision.record', entity: 'renewal_decision', entityId: decision.id, after: decision });
    return decision;
  });
}
