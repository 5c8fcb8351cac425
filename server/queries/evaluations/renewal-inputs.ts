import type { EntityManager } from 'typeorm';
import type { RepeatFindingChainFact } from '../../../domain/renewal';
import { RepeatFindingChain, repeatFindingChains } from '../inspections/repeat-chains';

/**
 * The bridge from the inspections (지도점검, issue 5) to the renewal verdict's reason ③: chains of the
 * same finding repeated across inspections (and earlier evaluations or audits they name), with how many
 * times it went uncorrected without cause and the ids of the findings.
 */
type ChainSource = (em: EntityManager, consignmentId: number, asOf?: string) => Promise<RepeatFindingChain[]>;

export async function repeatFindingChainsFor(em: EntityManager, consignmentId: number, asOf?: string): Promise<RepeatFindingChainFact[]> {
  const chains = await (repeatFindingChains as ChainSource)(em, consignmentId, asOf);
  return chains.map((c) => ({
    title: c.title,
    findingIds: c.findingIds,
    // the inspection service counts only occurrences without a justified cause (정당한 사유)
    uncorrectedCount: c.uncorrectedCount,
    justified: false,
  }));
}
