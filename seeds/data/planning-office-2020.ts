/**
 * Seed 004 (/work/shared/seeds/004_b40a5c2b04908ad5.txt): 기획조정실 「현안업무보고」 (2020. 4.) — 예산
 * 총괄표, 일반회계(부서별), 특별회계, 기금 (2019년 최종 / 2020년, 단위 백만원).
 *
 * The document gives only department (and fund) totals in 백만원 and the number of programs: each row
 * becomes ONE program per department per account. Org codes (PCO, PCO-…) and program codes (PC-G..,
 * PC-S.., PC-F..) are system codes invented for this ledger; they are NOT printed in the document.
 * All amounts are integer won = 백만원 × 1,000,000.
 */
import type { SeedLedger, SeedProgramYear } from '../types';
import { PLANNING_OFFICE_ACCOUNTS, PLANNING_OFFICE_FUND_ACCOUNT } from './accounts';

const M = 1_000_000; // 백만원 → 원
const TOTAL_NOTE = '문서는 부서별 합계(백만원)만 제공: 사업별 내역 없음';
const ITEM_NOTE = "편성목 구분은 문서에 없음: '사업비 합계'는 부서 합계를 담는 가상의 과목";

interface DeptRow {
  code: string;
  name: string;
  program: string;
  y2019: number; // 백만원, 2019년 최종
  n2019: number; // 사업수
  y2020: number; // 백만원, 2020년
  n2020: number;
  diff: number; // 증감, as printed
}

/** ○ 일반회계 table, in document order (백만원) */
const GENERAL: DeptRow[] = [
  { code: 'PCO-PLAN', name: '기획담당관', program: 'PC-G01', y2019: 1_152, n2019: 3, y2020: 1_135, n2020: 2, diff: -17 },
  { code: 'PCO-ORG', name: '조직담당관', program: 'PC-G02', y2019: 87_315, n2019: 11, y2020: 104_073, n2020: 12, diff: 16_758 },
  { code: 'PCO-EVAL', name: '평가담당관', program: 'PC-G03', y2019: 1_948, n2019: 5, y2020: 2_579, n2020: 5, diff: 631 },
  { code: 'PCO-LEGAL', name: '법무담당관', program: 'PC-G04', y2019: 778, n2019: 3, y2020: 758, n2020: 3, diff: -20 },
  { code: 'PCO-LAW', name: '법률지원담당관', program: 'PC-G05', y2019: 5_732, n2019: 2, y2020: 6_369, n2020: 2, diff: 637 },
  { code: 'PCO-COOP', name: '협력상생담당관', program: 'PC-G06', y2019: 3_386, n2019: 3, y2020: 3_976, n2020: 3, diff: 590 },
  { code: 'PCO-BUDGET', name: '예산담당관', program: 'PC-G07', y2019: 289_587, n2019: 3, y2020: 268_345, n2020: 3, diff: -21_242 },
  { code: 'PCO-FISCAL', name: '재정균형발전담당관', program: 'PC-G08', y2019: 844_837, n2019: 11, y2020: 202_455, n2020: 10, diff: -642_382 },
  { code: 'PCO-SOE', name: '공기업담당관', program: 'PC-G09', y2019: 814, n2019: 4, y2020: 945, n2020: 4, diff: 131 },
  { code: 'PCO-INTL', name: '국제교류담당관', program: 'PC-G10', y2019: 5_995, n2019: 7, y2020: 6_015, n2020: 7, diff: 20 },
  { code: 'PCO-GLOBAL', name: '해외도시협력담당관', program: 'PC-G11', y2019: 5_862, n2019: 7, y2020: 5_625, n2020: 7, diff: -237 },
];

interface FundRow {
  program: string;
  name: string;
  org: string;
  orgNote: string;
  y2019: number;
  n2019: number | null; // null = '( - )'
  y2020: number;
  n2020: number | null;
  diff: number;
}

/** ○ 기금 table, in document order (백만원); 2020 is '2020년 계획' */
const FUNDS: FundRow[] = [
  {
    program: 'PC-F01',
    name: '재정투융자기금',
    org: 'PCO-BUDGET',
    orgNote: "기금표는 소관부서를 밝히지 않음: 주요기능에서 예산담당관 업무로 '재정투융자기금 운용'이 적혀 있어 예산담당관으로 지정(추정)",
    y2019: 1_050_470,
    n2019: null,
    y2020: 481_442,
    n2020: null,
    diff: -569_028,
  },
  {
    program: 'PC-F02',
    name: '감채기금',
    org: 'PCO-FISCAL',
    orgNote: "기금표는 소관부서를 밝히지 않음: 재정균형발전담당관('기금운용 총괄')으로 지정한 것은 예시",
    y2019: 1_248_062,
    n2019: null,
    y2020: 435_358,
    n2020: null,
    diff: -812_704,
  },
  {
    program: 'PC-F03',
    name: '대외협력기금',
    org: 'PCO-INTL',
    orgNote: '기금표는 소관부서를 밝히지 않음: 국제교류담당관으로 지정한 것은 예시',
    y2019: 14_231,
    n2019: 21,
    y2020: 13_747,
    n2020: 17,
    diff: -484,
  },
  {
    program: 'PC-F04',
    name: '지역개발기금',
    org: 'PCO-FISCAL',
    orgNote: "기금표는 소관부서를 밝히지 않음: 재정균형발전담당관('기금운용 총괄', 균형발전 총괄)으로 지정한 것은 예시",
    y2019: 1_071,
    n2019: null,
    y2020: 1_175,
    n2020: null,
    diff: 104,
  },
];

const SPECIAL = { program: 'PC-S01', org: 'PCO-BUDGET', y2019: 93_546, y2020: 76_032, diff: -17_514 };

