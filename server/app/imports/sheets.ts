import type { AccountKind } from '../../../entities/account';
import type { OrgLevel } from '../../../entities/org-unit';
import type { ProgramKind } from '../../../entities/program';
import type { CarryType } from '../../../entities/ledger-entry';
import type { RevenueEntryKind } from '../../../entities/revenue';

/**
 * The onboarding workbook: its sheets, in the order they are applied, each with its columns (Korean
 * header, the key the engine uses, how a cell is read, a note for the template). The JSON form is an
 * object of sheet name → rows keyed by the same Korean headers; the CSV form is one file per sheet
 * named after it.
 */
export type ColumnKind =
  | { type: 'text'; max: number }
  | { type: 'year' }
  | { type: 'date' }
  | { type: 'won'; signed?: boolean; positive?: boolean }
  | { type: 'order' }
  | { type: 'choice'; choices: Record<string, string> };

export interface ColumnSpec {
  key: string;
  header: string;
  kind: ColumnKind;
  required: boolean;
  note: string;
}

export type SheetKey =
  'orgs' | 'accounts' | 'programs' | 'appropriations' | 'revenueLines' | 'executions' | 'revenueEntries' | 'carryOvers' | 'settlements';

export interface SheetSpec {
  key: SheetKey;
  /** the sheet name, the JSON key and the CSV file name */
  sheet: string;
  /** reference rows are upserted by code; fact rows are appended once (by their idempotency key) */
  role: 'reference' | 'fact';
  columns: ColumnSpec[];
}

const text = (key: string, header: string, max: number, required: boolean, note: string): ColumnSpec => ({
  key,
  header,
  kind: { type: 'text', max },
  required,
  note,
});
const year: ColumnSpec = { key: 'fiscalYear', header: '회계연도', kind: { type: 'year' }, required: true, note: '예: 2025' };
const won = (key: string, header: string, note: string, options: { signed?: boolean; positive?: boolean } = {}): ColumnSpec => ({
  key,
  header,
  kind: { type: 'won', ...options },
  required: true,
  note,
});
const date = (key: string, header: string, required: boolean, note: string): ColumnSpec => ({
  key,
  header,
  kind: { type: 'date' },
  required,
  note,
});
const choice = (key: string, header: string, choices: Record<string, string>): ColumnSpec => ({
  key,
  header,
  kind: { type: 'choice', choices },
  required: true,
  note: Object.keys(choices).join(' · '),
});

export const ORG_LEVELS: Record<string, OrgLevel> = { 시: 'city', 실국: 'bureau', 부서: 'department', 팀: 'team' };
export const ACCOUNT_KINDS: Record<string, AccountKind> = {
  일반회계: 'general',
  공기업특별회계: 'public_enterprise',
  기타특별회계: 'other_special',
  기금: 'fund',
};
export const PROGRAM_KINDS: Record<string, ProgramKind> = { 정책사업: 'policy', 단위사업: 'unit', 세부사업: 'detail', 기본경비: 'basic' };
export const REVENUE_KINDS: Record<string, RevenueEntryKind> = {
  징수결정: 'assessed',
  수납: 'collected',
  불납결손: 'written_off',
  환급: 'refunded',
};
export const CARRY_KINDS: Record<string, CarryType> = { 명시: 'explicit', 사고: 'accident', 계속비: 'continuing' };

const AMOUNT_NOTE = '원 단위 정수: 1234, 1,234 또는 1,234원';

