/**
 * Seed 001 (/work/shared/seeds/001_676e27cb4d6cfd79.txt): 서울특별시 전자상거래센터 운영 민간위탁 동의안
 * 검토보고 (의안번호 제2081호, 2024-08-12 제출) — performance indicators (연도별 성과지표 대비 실적),
 * activity figures (모니터링 및 DB 구축 실적, 소비자상담 및 피해구제 현황, 시장감시 활동 현황),
 * the comprehensive evaluation 83.44점 and the city's choice of a re-tender; renewal rules from
 * domain.md §8 and seed 001's 「재위탁 공개모집(재계약 배제) 사유」.
 *
 * `sample: true` marks what the documents do NOT state and was filled in as an example (dates of
 * decisions and evaluations, the evaluation template's indicators and points, the indicator-level
 * breakdown of the 83.44 total). Figures are transcribed as printed.
 */
import type { GradeBand } from '../../domain/evaluation';
import type { IndicatorMeasure, IndicatorScope } from '../../entities/evaluation-template';

export const SOURCE_001 = 'seeds/001_676e27cb4d6cfd79.txt — 서울특별시 전자상거래센터 운영 민간위탁 동의안 검토보고(제2081호)';

export const CONSIGNMENT_CODE = 'EC-C01';

// ───────────────────────────── renewal rules (RuleVersion rows) ─────────────────────────────

export const RENEWAL_RULE_VERSIONS: { ruleKey: string; effectiveFrom: string; effectiveTo: string | null; params: object; source: string }[] = [
  {
    ruleKey: 'renewal_min_score',
    effectiveFrom: '2016-01-01',
    effectiveTo: '2022-06-30',
    params: { minScore: 60 },
    source: 'domain.md §8: 2020년 언론 보도는 재계약 기준 60점을 인용 (시행일 2016-01-01은 예시 — 문서에 없음)',
  },
  {
    ruleKey: 'renewal_min_score',
    effectiveFrom: '2022-07-01',
    effectiveTo: null,
    params: { minScore: 75 },
    source: '서울시 행정사무의 민간위탁 관리지침 — 재위탁 공개모집(재계약 배제) 사유 ① 종합성과평가 결과 75점 미만 (seed 001); 2022년 7월부터 75점으로 상향 (domain.md §8)',
  },
  {
    ruleKey: 'renewal_selection_min_score',
    effectiveFrom: '2016-01-01',
    effectiveTo: null,
    params: { minScore: 70 },
    source: '재계약 배제 사유 ② 수탁자 선정을 위한 적격자심의위원회 심사결과 평가점수 70점 미만 (seed 001; 시행일은 예시)',
  },
  {
    ruleKey: 'renewal_uncorrected_repeat_limit',
    effectiveFrom: '2016-01-01',
    effectiveTo: null,
    params: { minRepeats: 3 },
    source: '재계약 배제 사유 ③ 지도·점검, 종합성과평가, 감사 결과 동일한 지적사항에 대하여 정당한 사유 없이 3회 이상 시정조치하지 않은 경우 (seed 001; 시행일은 예시)',
  },
];

// ───────────────────────────── evaluation template (sample) ─────────────────────────────

export interface SeedTemplate {
  code: string;
  version: number;
  name: string;
  effectiveFrom: string;
  gradeBands: GradeBand[];
  note: string;
  groups: { name: string; scope: IndicatorScope; measure: IndicatorMeasure; indicators: { name: string; maxPoints: string; guidance: string }[] }[];
}

/**
 * The documents give no indicator list with points. This template follows the checklist areas of
 * seed 002 (공통지표 회계관리·고용, 개별지표 시민·전문기술, 운영성과 3 areas); the points are an example.
 */
