/**
 * Seed 002 (/work/shared/seeds/002_714eb97d1ffa2f4c.txt): 2020년 '서울시 전자상거래센터 운영' 민간위탁
 * 지도점검 결과보고 (문서번호 공정경제담당관-793, 결재일자 2021. 1. 14., 부분공개(5 7)).
 *
 * The checklist template is the one the report implies: its areas and item wording are the report's
 * headings and the "- …" lines under each heading; the rating scale (적정 / 일부 미흡 / 부적정 / 해당없음)
 * and the ≥ 10% survey criterion come from the issue and domain.md §7. Item codes are this system's.
 *
 * Transcription notes:
 * - The text converter turned bullets into "??" / "?": printed here as ○ (results) and the "-" lines as is.
 * - The filled-in 점검표 (붙임) is not in the seed, so the RATINGS are inferred from the narrative:
 *   적정 where the report finds things in order, 일부 미흡 where it says 미흡 (the survey reached 8% of
 *   users against the 10% 권고 기준; 절차 준수 미흡; 자문위원회 개최 미흡), 해당없음 for 전문기술.
 * - The survey figure is entered as the percentage the report gives (8%): the report has no counts.
 * - Findings are the two lines of 조치사항. Their kinds follow the wording: the 나라장터 line is a
 *   주의 ("주의 사항 전달"), the 영상 자문회의 line a 권고. The report gives no due date ("재발하지 않도록"):
 *   2021-06-30 (the next half-year inspection) is an example date. No follow-up is documented, so both
 *   stay open.
 * - 대상기간 "’20. 1. 1 ~ ’20. 12월 현재": periodTo is the inspection date.
 * - The author (최은희 주무관) and the approver (박주선 공정경제담당관) are the 결재 line of the document.
 */
import type { FindingInput, ItemResultInput, NewInspectionInput, TemplateInput } from '../../server/app/inspections/requests';

export const SOURCE = 'seeds/002_714eb97d1ffa2f4c.txt — 2020년 서울시 전자상거래센터 운영 민간위탁 지도점검 결과보고';

export const CHECKLIST_TEMPLATE_CODE = 'CONSIGN-INSPECT';

export const consignmentChecklistV1: TemplateInput = {
  code: CHECKLIST_TEMPLATE_CODE,
  name: '민간위탁 지도점검표',
  effectiveFrom: '2020-01-01',
  note: `${SOURCE}에서 도출한 점검 분야·항목 (일반운영 4개 지표, 운영성과 3개 분야)`,
  ratingScale: ['적정', '일부 미흡', '부적정', '해당없음'],
  areas: [
    {
      code: 'GEN',
      title: '일반운영 분야',
      areas: [
        {
          code: 'GEN-C1',
          title: '공통지표(1): 회계관리(예산 관리 및 집행)',
          items: [
            {
              code: 'GEN-C1-1',
              title: '위탁금의 목적범위 내 집행여부 등 민간위탁금 관리',
              guidance: '사업계획에 따른 집행, 위탁금 전용 통장 및 카드 사용, 지출결의서와 통장 지출내역 일치, 회계 책임자 지정 및 보조금관리시스템 이용',
            },
            {
              code: 'GEN-C1-2',
              title: '회계 관련 규정 준수 및 증빙서류 적정 여부 등',
              guidance: '세금계산서, 입금확인증, 카드매출전표 등 증빙서류; 예산·결산 공개 여부',
            },
          ],
        },
        {
          code: 'GEN-C2',
          title: '공통지표(2): 고용(조직 및 인사관리)',
          items: [
            { code: 'GEN-C2-1', title: '인력관리 운영 실태', guidance: '인사규정에 따른 공개경쟁 채용, 인사위원회 구성, 근무상황부 작성' },
            { code: 'GEN-C2-2', title: '급여, 퇴직, 복무관리 적정운영 여부 등', guidance: '급여 지급(4대 보험, 생활임금), 퇴직연금, 연차휴가, 법정의무교육' },
          ],
        },
        {
          code: 'GEN-I1',
          title: '개별지표(1): 시민(만족도 및 소통)',
          items: [
            {
              code: 'GEN-I1-1',
              title: '이용자 만족도 조사',
              guidance: '이용자 대상 만족도 조사 실시 여부와 규모: 시 권고 기준은 이용자의 10% 이상을 대상으로 조사',
              criterion: {
                label: '만족도 조사 대상 비율(이용자 대비)',
                kind: 'ratio',
                numeratorLabel: '조사 대상자 수',
                denominatorLabel: '이용자 수',
                comparator: 'gte',
                threshold: '10',
                unit: '%',
                decimals: 1,
              },
            },
            { code: 'GEN-I1-2', title: '정보공개 및 의사소통 노력', guidance: '홈페이지, 자문위원회, 감시단 간담회 등을 통한 정보공개와 의견 수렴' },
          ],
        },
        {
          code: 'GEN-I2',
          title: '개별지표(2): 전문기술(안전 및 시설관리)',
          items: [{ code: 'GEN-I2-1', title: '안전 및 시설관리', guidance: '시설의 안전 및 관리 실태 — 시(市) 청사 입주 등으로 수탁기관이 관리하지 않으면 해당없음' }],
        },
      ],
    },
    {
      code: 'PERF',
      title: '운영성과 분야',
      areas: [
        {
          code: 'PERF-1',
          title: '인력 및 자원 투입',
          items: [{ code: 'PERF-1-1', title: '인력운영 및 사업별 예산집행의 적정성, 관련 전문가 활용 정도 등' }],
        },
        {
          code: 'PERF-2',
          title: '사업 추진 과정',
          items: [{ code: 'PERF-2-1', title: '사업계획 이행 및 업무 과정기록, 외부자원 동원 및 홍보 노력 등', guidance: '계약·입찰 절차 준수(물품구매·용역 입찰은 나라장터 공고) 포함' }],
        },
        {
          code: 'PERF-3',
          title: '사업성과 달성 및 활용',
          items: [{ code: 'PERF-3-1', title: '세부사업별 성과 달성 여부, 이용자 만족도 조사 등' }],
        },
      ],
    },
  ],
};

