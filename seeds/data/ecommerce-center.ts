/**
 * Seed 000 (/work/shared/seeds/000_ec98886b22a7f757.txt): 「서울시 전자상거래센터 운영」 사업설명
 * (2023 예산: 2022/2023 예산 총괄, 2023 산출근거, 최근 3년(2019–2021) 결산 현황), cross-checked with
 * seed 001 (/work/shared/seeds/001_676e27cb4d6cfd79.txt: 위탁기간 연도별 예산현황 2022–2024, 인력 7명,
 * 2025 소요예산 637백만원) and domain.md §6.
 *
 * Org codes (LFB, LFB-FAIR) and the program code (EC-U01) are system codes invented for this ledger;
 * they are NOT printed in the documents. All amounts are integer won (천원 × 1,000; 백만원 × 1,000,000).
 */
import type { SeedLedger } from '../types';
import { GENERAL_ACCOUNT } from './accounts';

const ITEM_NOTE_HISTORY =
  '최근 3년 결산표는 편성목을 밝히지 않음: 민간위탁금은 2022·2023 예산총괄표(민간위탁금 단일 과목) 기준으로 기록';
const EXEC_NOTE = '집행액은 문서(최근 3년 결산 현황)의 연간 합계; 집행일(연도말)은 예시 — sample은 날짜에만 해당';

