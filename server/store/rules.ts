import { EntityManager, LessThanOrEqual } from 'typeorm';
import { RuleVersion } from '../../entities/rule-version';
import { DomainError } from '../../domain/errors';

export interface RuleInForce<P> {
  id: number;
  ruleKey: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  params: P;
}

/** The version of a rule in force on a date: the latest one that started on or before it. */
export async function ruleInForce<P>(em: EntityManager, ruleKey: string, date: string): Promise<RuleInForce<P>> {
  const row = await em.getRepository(RuleVersion).findOne({
    where: { ruleKey, effectiveFrom: LessThanOrEqual(date) },
    order: { effectiveFrom: 'DESC' },
  });
  if (!row || (row.effectiveTo && row.effectiveTo < date)) {
    throw new DomainError(
      'invalid',
      'no_rule_in_force',
      `No version of rule ${ruleKey} is in force on ${date}`,
      `${date}에 적용되는 ${ruleKey} 규칙이 없습니다`,
    );
  }
  return {
    id: row.id,
    ruleKey,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    source: row.source,
    params: JSON.parse(row.params) as P,
  };
}

/** All versions of a rule, oldest first, for callers that judge many dates at once. */
export async function ruleHistory<P>(em: EntityManager, ruleKey: string): Promise<RuleInForce<P>[]> {
  const rows = await em.getRepository(RuleVersion).find({ where: { ruleKey }, order: { effectiveFrom: 'ASC' } });
  return rows.map((r) => ({
    id: r.id,
    ruleKey,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    source: r.source,
    params: JSON.parse(r.params) as P,
  }));
}

export const TRANSFER_DEADLINE_RULE = 'transfer_report_deadline';
