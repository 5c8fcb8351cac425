import { IsNull, type EntityManager } from 'typeorm';
import { RuleVersion } from '../../../entities/rule-version';
import { lockRow } from '../../db/transaction';

/**
 * The statements that add rule versions and list them for the administrator (the reads that judge a
 * fact by the version in force are in server/store/rules.ts).
 */

/** Every version, or those of one rule, oldest first per rule. */
export const ruleVersionRows = (em: EntityManager, ruleKey?: string): Promise<RuleVersion[]> =>
  em.getRepository(RuleVersion).find({ where: ruleKey ? { ruleKey } : {}, order: { ruleKey: 'ASC', effectiveFrom: 'ASC' } });

/**
 * The latest version of a rule, locked so that two administrators adding a version at once are
 * serialised (null when the rule has none).
 */
export async function lockLatestVersion(em: EntityManager, ruleKey: string): Promise<RuleVersion | null> {
  const latest = await em.getRepository(RuleVersion).findOne({ where: { ruleKey }, order: { effectiveFrom: 'DESC' } });
  return latest ? lockRow(em, RuleVersion, latest.id) : null;
}

/** Closes an open-ended version on a day; returns the row as it is afterwards. */
export async function closeVersion(em: EntityManager, id: number, closedOn: string): Promise<RuleVersion> {
  const repo = em.getRepository(RuleVersion);
  await repo.update({ id, effectiveTo: IsNull() }, { effectiveTo: closedOn });
  return repo.findOneByOrFail({ id });
}

export async function insertRuleVersion(em: EntityManager, row: Omit<RuleVersion, 'id'>): Promise<RuleVersion> {
  const created = em.getRepository(RuleVersion).create(row);
  await em.save(created);
  return created;
}
