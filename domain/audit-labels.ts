/**
 * Korean labels for the audit trail's action and entity codes (`user.update` → `사용자 수정`).
 * One map for the page, its filters and the xlsx export. An unknown code never reaches the screen:
 * an unknown verb on a known entity reads "<대상> 변경", anything else "기타 작업" / "기타 대상".
 */

export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  account: '회계',
  account_year_settlement: '회계 결산',
  api_token: 'API 토큰',
  appropriation: '세출예산',
  budget_transfer: '예산 전용',
  consignment: '위탁',
  consignment_consent: '위탁 동의',
  consignment_operator_entry: '수탁기관 입력',
  consignment_settlement: '위탁 정산',
  consignment_staff: '위탁 담당자',
  contract_term: '협약 기간',
  disbursement: '교부',
  evaluation: '평가',
  evaluation_template: '평가 양식',
  fiscal_year: '회계연도',
  grant_plan: '교부 계획',
  import: '일괄 가져오기',
  inspection: '지도점검',
  inspection_finding: '점검 지적사항',
  inspection_template: '점검 양식',
  ledger_entry: '집행 기록',
  ledger: '집행',
  operator: '수탁기관',
  operator_entry: '수탁기관 입력',
  org_unit: '조직',
  performance_indicator: '성과지표',
  performance_indicator_value: '성과지표 실적',
  program: '사업',
  program_year: '연도별 사업',
  renewal_decision: '재위탁 결정',
  renewal_fact: '재위탁 근거',
  revenue: '세입',
  revenue_entry: '세입 기록',
  revenue_line: '세입 과목',
  rule_version: '규칙 버전',
  settlement: '정산',
  transfer: '예산 전용',
  user: '사용자',
  web: '화면',
};

const VERB_LABELS: Readonly<Record<string, string>> = {
  create: '등록',
  update: '수정',
  delete: '삭제',
  approve: '승인',
  submit: '제출',
  return: '반려',
  revise: '재작성',
  supersede: '대체',
  reverse: '취소(역분개)',
  close: '마감',
  open: '개설',
  open_year: '연도 개설',
  issue: '발급',
  revoke: '폐기',
  request: '신청',
  decide: '결정',
  reject: '반려',
  withdraw: '철회',
  pay: '교부',
  version: '새 판',
  record: '기록',
  review: '검토',
  confirm: '확정',
  correct: '정정',
  reported: '보고',
  action_reported: '조치 보고',
  needs_more: '보완 요구',
  verified: '확인',
  closed: '종결',
  term: '기간 등록',
  staff: '담당자 지정',
  consent: '동의',
  settlement: '결산',
  execution: '집행',
  carry_in: '전년이월',
  add: '추가',
  append: '추가',
  login: '로그인',
  logout: '로그아웃',
  search: '검색',
  dashboard: '대시보드 열람',
};

/** Whole actions whose words read better than entity + verb. */
const ACTION_LABELS: Readonly<Record<string, string>> = {
  import: '일괄 가져오기',
  'import.update': '일괄 가져오기(변경)',
  'import.add': '일괄 가져오기(추가)',
  'import.append': '일괄 가져오기(덧붙임)',
  'import.open_year': '일괄 가져오기(연도 개설)',
  'web.login': '로그인',
  'web.logout': '로그아웃',
  'web.search': '검색',
  'web.dashboard': '대시보드 열람',
  'disbursement.request': '교부 신청',
  'disbursement.decide': '교부 결정',
  'disbursement.reject': '교부 신청 반려',
  'disbursement.withdraw': '교부 신청 철회',
  'disbursement.pay': '교부',
  'disbursement.reverse': '교부 취소(역분개)',
};

export const AUDIT_UNKNOWN_ACTION = '기타 작업';
export const AUDIT_UNKNOWN_ENTITY = '기타 대상';

/** The Korean name of an audited entity (`inspection_finding` → `점검 지적사항`). */
export function auditEntityLabel(code: string | null | undefined): string {
  return (code && AUDIT_ENTITY_LABELS[code]) || AUDIT_UNKNOWN_ENTITY;
}

/** The Korean name of an audited action (`user.update` → `사용자 수정`), never the raw code. */
export function auditActionLabel(code: string | null | undefined): string {
  if (!code) return AUDIT_UNKNOWN_ACTION;
  const whole = ACTION_LABELS[code];
  if (whole) return whole;
  const dot = code.indexOf('.');
  const entity = dot < 0 ? code : code.slice(0, dot);
  const verb = dot < 0 ? '' : code.slice(dot + 1);
  const entityLabel = AUDIT_ENTITY_LABELS[entity];
  if (!entityLabel) return AUDIT_UNKNOWN_ACTION;
  return `${entityLabel} ${VERB_LABELS[verb] ?? '변경'}`;
}