export const ecommerceCenter: SeedLedger = {
  source:
    'seeds/000_ec98886b22a7f757.txt — 서울시 전자상거래센터 운영 사업설명(2023 예산); 2024·2025: seeds/001_676e27cb4d6cfd79.txt, domain.md §6',
  fiscalYears: [
    { year: 2019, status: 'closed' },
    { year: 2020, status: 'closed' },
    { year: 2021, status: 'closed' },
    { year: 2022, status: 'closed' },
    { year: 2023, status: 'closed' },
    { year: 2024, status: 'closed' },
    { year: 2025, status: 'open' },
  ],
  accounts: [GENERAL_ACCOUNT],
  orgUnits: [
    {
      code: 'LFB',
      name: '노동공정상생정책관',
      level: 'bureau',
      validFrom: '2019-01-01',
      sample: true,
      note: '문서는 2023 예산서 기준 실·국명만 제시(\'실국 및 부서명은 예산서 기준으로 작성되어 현재부서와 다를 수 있습니다\'): 2019-01-01은 필요한 최초 연도에 맞춘 예시',
    },
    {
      code: 'LFB-FAIR',
      name: '공정경제담당관',
      level: 'department',
      parent: 'LFB',
      validFrom: '2019-01-01',
      sample: true,
      note: '문서는 2023 예산서 기준 부서명만 제시: 2019–2021 결산 당시 소관부서는 문서에 없음, 시작일은 예시',
    },
  ],
  programYears: {
    2019: [
      {
        program: 'EC-U01',
        name: '서울시 전자상거래센터 운영',
        kind: 'unit',
        account: 'general',
        org: 'LFB-FAIR',
        appropriations: [{ item: '민간위탁금', amount: 600_751_000, note: ITEM_NOTE_HISTORY }],
        executions: [{ item: '민간위탁금', amount: 600_538_000, date: '2019-12-31', sample: true, note: EXEC_NOTE }],
        note: '최근 3년 결산 현황: 전년이월 0, 예산변경 0, 차년이월 0, 집행잔액 213천원',
      },
    ],
    2020: [
      {
        program: 'EC-U01',
        name: '서울시 전자상거래센터 운영',
        kind: 'unit',
        account: 'general',
        org: 'LFB-FAIR',
        appropriations: [{ item: '민간위탁금', amount: 573_980_000, note: ITEM_NOTE_HISTORY }],
        executions: [{ item: '민간위탁금', amount: 533_814_000, date: '2020-12-31', sample: true, note: EXEC_NOTE }],
        note: '최근 3년 결산 현황: 전년이월 0, 예산변경 0, 차년이월 0, 집행잔액 40,166천원',
      },
    ],
    2021: [
      {
        program: 'EC-U01',
        name: '서울시 전자상거래센터 운영',
        kind: 'unit',
        account: 'general',
        org: 'LFB-FAIR',
        appropriations: [{ item: '민간위탁금', amount: 513_218_000, note: ITEM_NOTE_HISTORY }],
        executions: [{ item: '민간위탁금', amount: 502_280_000, date: '2021-12-31', sample: true, note: EXEC_NOTE }],
        note: '최근 3년 결산 현황: 전년이월 0, 예산변경 0, 차년이월 0, 집행잔액 10,938천원',
      },
    ],
    2022: [
      {
        program: 'EC-U01',
        name: '서울시 전자상거래센터 운영',
        kind: 'unit',
        account: 'general',
        org: 'LFB-FAIR',
        appropriations: [
          {
            item: '민간위탁금',
            amount: 519_778_000,
            note: 'seed 000 예산 총괄 2022예산액(A) 519,778천원 = seed 001 위탁기간 연도별 예산현황 2022년 519,778천원 (일치)',
          },
        ],
        note: '2022 집행(결산) 실적은 문서에 없음. 인력 7명(seed 001)',
      },
    ],
    2023: [
      {
        program: 'EC-U01',
        name: '서울시 전자상거래센터 운영',
        kind: 'unit',
        account: 'general',
        org: 'LFB-FAIR',
        appropriations: [
          {
            item: '민간위탁금',
            amount: 523_783_000,
            note: 'seed 000 예산 총괄 2023예산액(B) 523,783천원 = 산출근거 합계 = seed 001 2023년 523,783천원 (일치). 산출근거의 \'쇼핑물\'은 문서 표기 그대로(쇼핑몰의 오기)',
            basis: [
              { description: '인건비(급여, 퇴직충당금, 제수당, 보험료 등)', amount: 258_413_000 },
              {
                description: '사업비(모니터링사업비, 쇼핑물평가 등)',
                amount: 214_823_000,
                children: [
                  { description: '전자상거래업체 모니터링 사업비', amount: 191_573_000 },
                  { description: '인터넷 쇼핑물평가(50개)', unitAmount: 12_500_000, multiplier: '1.1', amount: 13_750_000 },
                  { description: '전자상거래 소비자피해 예방 활동 및 전자상거래센터 홍보', amount: 9_500_000 },
                ],
              },
              { description: '운영비(시스템유지관리, 일반관리비 등)', amount: 50_547_000 },
            ],
          },
        ],
        note: '2023 집행(결산) 실적은 문서에 없음. 인력 7명(seed 001). 교부: 2023.01~12 분기별 신청 및 교부(추진일정)',
      },
    ],
    2024: [
      {
        program: 'EC-U01',
        name: '서울시 전자상거래센터 운영',
        kind: 'unit',
        account: 'general',
        org: 'LFB-FAIR',
        appropriations: [
          {
            item: '민간위탁금',
            amount: 533_478_000,
            note: 'seed 001 위탁기간 연도별 예산현황(민간위탁금) 2024년 533,478천원; domain.md §6',
          },
        ],
        note: '2024 집행(결산) 실적은 문서에 없음. 인력 7명(seed 001)',
      },
    ],
    2025: [
      {
        program: 'EC-U01',
        name: '서울시 전자상거래센터 운영',
        kind: 'unit',
        account: 'general',
        org: 'LFB-FAIR',
        appropriations: [
          {
            item: '민간위탁금',
            amount: 637_000_000,
            note: "seed 001 '소요예산 및 산출근거 : 637백만원(’25년 예산(안))' — 의회 의결 전 예산안 금액(백만원 단위); domain.md §6. 산출근거는 '별첨 예산 내부내역'으로 문서에 없음",
          },
        ],
        note: '2025.1.1.~2027.12.31. 위탁기간(3년) 재위탁 동의안의 예산안 기준',
      },
    ],
  },
  printed: {
    /** 최근 3년 결산 현황 (연도 · 최종예산 · 전년이월 · 예산변경 · 예산현액 · 집행액 · 차년이월 · 집행잔액), won */
    history: [
      { year: 2019, finalBudget: 600_751_000, carryIn: 0, change: 0, current: 600_751_000, executed: 600_538_000, carryOut: 0, balance: 213_000 },
      { year: 2020, finalBudget: 573_980_000, carryIn: 0, change: 0, current: 573_980_000, executed: 533_814_000, carryOut: 0, balance: 40_166_000 },
      { year: 2021, finalBudget: 513_218_000, carryIn: 0, change: 0, current: 513_218_000, executed: 502_280_000, carryOut: 0, balance: 10_938_000 },
    ],
    /** 예산 총괄 (2022예산액(A) · 2023예산액(B) · 증감(B-A) · (B-A)*100/A), won; the rate is printed with 0 decimals */
    budgetTable2023: { prior: 519_778_000, current: 523_783_000, diff: 4_005_000, rate: '1', rateDecimals: 0 },
    /** seed 001: 위탁기간 연도별 예산현황(민간위탁금), won */
    consignmentBudgetByYear: { 2022: 519_778_000, 2023: 523_783_000, 2024: 533_478_000 },
    /** seed 001: 근무 인원 */
    staffByYear: { 2022: 7, 2023: 7, 2024: 7 },
    /** 2023 사업내용 section amounts (a different breakdown than 산출근거 — see discrepancies), won */
    businessContents2023: {
      consultationAndMarketWatch: 265_226_000, // 전자상거래 관련 소비자상담, 시장감시활동 등 (인건비)
      monitoring: 193_181_000, // 전자상거래업체 전수 모니터링 및 정보제공
      mallEvaluation: 13_750_000, // 인터넷 쇼핑물평가
      damagePrevention: 9_500_000, // 소비자피해 예방 활동 및 홍보
    },
  },
  discrepancies: [
    '사업내용(2023)의 금액 구분이 산출근거와 다름: 소비자상담·시장감시활동 등 265,226천원(인건비) vs 산출근거 인건비 258,413천원; 전수 모니터링 및 정보제공 193,181천원 vs 산출근거 모니터링 사업비 191,573천원. 사업내용 4개 항목 합계 481,657천원은 예산 523,783천원과 맞지 않음(운영비 50,547천원의 배분이 문서에 없음) — 산출근거를 저장',
    "예산 총괄의 증감률 '1'은 4,005 / 519,778 × 100 = 0.77%를 정수로 반올림한 값(다른 표는 소수 둘째 자리) — 불일치는 아니나 표시 자릿수가 다름",
    'seed 001에는 2019–2021 예산이 없음(2022–2024 및 2025 예산안만): 2022·2023 금액은 seed 000과 일치, 차이 없음',
  ],
};
