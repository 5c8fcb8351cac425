/**
 * Accounts (회계) and the year-end 세입·세출 결산 총괄. Pure: the kinds and their Korean names, the
 * legacy category a kind maps to, and the 총괄's arithmetic (every figure a sum of integer won).
 *
 *   결산상 잉여금 ㉰ = 세입 수납액 ㉮ − 세출 지출액 ㉯
 *   순세계잉여금 ㉳ = ㉰ − 다음연도 이월액 ㉱ − (보조금 반납금 + 교부차액) ㉲
 */
import type { AccountKind } from '../entities/account';
import { invalid } from './errors';
import { sumWon } from './money';

export const ACCOUNT_KINDS: readonly AccountKind[] = ['general', 'public_enterprise', 'other_special', 'fund'];

export const ACCOUNT_KIND_KO: Record<AccountKind, string> = {
  general: '일반회계',
  public_enterprise: '공기업특별회계',
  other_special: '기타특별회계',
  fund: '기금',
};

/** The legacy program category (general/special/fund) an account's kind belongs to. */
export type LegacyCategory = 'general' | 'special' | 'fund';

export function legacyCategoryOf(kind: AccountKind): LegacyCategory {
  if (kind === 'general') return 'general';
  if (kind === 'fund') return 'fund';
  return 'special';
}

/**
 * The account a legacy category stands for when a caller names only the category: the same rows
 * migration 1763901000000 creates for a database that already held programs.
 */
export const DEFAULT_ACCOUNT_OF: Record<LegacyCategory, { code: string; name: string; kind: AccountKind; sortOrder: number }> = {
  general: { code: '100', name: '일반회계', kind: 'general', sortOrder: 100 },
  special: { code: '200', name: '특별회계', kind: 'other_special', sortOrder: 200 },
  fund: { code: '300', name: '기금', kind: 'fund', sortOrder: 300 },
};

/** An account is valid for a fiscal year when its validity overlaps the year. */
export function accountValidIn(account: { validFrom: string; validTo: string | null }, year: number): boolean {
  return account.validFrom <= `${year}-12-31` && (account.validTo === null || account.validTo >= `${year}-01-01`);
}

export function assertAccountValidity(validFrom: string, validTo: string | null | undefined): void {
  if (validTo && validTo < validFrom) {
    throw invalid('validTo', 'validToAfterValidFrom', 'validTo must not be before validFrom', '종료일은 시작일보다 앞설 수 없습니다');
  }
}

/** A program-year or revenue line's account must exist in its fiscal year. */
export function assertAccountInYear(
  account: { code: string; name: string; validFrom: string; validTo: string | null },
  year: number,
  field = 'accountCode',
): void {
  if (!accountValidIn(account, year)) {
    throw invalid(
      field,
      'accountValidInYear',
      `Account ${account.code} does not exist in ${year}`,
      `${account.name}은(는) ${year}년에 없는 회계입니다`,
    );
  }
}

/** What the 결산 총괄 of one account reads from the ledger and the year's settlement record. */
export interface SettlementSummaryInput {
  /** 세입 예산현액 */
  revenueCurrentBudget: number;
  /** 세출 예산현액 */
  expenditureCurrentBudget: number;
  /** ㉮ 세입 수납액 (net of 환급) */
  collected: number;
  /** ㉯ 세출 지출액 */
  executed: number;
  /** ㉱ 다음연도 이월액 (차년이월: 명시 · 사고 · 계속비) */
  carriedOut: number;
  /** 보조금 반납금 */
  subsidyReturned: number;
  /** 교부차액 (signed) */
  grantDifference: number;
}

export interface SettlementSummaryFigures extends SettlementSummaryInput {
  /** ㉰ 결산상 잉여금 = ㉮ − ㉯ */
  surplus: number;
  /** ㉲ = 보조금 반납금 + 교부차액 */
  subsidyAndGrant: number;
  /** ㉳ 순세계잉여금 = ㉰ − ㉱ − ㉲ */
  netSurplus: number;
}

/** The 총괄 figures of one account. */
export function settlementSummary(input: SettlementSummaryInput): SettlementSummaryFigures {
  const surplus = sumWon([input.collected, -input.executed], 'surplus');
  const subsidyAndGrant = sumWon([input.subsidyReturned, input.grantDifference], 'subsidyAndGrant');
  const netSurplus = sumWon([surplus, -input.carriedOut, -subsidyAndGrant], 'netSurplus');
  return { ...input, surplus, subsidyAndGrant, netSurplus };
}

const SUMMARY_KEYS: (keyof SettlementSummaryFigures)[] = [
  'revenueCurrentBudget',
  'expenditureCurrentBudget',
  'collected',
  'executed',
  'carriedOut',
  'subsidyReturned',
  'grantDifference',
  'surplus',
  'subsidyAndGrant',
  'netSurplus',
];

/** The 합계 row: every column the sum of the accounts' (so ㉰ and ㉳ of the total obey the same identities). */
export function addSettlementSummaries(parts: SettlementSummaryFigures[]): SettlementSummaryFigures {
  const out = {} as SettlementSummaryFigures;
  for (const k of SUMMARY_KEYS)
    out[k] = sumWon(
      parts.map((p) => p[k]),
      k,
    );
  return out;
}

/** 회계별 집행 현황: 집행잔액 = 예산현액 − 지출액 누계 (the 차년이월 is not yet known during the year). */
export function executionBalance(currentBudget: number, executedToDate: number): number {
  return sumWon([currentBudget, -executedToDate], 'balance');
}