export const SHEETS: SheetSpec[] = [
  {
    key: 'orgs',
    sheet: '조직',
    role: 'reference',
    columns: [
      text('code', '코드', 40, true, '바뀌지 않는 조직 코드'),
      text('name', '이름', 100, true, '조직 이름'),
      choice('level', '단계', ORG_LEVELS),
      text('parentCode', '상위코드', 40, false, '상위 조직 코드 (시는 비움)'),
      date('validFrom', '시작일', true, 'YYYY-MM-DD'),
      date('validTo', '종료일', false, '폐지된 조직만 YYYY-MM-DD'),
    ],
  },
  {
    key: 'accounts',
    sheet: '회계',
    role: 'reference',
    columns: [
      text('code', '코드', 40, true, '바뀌지 않는 회계 코드'),
      text('name', '이름', 100, true, '예: 주차장특별회계'),
      choice('kind', '종류', ACCOUNT_KINDS),
      { key: 'sortOrder', header: '순서', kind: { type: 'order' }, required: false, note: '인쇄 순서 (정수, 선택)' },
      date('validFrom', '시작일', true, 'YYYY-MM-DD'),
      date('validTo', '종료일', false, '폐지된 회계만 YYYY-MM-DD'),
    ],
  },
  {
    key: 'programs',
    sheet: '사업',
    role: 'reference',
    columns: [
      year,
      text('code', '코드', 40, true, '바뀌지 않는 사업 코드'),
      text('name', '이름', 200, true, '그 해의 사업명'),
      choice('kind', '구분', PROGRAM_KINDS),
      text('parentCode', '상위코드', 40, false, '단위사업은 정책사업, 세부사업은 단위사업의 코드'),
      text('accountCode', '회계코드', 40, true, '회계 시트나 등록된 회계의 코드'),
      text('orgCode', '부서코드', 40, true, '조직 시트나 등록된 부서의 코드'),
    ],
  },
  {
    key: 'appropriations',
    sheet: '세출예산',
    role: 'reference',
    columns: [
      year,
      text('programCode', '사업코드', 40, true, '사업 시트의 코드'),
      text('expenseItem', '편성목', 50, true, '예: 민간위탁금, 사무관리비'),
      won('amount', '예산액', AMOUNT_NOTE),
      text('basis', '산출근거', 500, false, '선택'),
    ],
  },
  {
    key: 'revenueLines',
    sheet: '세입예산',
    role: 'reference',
    columns: [
      year,
      text('code', '코드', 40, true, '관·항·목 과목 코드 (예: 220-01-03)'),
      text('name', '이름', 200, true, '과목 이름'),
      text('parentCode', '상위코드', 40, false, '상위 과목(관·항)의 코드'),
      text('accountCode', '회계코드', 40, true, '회계 코드'),
      text('orgCode', '부서코드', 40, true, '담당 부서 코드'),
      won('budget', '예산액', AMOUNT_NOTE),
      won('currentBudget', '예산현액', AMOUNT_NOTE),
    ],
  },
  {
    key: 'executions',
    sheet: '집행',
    role: 'fact',
    columns: [
      year,
      text('programCode', '사업코드', 40, true, '사업 코드'),
      text('expenseItem', '편성목', 50, true, '세출예산의 편성목'),
      date('date', '일자', true, 'YYYY-MM-DD (그 회계연도 안)'),
      won('amount', '금액', AMOUNT_NOTE + ', 0보다 큼', { positive: true }),
      text('memo', '적요', 500, false, '선택'),
    ],
  },
  {
    key: 'revenueEntries',
    sheet: '세입',
    role: 'fact',
    columns: [
      year,
      text('revenueCode', '세입코드', 40, true, '세입예산의 최하위 과목 코드'),
      choice('kind', '구분', REVENUE_KINDS),
      date('date', '일자', true, 'YYYY-MM-DD (그 회계연도 안)'),
      won('amount', '금액', AMOUNT_NOTE + ', 0보다 큼', { positive: true }),
    ],
  },
  {
    key: 'carryOvers',
    sheet: '이월',
    role: 'fact',
    columns: [
      year,
      text('programCode', '사업코드', 40, true, '사업 코드'),
      text('expenseItem', '편성목', 50, true, '세출예산의 편성목'),
      choice('carryType', '구분', CARRY_KINDS),
      won('amount', '금액', AMOUNT_NOTE + ', 0보다 큼', { positive: true }),
    ],
  },
  {
    key: 'settlements',
    sheet: '결산',
    role: 'reference',
    columns: [
      year,
      text('accountCode', '회계코드', 40, true, '회계 코드'),
      won('subsidyReturned', '보조금반납금', AMOUNT_NOTE),
      won('grantDifference', '교부차액', '음수는 -1,234 또는 △1,234', { signed: true }),
    ],
  },
];

export const SHEET_BY_NAME = new Map(SHEETS.map((s) => [s.sheet, s]));

/** A1 column letters of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