export const EVALUATION_TEMPLATE: SeedTemplate = {
  code: 'SEOUL-CPE',
  version: 1,
  name: '서울시 민간위탁 종합성과평가 지표(예시)',
  effectiveFrom: '2016-01-01',
  gradeBands: [
    { grade: '매우우수', minScore: '90' },
    { grade: '우수', minScore: '80' },
    { grade: '보통', minScore: '75' },
    { grade: '미흡', minScore: '60' },
    { grade: '매우미흡', minScore: '0' },
  ],
  note: 'sample: 지표 구성은 seed 002 지도점검표의 분야를 따르고, 배점과 등급 구간은 예시(문서에 없음)',
  groups: [
    {
      name: '일반운영(계량)',
      scope: 'common',
      measure: 'quantitative',
      indicators: [
        { name: '회계관리(예산 관리 및 집행)', maxPoints: '15', guidance: '위탁금의 목적범위 내 집행, 회계 관련 규정 준수 및 증빙서류 적정, 전용 통장·카드 사용' },
        { name: '고용(조직 및 인사관리)', maxPoints: '10', guidance: '채용·급여·퇴직·복무관리, 법정의무교육, 생활임금' },
        { name: '사업성과 달성 및 활용(성과지표 달성도)', maxPoints: '25', guidance: '세부사업별 성과지표 목표 대비 실적, 이용자 만족도' },
      ],
    },
    {
      name: '운영성과(비계량)',
      scope: 'common',
      measure: 'qualitative',
      indicators: [
        { name: '인력 및 자원 투입', maxPoints: '15', guidance: '인력운영 및 사업별 예산집행의 적정성, 관련 전문가 활용' },
        { name: '사업 추진 과정', maxPoints: '20', guidance: '사업계획 이행, 업무 과정기록, 절차 준수(나라장터 입찰 등), 외부자원 동원 및 홍보' },
      ],
    },
    {
      name: '시민 및 전문기술(비계량)',
      scope: 'individual',
      measure: 'qualitative',
      indicators: [
        { name: '시민(만족도 및 소통)', maxPoints: '10', guidance: '만족도 조사(이용자 10% 이상 권고), 정보공개, 의사소통 노력' },
        { name: '전문기술(안전 및 시설관리)', maxPoints: '5', guidance: '안전 및 시설관리 (시 청사 입주 시 시 총무과 총괄)' },
      ],
    },
  ],
};

/** The comprehensive evaluation of the 2022–2024 term: 83.44점 (seed 001). The breakdown is an example that sums to it. */
export const EVALUATION_2024 = {
  termStartDate: '2022-01-01',
  evaluatedBy: '조직담당관',
  evaluatedOn: '2024-06-28',
  evaluators: ['민간위탁운영평가위원회 (명단 비공개)'],
  note: "seed 001: '종합성과평가(83.44점)', 평가주관 조직담당관. sample: 평가일과 지표별 점수 구성은 예시(문서는 총점만 제시) — 총점은 지표별 점수의 합으로 계산됨",
  scores: [
    { indicator: '회계관리(예산 관리 및 집행)', score: '13.50', comment: '위탁금 전용 통장·카드로 집행, 증빙 적정' },
    { indicator: '고용(조직 및 인사관리)', score: '8.60', comment: '인사규정에 따른 채용·복무관리' },
    { indicator: '사업성과 달성 및 활용(성과지표 달성도)', score: '20.34', comment: '피해구제율·언론 인용은 목표 초과, 모니터링 달성률·별등급 비율은 목표 미달' },
    { indicator: '인력 및 자원 투입', score: '12.50', comment: '전공자 채용, 자문위원회 운영' },
    { indicator: '사업 추진 과정', score: '16.30', comment: '사업계획대로 추진하나 일부 절차 준수 미흡' },
    { indicator: '시민(만족도 및 소통)', score: '8.20', comment: '만족도 조사 실시, 감시단 간담회' },
    { indicator: '전문기술(안전 및 시설관리)', score: '4.00', comment: '시 청사 입주로 시설·안전은 시가 총괄' },
  ],
};

/** What the city decided at the end of terms, with its reasons (seed 001). */
export const RENEWAL_DECISIONS = [
  {
    termStartDate: '2016-01-01',
    decidedOn: '2015-12-31',
    decision: 'retender' as const,
    reason: '2015년 민간위탁운영평가위원회에서 조건부 적정(차기위탁 시 공개모집 전환)으로 심의하여 2018년에는 공개모집을 시행',
    reference: 'seed 001 검토의견 (결정일은 예시: 2015년)',
  },
  {
    termStartDate: '2018-01-01',
    decidedOn: '2021-12-31',
    decision: 'retender' as const,
    reason: '2021년 성과평가에서 재계약(80.4점)이 가능하였으나, 민간위탁운영평가위원회에서 조건부 적정(수탁기관을 재위탁(공개모집)으로 선정)으로 심의하여 공개모집을 통해 기존 수탁기관이 재선정됨',
    reference: 'seed 001 검토의견 (결정일은 예시: 2021년)',
  },
  {
    termStartDate: '2022-01-01',
    decidedOn: '2024-08-12',
    decision: 'retender' as const,
    reason: '종합성과평가(83.44점) 등을 고려할 때 현행 수탁업체는 재계약 대상이나, 지속적인 센터 수탁에 따른 관성적 운영이 우려되어 공개모집으로 재위탁 추진 (특정 업체의 독점적 운영에 따른 폐해 방지)',
    reference: '서울특별시 전자상거래센터 운영 민간위탁 동의안(의안번호 제2081호, 2024.08.12. 제출)',
  },
];

