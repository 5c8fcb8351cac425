import type { SeedAccount } from '../types';

/**
 * The named accounts (회계) the seed documents use. Every document has a 일반회계; seed 004 (기획조정실)
 * adds the 특별회계 it prints as one line (예산담당관 소관; the document gives no more specific name)
 * and its four funds by the names its 기금 table gives. Codes are the ledger's (the documents print none).
 */
export const GENERAL_ACCOUNT: SeedAccount = { code: '100', name: '일반회계', kind: 'general', sortOrder: 100, validFrom: '2000-01-01' };

export const PLANNING_OFFICE_ACCOUNTS: SeedAccount[] = [
  GENERAL_ACCOUNT,
  {
    code: '200',
    name: '특별회계',
    kind: 'other_special',
    sortOrder: 200,
    validFrom: '2000-01-01',
    note: "seed 004 prints '특별회계 : 총 760억원' as one line of 예산담당관 without naming the account",
  },
  { code: '310', name: '재정투융자기금', kind: 'fund', sortOrder: 310, validFrom: '2000-01-01' },
  { code: '320', name: '감채기금', kind: 'fund', sortOrder: 320, validFrom: '2000-01-01' },
  { code: '330', name: '대외협력기금', kind: 'fund', sortOrder: 330, validFrom: '2000-01-01' },
  { code: '340', name: '지역개발기금', kind: 'fund', sortOrder: 340, validFrom: '2000-01-01' },
];

/** The fund account of each of seed 004's fund programs. */
export const PLANNING_OFFICE_FUND_ACCOUNT: Record<string, string> = { 'PC-F01': '310', 'PC-F02': '320', 'PC-F03': '330', 'PC-F04': '340' };