const lines = (...xs: string[]) => xs.join('\n');

export const results2020: ItemResultInput[] = [
  {
    itemCode: 'GEN-C1-1',
    rating: '적정',
    notes: lines(
      '○ 사업 계획에 따라 사업시행 후 위탁금을 집행하고 있으며, 지급에 대한 세금계산서, 입금확인증, 카드매출전표 등 증빙서류는 회계 관련 규정을 준수하여 적정하게 집행함',
      '- 위탁금 전용 통장 및 카드를 사용하여 집행하고 있으며, 지출결의서와 통장 지출내역 및 증빙자료 일치하게 집행',
      '- 회계 책임자를 지정하고 보조금관리시스템을 이용하여 사업비 집행의 투명성과 효율성 확보',
      '- 제로페이를 사용하여 소모품을 구입하는 등 제로페이 활성화를 위해 노력',
    ),
    evidence: ['세금계산서', '입금확인증', '카드매출전표', '지출결의서', '위탁금 전용 통장 출납내역'],
  },
  {
    itemCode: 'GEN-C1-2',
    rating: '적정',
    notes: '- 예산, 결산 공개의 경우 전자상거래센터 홈페이지에 별도로 공개하지는 않고 있으며 서울시 홈페이지 세입세출결산서 공개 자료에 개별단위사업으로 구분되어 공개되고 있음',
    evidence: ['서울시 홈페이지 세입세출결산서'],
  },
  {
    itemCode: 'GEN-C2-1',
    rating: '적정',
    notes: lines(
      '○ 수탁기관 자체 인사규정 등에 의한 직원채용, 복무 등 인사관리와 채용된 직원의 급여관리(4대 보험 납부 등)는 적정하게 처리되고 있음',
      '- 공개경쟁 채용에 의한 직원 채용을 하고 있으며 수탁기관 인사규정에 따라 인사위원회를 구성하여 서류전형 합격자를 대상으로 면접 진행하나, ’20년에는 채용 직원 없음.',
      '- 근무상황부(출장신청, 휴가신청)를 작성하여 사전결재 후 이행',
    ),
    evidence: ['수탁기관 인사규정', '근무상황부'],
  },
  {
    itemCode: 'GEN-C2-2',
    rating: '적정',
    notes: lines(
      '- 지출결의서에 의한 급여지급, 급여명세서와 입금확인증, 통장 출납내역 모두 일치하게 지출하고 있으며 통상임금이 생활임금 이상으로 지급됨.',
      '- 퇴직연금에 가입하여 퇴직금 적립을 하고 있음',
      '- 노동정책담당관 실시 노동환경 컨설팅 지적사항 시정 완료',
      '· 연차 휴가 부적정 부여 → 근로기준법 규정에 맞춰 최근 3년 연차일수 산정하여 미사용 연차수당 지급 완료(’20.12.9.)',
      '· 최저임금 미주지 → 센터 벽면에 고지',
      '· 법정의무교육 미실시 → 5대 법정의무교육(개인정보보호, 장애인 인식개선, 성희롱 예방, 산업안전보건, 퇴직연금) 실시 완료',
    ),
    evidence: ['급여명세서', '퇴직연금 가입 내역', '노동환경 컨설팅 결과(노동정책담당관)'],
  },
  {
    itemCode: 'GEN-I1-1',
    // no rating given: the system judges the criterion from the figure and rates the item 일부 미흡
    figures: { value: '8' },
    notes: lines(
      '○ ’19년 미실시 했던 이용자 대상 만족도 조사 실시함.',
      '- 만족도 조사 대상이 시 권고 기준인 이용자의 10% 이상은 아니나, 이용자의 8% 정도를 대상으로 조사하여 대상자 중 2.7%가 응답',
      '- 이용만족도 조사결과 평균 86.01점이었음',
    ),
    evidence: ['2020년 이용자 만족도 조사 결과'],
  },
  {
    itemCode: 'GEN-I1-2',
    rating: '적정',
    notes: lines(
      '○ 한편 홈페이지, 자문위원회 등을 운영하면서 정보공개와 의사소통 적절하게 이루어짐',
      '- 홈페이지를 통해 이용자의 불편사항 및 건의사항을 수렴하여 개선하고 있음',
      '- 전자상거래 감시단을 운영하면서 연 2회의 간담회 실시하고, 감시단이 의견을 제시할 수 있는 게시판을 운영',
      '※ ’20년에는 코로나19로 인해 화상회의 솔루션을 통해 영상 간담회 실시',
    ),
  },
  {
    itemCode: 'GEN-I2-1',
    rating: '해당없음',
    notes: '해당사항 없음 ※ 사무실이 서소문청사(14층)에 입주해 있어 市(총무과)에서 시설 및 안전 관리 총괄',
  },
  {
    itemCode: 'PERF-1-1',
    rating: '일부 미흡',
    notes: lines(
      '○ 업무 관련 전공자 채용, 관련 전문가로 구성된 자문위원회 운영',
      '- 소비자경제, 경제학, 법학 등 전공자를 직원으로 채용하여 위탁업무 추진',
      '- 법조계, 학계, 업계 등의 전문가를 자문위원으로 위촉하여 사업에 대한 자문을 받아 개선 및 추진하고 있으나, 코로나19로 인해 개최 미흡(1회 개최)',
      '○ 세부 사업별 예산 내에서 효율적으로 집행',
      '- 프로그램 이용을 통한 모니터링 대상 필터링 후 모니터링 진행하면서 기존 모니터링 된 업소상태에 따라 모니터링 횟수 차별화(영업중 업체 연2회, 그 외 연1회)하여 사업비 절감',
    ),
  },
  {
    itemCode: 'PERF-2-1',
    rating: '일부 미흡',
    notes: lines(
      '○ 사업계획 및 내용에 맞춰 성실히 이행하고 있으나, 일부 사업 추진에 있어 절차 준수 미흡',
      '- 위탁사무 대부분 사업계획 내용대로 추진하고 있으며, 직원별 업무일지 작성',
      '- 나라장터를 통해 입찰공고하여야 하나, 홈페이지 리뉴얼 공고를 센터 홈페이지에만 함',
      '○ 유관기관과의 협업 및 체계적인 외부 인적 자원 활용',
      '- 호스팅업체, 포털, 경찰청, 공정위 등과 사기사이트, 소비자피해유발업체에 대한 정보공유를 통해 소비자피해 확산 방지',
      '- 전자상거래 소비자분쟁 조정기관(한국소비자원, 한국인터넷진흥원, 한국콘텐츠진흥원)과 주기적으로 정보공유 및 업무 협의',
      '- 체계화된 평가 및 모집 절차를 통해 선발된 전자상거래업체 모니터 감시단 운영하고 있으나, ’20년의 경우 코로나19로 인해 결원 충원을 위한 모집 연기 후 기존 인원으로 운영',
      '○ 소비자상담 동향 파악, 실태조사에 대한 보도자료 제공 등으로 소비자피해 확산방지를 위해 노력',
      '- 마스크 사기피해 주의, SNS마켓 이용 소비자피해 주의, 가전제품 사기피해 등',
    ),
    evidence: ['직원별 업무일지', '홈페이지 리뉴얼 입찰공고(센터 홈페이지)'],
  },
  {
    itemCode: 'PERF-3-1',
    rating: '적정',
    notes: lines(
      '○ 추진된 대부분 사업이 사업일정에 맞춰 목표를 달성하였음',
      '○ 피드백을 위한 만족도 조사 진행했으며, 홈페이지를 통해서도 이용자 만족 여부 간접적으로 확인 가능',
      '- 피해구제를 받은 상담자들이 전자상거래센터 홈페이지 열린게시판에 감사 글 등록',
      '○ 격주 회의를 통해 직원 간 업무 내용 공유 및 개선',
    ),
  },
];

