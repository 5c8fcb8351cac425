/**
 * The e-commerce center as a consignment (위탁사무), transcribed from
 *  - seed 001 (/work/shared/seeds/001_676e27cb4d6cfd79.txt): 「서울특별시 전자상거래센터 운영 민간위탁
 *    동의안」 검토보고 — 수탁기관, 위탁 연혁 (every contract term with its selection method, 종합성과평가
 *    score and 평가주관), 인력 (2022–2024), the consent bill 제2081호 (제출 2024-08-12, 회부 2024-08-14),
 *    the next term 2025.1.1.~2027.12.31.;
 *  - seed 000 (/work/shared/seeds/000_ec98886b22a7f757.txt): the 2023 grant plan (교부 2023.01~12 분기별,
 *    523,783천원) and its 산출근거 categories.
 * Budgets by year live in the ledger (seeds/data/ecommerce-center.ts). `sample: true` marks a figure that is
 * NOT in the documents (예시) and `note` says why.
 */

export interface SeedContractTerm {
  startDate: string;
  endDate: string;
  /** 계약기간 as printed */
  periodLabel: string;
  selectionMethod: 'open' | 'renewal' | 'retender';
  renewalCount: number;
  recordedScore: string | null;
  evaluatedBy: string | null;
  /** the operator holding the term (by name) */
  operator: string;
  sample?: boolean;
  note?: string;
}

export interface SeedPlanCategory {
  code: string;
  name: string;
  parentCode?: string;
  amount: number;
}

export interface SeedGrantPlan {
  fiscalYear: number;
  quarters: [number, number, number, number];
  approvedOn: string;
  categories: SeedPlanCategory[];
  /** the quarterly split (and, for 2025, the categories) is not in the documents */
  sample: boolean;
  note: string;
}

export interface SeedDisbursement {
  fiscalYear: number;
  quarter: number;
  requestedOn: string;
  decidedOn: string;
  paidOn: string;
  amount: number;
  sample: true;
  note: string;
}

export interface SeedOperatorEntry {
  fiscalYear: number;
  quarter: number;
  kind: 'spending' | 'interest';
  categoryCode?: string;
  amount: number;
  entryDate: string;
  sample: true;
}

const OPERATOR = '(사)한국소비자연맹';
const HISTORY = 'seed 001 < 서울시 전자상거래센터 운영 위탁 연혁 >';
const DAY_NOTE = '문서는 연·월만 표기: 시작일은 그 달 1일, 종료일은 그 달 말일로 기록';