// ───────────────────────────── performance indicators ─────────────────────────────

const P2022 = { year: 2022, periodEnd: '2022-12-31', periodLabel: '2022년' };
const P2023 = { year: 2023, periodEnd: '2023-12-31', periodLabel: '2023년' };
const P2024H1 = { year: 2024, periodEnd: '2024-06-30', periodLabel: '’24.6월' };

export interface SeedIndicator {
  strategicGoal: string;
  task: string;
  name: string;
  unit: string;
  lowerIsBetter: boolean;
  values: { year: number; periodEnd: string; periodLabel: string; target: string; actual: string; printedAchievement: string }[];
}

/** 연도별 성과지표 대비 실적 (seed 001); printedAchievement is the 달성도 the document prints, for the tests. */
export const PERFORMANCE_INDICATORS: SeedIndicator[] = [
  {
    strategicGoal: '정보에 기반한 안전한 온라인 구매 환경 조성',
    task: '전자상거래업체 모니터링 및 DB 구축',
    name: '상/하반기 기간 내 모니터링 달성률',
    unit: '%',
    lowerIsBetter: false,
    values: [
      { ...P2022, target: '87.8', actual: '80.8', printedAchievement: '92.03' },
      { ...P2023, target: '84.8', actual: '81.8', printedAchievement: '96.46' },
      { ...P2024H1, target: '85.9', actual: '30.3', printedAchievement: '35.27' },
    ],
  },
  {
    strategicGoal: '정보에 기반한 안전한 온라인 구매 환경 조성',
    task: '전자상거래업체 별등급 공개',
    name: '일부 준수(★★) 이상 업체 비율',
    unit: '%',
    lowerIsBetter: false,
    values: [
      { ...P2022, target: '91.6', actual: '89.1', printedAchievement: '97.27' },
      { ...P2023, target: '91.6', actual: '89.3', printedAchievement: '97.49' },
      { ...P2024H1, target: '91.6', actual: '89.6', printedAchievement: '97.82' },
    ],
  },
  {
    strategicGoal: '소비자에게 공정한 전자상거래 환경 조성',
    task: '소비자 피해구제',
    name: '피해구제율',
    unit: '%',
    lowerIsBetter: false,
    values: [
      { ...P2022, target: '49.7', actual: '51.0', printedAchievement: '102.62' },
      { ...P2023, target: '49.7', actual: '51.2', printedAchievement: '103.02' },
      { ...P2024H1, target: '49.7', actual: '62.1', printedAchievement: '124.95' },
    ],
  },
  {
    strategicGoal: '전자상거래 소비자보호 분야의 서울시 위상 제고',
    task: '전자상거래 소비자보호 활동 홍보 및 피해예방',
    name: '홈페이지 방문자수',
    unit: '명',
    lowerIsBetter: false,
    values: [
      { ...P2022, target: '44,564', actual: '59,830', printedAchievement: '134.26' },
      { ...P2023, target: '62,882', actual: '56,087', printedAchievement: '89.19' },
      { ...P2024H1, target: '58,891', actual: '31,658', printedAchievement: '53.76' },
    ],
  },
  {
    strategicGoal: '전자상거래 소비자보호 분야의 서울시 위상 제고',
    task: '전자상거래 소비자보호 활동 홍보 및 피해예방',
    name: '언론사 인용 횟수(인용률)',
    unit: '회',
    lowerIsBetter: false,
    values: [
      { ...P2022, target: '139', actual: '227', printedAchievement: '163.31' },
      { ...P2023, target: '170', actual: '225', printedAchievement: '132.35' },
      { ...P2024H1, target: '196', actual: '120', printedAchievement: '61.22' },
    ],
  },
];