export const findings2020: FindingInput[] = [
  {
    kind: 'caution',
    itemCode: 'PERF-2-1',
    title: '홈페이지 리뉴얼 입찰공고를 나라장터가 아닌 센터 홈페이지에만 게시(절차 준수 미흡)',
    detail: '나라장터를 통해 입찰공고하여야 하나, 홈페이지 리뉴얼 공고를 센터 홈페이지에만 함',
    requiredAction: '물품구매, 용역을 입찰에 부치려는 경우 나라장터 이용',
    dueDate: '2021-06-30',
  },
  {
    kind: 'recommendation',
    itemCode: 'PERF-1-1',
    title: '코로나19로 인한 자문위원회 개최 미흡(1회 개최)',
    detail: '법조계, 학계, 업계 등의 전문가를 자문위원으로 위촉하여 자문을 받고 있으나, 코로나19로 인해 개최 미흡(1회 개최)',
    requiredAction: '코로나19가 지속될 경우 영상 자문회의 개최하여 센터 운영 활성화',
    dueDate: '2021-06-30',
  },
];

export const inspection2020: Omit<NewInspectionInput, 'consignmentId'> & { submittedOn: string; approvedOn: string; author: string; approver: string } = {
  consignmentCode: 'EC-C01',
  templateCode: CHECKLIST_TEMPLATE_CODE,
  fiscalYear: 2020,
  round: 1,
  title: "2020년 '서울시 전자상거래센터 운영' 민간위탁 지도·점검 결과보고",
  plannedDate: '2020-12-17',
  actualDate: '2020-12-30',
  postponementReason: '사무실 입주건물에서 코로나19 확진자 발생, 건물 폐쇄로 연기',
  inspectors: '소비자보호팀 2인(담당자 외 1인)',
  periodFrom: '2020-01-01',
  periodTo: '2020-12-30',
  periodNote: '’20. 1. 1 ~ ’20. 12월 현재',
  method: '지도·점검 체크리스트에 의거 일반운영 및 운영성과 점검',
  documentNumber: '공정경제담당관-793',
  disclosure: 'partial',
  disclosureNote: '5 7',
  summary: '「서울시전자상거래센터 운영」 민간위탁사무의 운영실태에 대한 지도·점검을 실시하고 그 결과를 보고 드림',
  improvements:
    '가벽으로 분리 된 옆 사무실(전기차 충전구역 점검·관리반 임시 사무실) 전화 통화음이 심하게 들려 업무에 지장을 주는 경우가 있다고 함에 총무과에 전달하여 개선될 수 있도록 하겠다고 함.',
  actionsTaken: lines(
    '미흡한 부분에 대해 재발하지 않도록 주의 사항 전달',
    '- 물품구매, 용역을 입찰에 부치려는 경우 나라장터 이용',
    '- 코로나19가 지속될 경우 영상 자문회의 개최하여 센터 운영 활성화 등',
  ),
  results: results2020,
  findings: findings2020,
  submittedOn: '2021-01-14',
  approvedOn: '2021-01-14',
  author: '최은희',
  approver: '박주선',
};
