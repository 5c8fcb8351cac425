import fs from 'node:fs';
import path from 'node:path';
import { EntityManager } from 'typeorm';
import type { RepeatFindingChainFact } from '../../domain/renewal';

/**
 * The bridge from the inspections (지도점검) to the renewal verdict's reason ③: chains of the same
 * finding repeated across inspections, with how many times it went uncorrected and the finding ids.
 * Returns null when the inspection service is not installed, so the verdict says ③ was not judged
 * instead of silently passing it.
 */
export type RepeatChainSource = (em: EntityManager, consignmentId: number, asOf?: string) => Promise<RepeatFindingChainFact[]>;

/** Names the inspection service may export its chain function under. */
const CANDIDATE_EXPORTS = ['repeatFindingChains', 'repeatedFindingChains', 'findingRepeatChains', 'repeatChains'];

let cached: RepeatChainSource | null | undefined;

export function repeatChainSource(): RepeatChainSource | null {
  if (cached !== undefined) return cached;
  cached = null;
  for (const file of fs.readdirSync(__dirname).filter((f) => /^inspection-.*\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, file)) as Record<string, unknown>;
    const name = CANDIDATE_EXPORTS.find((n) => typeof mod[n] === 'function');
    if (name) {
      const fn = mod[name] as (em: EntityManager, consignmentId: number, asOf?: string) => Promise<unknown[]>;
      cached = async (em, consignmentId, asOf) => (await fn(em, consignmentId, asOf)).map(toChainFact);
      break;
    }
  }
  return cached;
}

function toChainFact(raw: unknown): RepeatFindingChainFact {
  const r = raw as Record<string, unknown>;
  const ids = (r.findingIds ?? r.findings ?? []) as unknown[];
  return {
    title: String(r.title ?? r.summary ?? r.description ?? ''),
    findingIds: ids.map((x) => (typeof x === 'object' && x !== null ? Number((x as { id: unknown }).id) : Number(x))),
    uncorrectedCount: Number(r.uncorrectedCount ?? r.uncorrected ?? r.repeatCount ?? 0),
    justified: Boolean(r.justified ?? r.withCause ?? false),
  };
}

/** Repeat-finding chains of a consignment, or null when inspections are not available. */
export async function repeatFindingChainsFor(em: EntityManager, consignmentId: number, asOf?: string): Promise<RepeatFindingChainFact[] | null> {
  const source = repeatChainSource();
  return source ? source(em, consignmentId, asOf) : null;
}

/** Tests may plug a source in (or reset to discovery with undefined). */
export function setRepeatChainSource(source: RepeatChainSource | null | undefined): void {
  cached = source;
}
