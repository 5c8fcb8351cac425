import type { DataSource, EntityManager } from 'typeorm';
import { checkNewRuleVersion, placeNewVersion } from '../../../domain/rule-versions';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { closeVersion, insertRuleVersion, lockLatestVersion } from '../../store/rule-versions/rule-versions';
import { ruleVersionView, type RuleVersionView } from '../../queries/rule-versions/rule-versions';

export { KNOWN_RULES, dayBefore } from '../../../domain/rule-versions';
export { listRuleVersions, type RuleVersionView } from '../../queries/rule-versions/rule-versions';

export interface RuleVersionInput {
  ruleKey: string;
  /** YYYY-MM-DD */
  effectiveFrom: string;
  /** JSON object */
  params: unknown;
  source: string;
}

/**
 * Adds a dated version of a rule (domain/rule-versions.ts checkNewRuleVersion and placeNewVersion):
 * the new one must start after the latest version of the key; an open-ended latest is closed on the
 * day before — the only change ever made to an existing version, recorded in the audit with before
 * and after.
 */
export async function createRuleVersion(
  ds: DataSource,
  ctx: RequestContext,
  input: RuleVersionInput,
  em?: EntityManager,
): Promise<RuleVersionView> {
  return within(ds, em, async (tx) => {
    const version = checkNewRuleVersion(input);
    // the latest version is locked so that two admins adding a version at once are serialised
    const latest = await lockLatestVersion(tx, version.ruleKey);
    const { closeLatestOn } = placeNewVersion(version.ruleKey, version.effectiveFrom, latest);
    if (latest && closeLatestOn) {
      const before = ruleVersionView(latest);
      const after = ruleVersionView(await closeVersion(tx, latest.id, closeLatestOn));
      if (after.effectiveTo !== closeLatestOn) throw new Error(`rule version ${latest.id} changed while closing it`);
      await audit(tx, ctx, { action: 'rule_version.close', entity: 'rule_version', entityId: latest.id, before, after });
    }
    const row = await insertRuleVersion(tx, {
      ruleKey: version.ruleKey,
      effectiveFrom: version.effectiveFrom,
      effectiveTo: null,
      params: JSON.stringify(version.params),
      source: version.source,
    });
    const view = ruleVersionView(row);
    await audit(tx, ctx, { action: 'rule_version.create', entity: 'rule_version', entityId: row.id, after: view });
    return view;
  });
}