// ───────────────────────────── activity figures ─────────────────────────────

const A2022 = { periodLabel: '2022년', periodEnd: '2022-12-31' };
const A2023 = { periodLabel: '2023년', periodEnd: '2023-12-31' };
const A2024 = { periodLabel: '’24.08.12.', periodEnd: '2024-08-12' };

export interface SeedActivityTable {
  title: string;
  rows: { label: string; depth: number; style: 'total' | 'subtotal' | 'detail'; unit: string | null; values: [string, string, string] }[];
}

export const ACTIVITY_PERIODS = [A2022, A2023, A2024];

/** Transcribed as printed. 2022 모니터링 총계 136,798 is the document's figure; its rows add up to 136,780. */
export const ACTIVITY_TABLES: SeedActivityTable[] = [
  {
    title: '전자상거래업체 모니터링 및 DB 구축 실적',
    rows: [
      { label: '총  계', depth: 0, style: 'total', unit: '개소', values: ['136,798', '137,220', '129,922'] },
      { label: '영업중', depth: 1, style: 'detail', unit: '개소', values: ['41,877', '41,271', '33,878'] },
      { label: '휴업중', depth: 1, style: 'detail', unit: '개소', values: ['10,949', '11,910', '12,815'] },
      { label: '사이트 운영중단', depth: 1, style: 'detail', unit: '개소', values: ['54,189', '53,746', '55,140'] },
      { label: '광고용', depth: 1, style: 'detail', unit: '개소', values: ['21,352', '21,511', '19,987'] },
      { label: '기  타', depth: 1, style: 'detail', unit: '개소', values: ['8,413', '8,782', '8,102'] },
    ],
  },
  {
    title: '전자상거래 관련 소비자상담 및 피해구제 현황',
    rows: [
      { label: '총   계', depth: 0, style: 'total', unit: '건', values: ['8,723', '6,460', '4,892'] },
      { label: '상담/정보제공', depth: 1, style: 'detail', unit: '건', values: ['4,234', '2,599', '1,788'] },
      { label: '피해구제 소계', depth: 1, style: 'subtotal', unit: '건', values: ['4,407', '3,276', '2,970'] },
      { label: '환급/배상', depth: 2, style: 'detail', unit: '건', values: ['2,779', '2,524', '2,468'] },
      { label: '계약이행', depth: 2, style: 'detail', unit: '건', values: ['1,432', '571', '288'] },
      { label: '교환/수리', depth: 2, style: 'detail', unit: '건', values: ['146', '72', '32'] },
      { label: '합의', depth: 2, style: 'detail', unit: '건', values: ['50', '109', '182'] },
      { label: '시스템/서비스 개선', depth: 1, style: 'detail', unit: '건', values: ['32', '34', '25'] },
      { label: '기타', depth: 1, style: 'detail', unit: '건', values: ['50', '551', '109'] },
    ],
  },
  {
    title: '전자상거래 시장감시 활동 현황',
    rows: [
      { label: '사기사이트 적발·공개', depth: 0, style: 'detail', unit: '건', values: ['42', '73', '31'] },
      { label: '피해다발업체 공개', depth: 0, style: 'detail', unit: '개 업체', values: ['15', '11', '7'] },
      { label: '피해주의보 발령', depth: 0, style: 'detail', unit: '건', values: ['4', '6', '2'] },
      {
        label: '피해주의보 주요 내용',
        depth: 1,
        style: 'detail',
        unit: null,
        values: [
          '가전 및 해외서버 이용 사기사이트, 명품·화장품 판매 쇼핑몰 등',
          '유명 가전몰 위장 사기사이트, 50대 이상 SNS 광고쇼핑 주의, 운동화 해외구매대행 피해, 박람회 전시 할인 상품 사기 등',
          '유튜브 계정공유 사기 주의, 온라인몰 부업 사기 주의 등',
        ],
      },
    ],
  },
];

/** 위탁사무 운영현황 (seed 001): 규모 40㎡ (as of the bill). */
export const FACILITY = { label: '규모', value: '40', unit: '㎡', periodLabel: '’24.08.12.', periodEnd: '2024-08-12' };
