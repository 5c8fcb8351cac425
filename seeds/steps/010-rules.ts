import { DataSource } from 'typeorm';
import { RuleVersion } from '../../entities/rule-version';
import { inTransaction } from '../../server/db/transaction';

/**
 * Dated rule versions. Each issue's rules live here as data, never as constants in code, and a
 * fact is judged by the version in force on its own date.
 */
export const RULE_VERSIONS: Omit<RuleVersion, 'id'>[] = [
  {
    ruleKey: 'transfer_report_deadline',
    effectiveFrom: '2000-01-01',
    effectiveTo: null,
    params: JSON.stringify({ quartersAfter: 1 }),
    source:
      '서울특별시의회 기본 조례 제55조의3: 예산 전용은 분기별로 소관 상임위원회에 보고 — 전용이 속한 분기의 다음 분기 말까지 보고해야 기한 내로 봄',
  },
];

export async function run(ds: DataSource): Promise<string> {
  let added = 0;
  await inTransaction(ds, async (em) => {
    for (const v of RULE_VERSIONS) {
      if (await em.getRepository(RuleVersion).findOneBy({ ruleKey: v.ruleKey, effectiveFrom: v.effectiveFrom })) continue;
      await em.insert(RuleVersion, v);
      added++;
    }
  });
  return `rule versions: ${added} added`;
}