export const ecommerceConsignment = {
  source: 'seeds/001_676e27cb4d6cfd79.txt (민간위탁 동의안 검토보고, 의안번호 제2081호); seeds/000_ec98886b22a7f757.txt (2023 추진일정, 산출근거)',
  operator: {
    name: OPERATOR,
    registrationNumber: null,
    representative: '강정화',
    note: "seed 001: '수탁기관 : (사)한국소비자연맹(대표 : 강정화)'. 등록번호는 문서에 없음",
  },
  consignment: {
    code: 'EC-C01',
    name: '서울시 전자상거래센터 운영',
    consignmentType: 'office' as const,
    fundingType: 'budget' as const,
    legalBasis: '「서울특별시 소비자기본조례」 제19조 및 제20조',
    orgCode: 'LFB-FAIR',
    programCode: 'EC-U01',
    expenseItem: '민간위탁금',
    location: '서울시 중구 덕수궁길 15 서울특별시청 서소문별관 1동 14층 (40㎡)',
    startedOn: '2004-05-01',
    note: "seed 001: 위탁사무명 '서울특별시 전자상거래센터 운영(사무형)', 개소 2004.9.1., 홈페이지 ecc.seoul.go.kr, '04.05.~ 민간위탁. 코드 EC-C01은 이 시스템의 코드(문서에 없음). 시작일의 일(1일)은 예시",
  },
  terms: [
    { startDate: '2004-05-01', endDate: '2005-01-31', periodLabel: '8개월', selectionMethod: 'open', renewalCount: 0, recordedScore: '86.0', evaluatedBy: '소비자보호과', operator: OPERATOR, note: `${HISTORY} 1행 (’04. 5월~’05. 1월). ${DAY_NOTE}` },
    { startDate: '2005-02-01', endDate: '2005-12-31', periodLabel: '11개월', selectionMethod: 'renewal', renewalCount: 1, recordedScore: '94.8', evaluatedBy: '생활경제과', operator: OPERATOR, note: `${HISTORY}. ${DAY_NOTE}` },
    { startDate: '2006-01-01', endDate: '2006-12-31', periodLabel: '1년', selectionMethod: 'renewal', renewalCount: 2, recordedScore: '92.5', evaluatedBy: '생활경제과', operator: OPERATOR, note: `${HISTORY} (평가주관 〃 = 생활경제과)` },
    { startDate: '2007-01-01', endDate: '2008-12-31', periodLabel: '2년', selectionMethod: 'renewal', renewalCount: 3, recordedScore: '87.0', evaluatedBy: '생활경제담당관', operator: OPERATOR, note: HISTORY },
    { startDate: '2009-01-01', endDate: '2009-12-31', periodLabel: '1년', selectionMethod: 'renewal', renewalCount: 4, recordedScore: '90.5', evaluatedBy: '생활경제담당관', operator: OPERATOR, note: `${HISTORY} (평가주관 〃 = 생활경제담당관)` },
    { startDate: '2010-01-01', endDate: '2011-12-31', periodLabel: '2년', selectionMethod: 'renewal', renewalCount: 5, recordedScore: '87.8', evaluatedBy: '생활경제과', operator: OPERATOR, note: HISTORY },
    { startDate: '2012-01-01', endDate: '2013-12-31', periodLabel: '2년', selectionMethod: 'renewal', renewalCount: 6, recordedScore: '88.4', evaluatedBy: '민생경제과', operator: OPERATOR, note: `${HISTORY} (계약기간 〃 = 2년)` },
    { startDate: '2014-01-01', endDate: '2015-12-31', periodLabel: '2년', selectionMethod: 'renewal', renewalCount: 7, recordedScore: '88.2', evaluatedBy: '민생경제과', operator: OPERATOR, note: `${HISTORY} (계약기간 〃 = 2년, 평가주관 〃 = 민생경제과)` },
    {
      startDate: '2016-01-01', endDate: '2018-12-31', periodLabel: '3년', selectionMethod: 'renewal', renewalCount: 8, recordedScore: '90.4', evaluatedBy: '공정경제과', operator: OPERATOR,
      note: `${HISTORY}. 2016년 이후 「서울특별시 행정사무의 민간위탁에 관한 조례」 제11조 제3항에 따라 3년 계약. 2015년 민간위탁운영평가위원회 조건부 적정(차기위탁 시 공개모집 전환)`,
    },
    {
      startDate: '2018-01-01', endDate: '2021-12-31', periodLabel: '3년', selectionMethod: 'retender', renewalCount: 0, recordedScore: '80.4', evaluatedBy: '조직담당관', operator: OPERATOR,
      note: "문서 표기 그대로 '’18. 1월~’21.12월'(계약기간 〃 = 3년) 기록: 직전 기간('’16. 1월~’18.12월')과 겹치고 3년과도 맞지 않음(본문 '2018년에는 공개모집을 시행' — 실제 시작은 ’19.1월로 보임). 80.4점은 2021년 성과평가 — 재계약 가능했으나 민간위탁운영평가위원회 조건부 적정(재위탁(공개모집))",
    },
    {
      startDate: '2022-01-01', endDate: '2024-12-31', periodLabel: '3년', selectionMethod: 'retender', renewalCount: 0, recordedScore: '83.4', evaluatedBy: '조직담당관', operator: OPERATOR,
      note: "표는 83.4점, 검토의견 본문은 '종합성과평가(83.44점)' — 표의 값을 기록. seed 000 추진경위: ’21.09.01. 재위탁(공모) 계획 수립, ’21.11.29. 재위탁 시의회 보고, ’21.12월 운영주체 공모 및 선정, 협약체결",
    },
    {
      startDate: '2025-01-01', endDate: '2027-12-31', periodLabel: '3년', selectionMethod: 'retender', renewalCount: 0, recordedScore: null, evaluatedBy: null, operator: OPERATOR, sample: true,
      note: "seed 001: 민간위탁기간 3년(2025.1.1.~2027.12.31.), 수탁자 선정방식 공개모집(재위탁). 공모 결과(수탁기관)는 문서에 없음 — 기존 수탁기관으로 기록한 것은 예시(sample)",
    },
  ] satisfies SeedContractTerm[],
  consents: [
    {
      kind: 'reconsignment' as const,
      billNumber: '제2081호',
      contractTermStart: '2025-01-01',
      submittedOn: '2024-08-12',
      referredOn: '2024-08-14',
      decidedOn: null,
      result: 'pending' as const,
      note: '서울특별시 전자상거래센터 운영 민간위탁 동의안 (제출자 서울특별시장). 검토보고: 수석전문위원 이준석, 입법조사관 김용우. 의결일·결과는 문서에 없음 (검토보고 시점 기준 심사중)',
    },
  ],
  staff: [
    { year: 2022, headcount: 7, note: 'seed 001 인력 운영 (센터장 포함)' },
    { year: 2023, headcount: 7, note: 'seed 001 인력 운영 (센터장 포함)' },
    { year: 2024, headcount: 7, note: 'seed 001 인력 운영 (센터장 포함)' },
  ],
  plans: [
    {
      fiscalYear: 2023,
      quarters: [130_946_000, 130_946_000, 130_946_000, 130_945_000],
      approvedOn: '2023-01-10',
      sample: true,
      categories: [
        { code: 'personnel', name: '인건비(급여, 퇴직충당금, 제수당, 보험료 등)', amount: 258_413_000 },
        { code: 'project', name: '사업비(모니터링사업비, 쇼핑물평가 등)', amount: 214_823_000 },
        { code: 'project.monitoring', name: '전자상거래업체 모니터링 사업비', parentCode: 'project', amount: 191_573_000 },
        { code: 'project.mall-evaluation', name: '인터넷 쇼핑물평가(50개)', parentCode: 'project', amount: 13_750_000 },
        { code: 'project.prevention', name: '전자상거래 소비자피해 예방 활동 및 전자상거래센터 홍보', parentCode: 'project', amount: 9_500_000 },
        { code: 'operating', name: '운영비(시스템유지관리, 일반관리비 등)', amount: 50_547_000 },
      ],
      note: "seed 000 2023년도 추진일정: '사업계획 승인 및 위탁금 교부계획 수립 2022.12~2023.01 — 분기별 교부 금액 결정', '위탁사업비 교부 2023.01~2023.12 523,783천원 — 분기별 신청 및 교부'. 합계와 비목(산출근거)은 문서 그대로; 분기별 금액(균등 분할)과 승인일은 문서에 없어 예시(sample)",
    },
    {
      fiscalYear: 2025,
      quarters: [159_250_000, 159_250_000, 159_250_000, 159_250_000],
      approvedOn: '2025-01-08',
      sample: true,
      categories: [
        { code: 'personnel', name: '인건비', amount: 320_000_000 },
        { code: 'project', name: '사업비', amount: 255_000_000 },
        { code: 'project.monitoring', name: '전자상거래업체 모니터링 사업비', parentCode: 'project', amount: 228_000_000 },
        { code: 'project.mall-evaluation', name: '인터넷 쇼핑몰평가', parentCode: 'project', amount: 15_000_000 },
        { code: 'project.prevention', name: '소비자피해 예방 활동 및 홍보', parentCode: 'project', amount: 12_000_000 },
        { code: 'operating', name: '운영비', amount: 62_000_000 },
      ],
      note: "합계 637,000,000원은 seed 001 '소요예산 637백만원(’25년 예산(안))'. 분기별 금액·비목별 금액·승인일은 데모용 예시(sample): 2025 산출근거는 '별첨 예산 내부내역'으로 문서에 없음",
    },
  ] satisfies SeedGrantPlan[],
  disbursements: [
    { fiscalYear: 2025, quarter: 1, requestedOn: '2025-01-06', decidedOn: '2025-01-10', paidOn: '2025-01-15', amount: 159_250_000, sample: true, note: '데모용 예시 교부(1분기)' },
    { fiscalYear: 2025, quarter: 2, requestedOn: '2025-04-01', decidedOn: '2025-04-04', paidOn: '2025-04-10', amount: 159_250_000, sample: true, note: '데모용 예시 교부(2분기)' },
  ] satisfies SeedDisbursement[],
  operatorEntries: [
    { fiscalYear: 2025, quarter: 1, kind: 'spending', categoryCode: 'personnel', amount: 79_600_000, entryDate: '2025-03-31', sample: true },
    { fiscalYear: 2025, quarter: 1, kind: 'spending', categoryCode: 'project.monitoring', amount: 52_300_000, entryDate: '2025-03-31', sample: true },
    { fiscalYear: 2025, quarter: 1, kind: 'spending', categoryCode: 'operating', amount: 14_870_000, entryDate: '2025-03-31', sample: true },
    { fiscalYear: 2025, quarter: 1, kind: 'interest', amount: 118_420, entryDate: '2025-03-31', sample: true },
  ] satisfies SeedOperatorEntry[],
  discrepancies: [
    "위탁 연혁 10행의 수탁기간 '’18. 1월~’21.12월'은 9행('’16. 1월~’18.12월')과 겹치고 3년(〃)과도 맞지 않음: 표를 재현하도록 인쇄된 대로 2018-01-01 ~ 2021-12-31로 기록 (평가·재계약 판단(issue 5)도 같은 시작일로 기간을 찾음)",
    '11행(2022–2024)의 종합성과평가: 표 83.4점, 본문 83.44점 — 표의 값(83.4)을 기록하고 본문 값은 비고에 둠',
    "1행의 계약기간 '8개월'은 ’04.5월~’05.1월(달 수로 9개월)과 다름: 인쇄된 라벨을 periodLabel로 그대로 보존",
    '재계약횟수: 표의 1차~8차를 재계약 행에 기록, 공개모집·재위탁(공모) 행은 0 (표의 "-")',
  ],
};
