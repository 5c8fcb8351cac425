import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../context';
import { buildRepeatChains, effectiveInspections, RepeatFindingChain } from '../../../domain/inspection-findings';
import { assertCanReadInspections } from '../../access/inspection-access';
import { consignmentById } from '../../store/consignments/consignment-ref';
import { approvedInspections } from '../../store/inspections/inspections';
import { findingsOfInspections } from '../../store/inspections/findings';

export type { RepeatFindingChain } from '../../../domain/inspection-findings';

/**
 * Chains of repeat findings of a consignment (for renewal rule ③, domain.md §8: the same finding from
 * inspections, evaluations or audits left uncorrected 3 times or more without cause). Only effective
 * inspections count: approved and not superseded by an approved revision; drafts and submitted
 * inspections do not. Every finding is in exactly one chain (a chain of one when never repeated).
 * With asOf, only inspections approved on or before that day count.
 */
export async function repeatFindingChains(em: EntityManager, consignmentId: number, asOf?: string): Promise<RepeatFindingChain[]> {
  const effective = effectiveInspections(await approvedInspections(em, { consignmentId }), asOf);
  if (!effective.length) return [];
  const findings = await findingsOfInspections(
    em,
    effective.map((i) => i.id),
  );
  return buildRepeatChains(effective, findings);
}

/** The chain a finding belongs to (its repeat count), for views and reports. */
export async function repeatCountsByFinding(em: EntityManager, consignmentId: number): Promise<Map<number, RepeatFindingChain>> {
  const map = new Map<number, RepeatFindingChain>();
  for (const chain of await repeatFindingChains(em, consignmentId)) for (const id of chain.findingIds) map.set(id, chain);
  return map;
}

/** The chains of a consignment, for a reader of its inspections. */
export async function repeatChainsFor(em: EntityManager, ctx: RequestContext, consignmentId: number): Promise<RepeatFindingChain[]> {
  await assertCanReadInspections(em, ctx, await consignmentById(em, consignmentId));
  return repeatFindingChains(em, consignmentId);
}
