import type { EntityManager } from 'typeorm';
import type { RuleVersion } from '../../../entities/rule-version';
import { ruleVersionRows } from '../../store/rule-versions/rule-versions';

/** A rule version as the API and the administrator's page show it: the parameters as an object. */
export interface RuleVersionView {
  id: number;
  ruleKey: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  params: Record<string, unknown>;
  source: string;
}

export function ruleVersionView(row: RuleVersion): RuleVersionView {
  return {
    id: row.id,
    ruleKey: row.ruleKey,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    params: JSON.parse(row.params) as Record<string, unknown>,
    source: row.source,
  };
}

/** Every version, or those of one rule, oldest first per rule. */
export async function listRuleVersions(em: EntityManager, ruleKey?: string): Promise<RuleVersionView[]> {
  return (await ruleVersionRows(em, ruleKey)).map(ruleVersionView);
}
