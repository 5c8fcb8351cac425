/**
 * Shapes of the seed data transcribed from the documents in shared/seeds/. All amounts are integer
 * won (the documents print 천원 or 백만원; multiply exactly). `sample: true` marks a figure that is
 * NOT in the documents but is needed for a demo (예시); `note` says where a figure comes from or
 * which discrepancy of the documents it resolves.
 */
export type Account = 'general' | 'special' | 'fund';
export type ProgramKind = 'policy' | 'unit' | 'basic';
export type OrgLevel = 'bureau' | 'department' | 'team';

/** A named account (회계) a seed's programs and revenue lines belong to. */
export interface SeedAccount {
  code: string;
  name: string;
  kind: 'general' | 'public_enterprise' | 'other_special' | 'fund';
  sortOrder: number;
  validFrom: string;
  note?: string;
}

export interface SeedOrgUnit {
  code: string;
  name: string;
  level: OrgLevel;
  parent?: string; // code
  validFrom: string; // YYYY-MM-DD
  validTo?: string;
  sample?: boolean;
  note?: string;
}

export interface SeedEntry {
  item: string; // 편성목, e.g. 민간위탁금, 사무관리비, 시설비
  amount: number; // won
  date: string;
  reason?: string;
  sample?: boolean;
  note?: string;
}

export interface SeedCarryOut extends SeedEntry {
  carryType: 'explicit' | 'accident' | 'continuing'; // 명시이월 · 사고이월 · 계속비이월
}

export interface SeedBasisLine {
  description: string;
  unitAmount?: number;
  quantity?: string; // decimal text
  multiplier?: string; // decimal text, e.g. "1.1"
  amount: number; // result, won
  children?: SeedBasisLine[];
}

export interface SeedAppropriation {
  item: string;
  amount: number; // 본예산 + 추경 as passed (예산액), won
  basis?: SeedBasisLine[];
  sample?: boolean;
  note?: string;
}

/** One program in one fiscal year, placed in the hierarchy of that year's document. */
export interface SeedProgramYear {
  program: string; // stable program code
  name: string; // the name as printed that year
  kind: ProgramKind;
  /** the legacy category (kept for the documents' 일반회계/특별회계/기금 totals) */
  account: Account;
  /** the named account (회계) by code; by default the seed's account of the category (일반회계 '100') */
  accountCode?: string;
  org: string; // owning department code (at year end)
  parent?: string; // program code of the policy program (정책사업) for a unit program
  appropriations?: SeedAppropriation[]; // absent for policy programs (they are roll-ups)
  carryIn?: SeedEntry[]; // 전년이월
  executions?: SeedEntry[]; // 집행
  carryOut?: SeedCarryOut[]; // 차년이월
  /** the prior year's 예산액 restated to this year's organisation (seed 003's 2019 budget table) */
  priorYearBasis?: number;
  note?: string;
}

export interface SeedTransfer {
  kind: 'item' | 'program' | 'org'; // 전용 · 이용 · 이체
  date: string;
  amount: number;
  fromProgram: string;
  fromItem: string;
  toProgram: string;
  toItem: string;
  fromOrg?: string;
  toOrg?: string;
  reason: string;
  reportedOn?: string; // 상임위원회 보고일 (전용)
  sample?: boolean;
  note?: string;
}

export interface SeedRevenueLine {
  code: string;
  name: string;
  parent?: string;
  budget: number; // 예산액
  currentBudget: number; // 예산현액
  assessed?: number; // 징수결정액 (leaves only)
  collected?: number; // 수납액
  writtenOff?: number; // 불납결손액
  /** the named account (회계) by code; 일반회계 by default */
  accountCode?: string;
  note?: string;
}

export interface SeedFiscalYear {
  year: number;
  status: 'open' | 'closed';
}

export interface SeedLedger {
  source: string;
  fiscalYears: SeedFiscalYear[];
  /** the named accounts (회계) of the document; 일반회계 '100' when absent */
  accounts?: SeedAccount[];
  orgUnits: SeedOrgUnit[];
  programYears: Record<number, SeedProgramYear[]>; // by fiscal year, in document order
  transfers?: SeedTransfer[];
  revenue?: Record<number, { org: string; lines: SeedRevenueLine[] }>;
  /** figures the documents print for totals, kept to test that the stored amounts reproduce them */
  printed?: Record<string, unknown>;
  discrepancies?: string[];
}