function generalYear(year: 2019 | 2020): SeedProgramYear[] {
  return GENERAL.map((d) => ({
    program: d.program,
    name: `${d.name} 일반회계 사업 합계`,
    kind: 'unit',
    account: 'general',
    accountCode: '100',
    org: d.code,
    appropriations: [
      { item: '사업비 합계', amount: (year === 2019 ? d.y2019 : d.y2020) * M, note: ITEM_NOTE },
    ],
    note: `${TOTAL_NOTE}. 사업수 ${year === 2019 ? d.n2019 : d.n2020}개${year === 2019 ? ' (2019년 최종예산)' : ''}`,
  }));
}

function specialYear(year: 2019 | 2020): SeedProgramYear {
  return {
    program: SPECIAL.program,
    name: '예산담당관 특별회계 사업 합계',
    kind: 'unit',
    account: 'special',
    accountCode: '200',
    org: SPECIAL.org,
    appropriations: [
      { item: '사업비 합계', amount: (year === 2019 ? SPECIAL.y2019 : SPECIAL.y2020) * M, note: ITEM_NOTE },
    ],
    note: `${TOTAL_NOTE}. 특별회계 소관은 문서의 특별회계 표(예산담당관 한 줄); 사업수 '(-)'`,
  };
}

function fundYear(year: 2019 | 2020): SeedProgramYear[] {
  return FUNDS.map((f) => {
    const n = year === 2019 ? f.n2019 : f.n2020;
    return {
      program: f.program,
      name: f.name,
      kind: 'unit',
      account: 'fund',
      accountCode: PLANNING_OFFICE_FUND_ACCOUNT[f.program],
      org: f.org,
      appropriations: [{ item: '사업비 합계', amount: (year === 2019 ? f.y2019 : f.y2020) * M, note: ITEM_NOTE }],
      note: `${TOTAL_NOTE}. ${f.orgNote}. 사업수 ${n === null ? "'( - )'" : `${n}개`}${year === 2020 ? ' (2020년 계획)' : ' (2019년 최종)'}`,
    };
  });
}

const DEPT_ORG_NOTE = "부서 설치일은 문서에 없음: 2019-01-01은 예시. 조직: '1실, 3관, 11담당관, 51팀' (3관은 문서에 이름 없음 — 생략)";

export const planningOffice: SeedLedger = {
  source: 'seeds/004_b40a5c2b04908ad5.txt — 기획조정실 현안업무보고 (2020. 4.), 예산 총괄표 (백만원)',
  fiscalYears: [
    { year: 2019, status: 'closed' },
    { year: 2020, status: 'open' },
  ],
  accounts: PLANNING_OFFICE_ACCOUNTS,
  orgUnits: [
    { code: 'PCO', name: '기획조정실', level: 'bureau', validFrom: '2019-01-01', sample: true, note: DEPT_ORG_NOTE },
    ...GENERAL.map((d) => ({
      code: d.code,
      name: d.name,
      level: 'department' as const,
      parent: 'PCO',
      validFrom: '2019-01-01',
      sample: true,
      note: DEPT_ORG_NOTE,
    })),
  ],
  programYears: {
    2019: [...generalYear(2019), specialYear(2019), ...fundYear(2019)],
    2020: [...generalYear(2020), specialYear(2020), ...fundYear(2020)],
  },
  printed: {
    unit: 'won',
    /** ○ 총괄표 (2019년 최종(사업수) · 2020년(사업수) · 증감), won */
    totals: {
      total: { y2019: 3_654_786 * M, count2019: 80, y2020: 1_610_029 * M, count2020: 75, diff: -2_044_757 * M },
      general: { y2019: 1_247_406 * M, count2019: 59, y2020: 602_275 * M, count2020: 58, diff: -645_131 * M },
      special: { y2019: 93_546 * M, count2019: null, y2020: 76_032 * M, count2020: null, diff: -17_514 * M },
      fund: { y2019: 2_313_834 * M, count2019: 21, y2020: 931_722 * M, count2020: 17, diff: -1_382_112 * M },
    },
    /** ○ 일반회계 table by department (code → 2019 최종, 2020, 증감, 사업수), won */
    generalByDepartment: Object.fromEntries(
      GENERAL.map((d) => [d.code, { y2019: d.y2019 * M, count2019: d.n2019, y2020: d.y2020 * M, count2020: d.n2020, diff: d.diff * M }]),
    ),
    /** ○ 특별회계 table */
    special: { 'PCO-BUDGET': { y2019: SPECIAL.y2019 * M, y2020: SPECIAL.y2020 * M, diff: SPECIAL.diff * M } },
    /** ○ 기금 table by fund program */
    funds: Object.fromEntries(
      FUNDS.map((f) => [f.program, { name: f.name, y2019: f.y2019 * M, count2019: f.n2019, y2020: f.y2020 * M, count2020: f.n2020, diff: f.diff * M }]),
    ),
    /** headline totals in 억원, as printed */
    headlines: { total: '1조 6,100억원', general: '6,023억', special: '760억원', fund: '9,317억원' },
    footnotes: [
      "* ’19년 결산 후 감채기금에 적립하는 순세계잉여금 등 확정 전 적립금 미반영으로 규모차이 발생 (일반회계·기금 증감)",
      '※ 사업수는 행정운영경비 및 재무활동비 등 제외',
    ],
  },
  // No self-disagreement found: department, fund and account rows add up to the 총괄표 (checked in
  // test/seeds/seed-data.test.ts). 2019 is 최종예산, 2020 is 본예산 (기금: '2020년 계획'), and per the
  // document's footnote the 2020 감채기금 etc. exclude reserves fixed only after the 2019 settlement.
  discrepancies: [],
};
