import { DomainError } from '../../../domain/errors';
import { httpStatusOf } from '../../http/error-status';
import { formatInteger } from '../../../domain/money';

/** "12,000,000" or "12000000" (what people type) → integer won; anything else is a field error. */
export function parseWon(text: string, field: string): number | string {
  const cleaned = text.replace(/[,\s원]/g, '');
  if (!/^\d{1,16}$/.test(cleaned)) {
    throw new DomainError('malformed', 'validation_failed', 'Invalid amount', '입력값이 올바르지 않습니다', [
      {
        field,
        rule: 'isWon',
        message: `${field} must be a whole number of won`,
        message_ko: '금액은 원 단위 숫자로 입력하십시오 (예: 12,000,000)',
        value: text,
      },
    ]);
  }
  return Number(cleaned);
}

const FIGURE_LABEL: Record<string, string> = {
  currentBudget: '예산현액',
  executed: '집행액',
  carriedOut: '차년이월',
  requested: '요청 금액',
  available: '집행 가능액',
  current: '현재 누계',
  computed: '계산 결과',
  stated: '입력 금액',
  sum: '합계',
  expected: '기대값',
  planTotal: '연간 교부계획',
  planToDate: '분기까지 계획 누계',
  granted: '기교부액',
  quarter: '분기',
  planVersion: '교부계획 버전',
  excess: '초과액',
  categoriesTotal: '비목 합계',
  spent: '집행액',
  interest: '이자',
  unrated: '평정하지 않은 항목',
  latestEffectiveFrom: '최근 버전 시행일',
  latestEffectiveTo: '최근 버전 종료일',
  requestedEffectiveFrom: '입력한 시행일',
  // h-flows (issue 17): grant requests and attachments
  committed: '결정 후 미교부액',
  lineBalance: '집행잔액',
  paid: '교부액',
  decided: '결정 후 미교부액',
  pending: '결정 대기 신청액',
  total: '신청 포함 누계',
  size: '파일 크기',
  maxSize: '최대 크기',
};

/** How a figure that is not an amount of won is printed: a count, a year, a quarter, a version. */
const FIGURE_UNIT: Record<string, string> = {
  unrated: '개',
  quarter: '분기',
  planVersion: '판',
};

/**
 * A refusal as the form shows it: each field's messages (once each, beside the field), the summary's
 * list (each message once, with the field it links to), and the figures with Korean labels. A figure
 * without a Korean label is left out rather than shown by its key.
 */
export function problemView(err: DomainError) {
  const byField: Record<string, { rule: string; message: string }[]> = {};
  const list: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const e of err.errors) {
    const mine = (byField[e.field] ??= []);
    if (!mine.some((m) => m.message === e.message_ko)) mine.push({ rule: e.rule, message: e.message_ko });
    if (!seen.has(e.message_ko)) {
      seen.add(e.message_ko);
      list.push({ field: e.field, message: e.message_ko });
    }
  }
  const figures = Object.entries(err.figures ?? {})
    .filter(([k, v]) => (typeof v === 'number' || typeof v === 'string') && FIGURE_LABEL[k] !== undefined)
    .map(([k, v]) => ({
      key: k,
      // the grant plan's room is 교부 가능액, as its message says; the budget's room is 집행 가능액
      label: k === 'available' && err.code === 'exceeds_grant_plan' ? '교부 가능액' : FIGURE_LABEL[k],
      text:
        typeof v === 'number' && FIGURE_UNIT[k]
          ? `${v}${FIGURE_UNIT[k]}`
          : typeof v === 'number' && !/year|version/i.test(k)
            ? `${formatInteger(v)}원`
            : String(v),
    }));
  const showTitle = !seen.has(err.titleKo);
  return { title: err.titleKo, showTitle, code: err.code, byField, list, figures, fields: Object.keys(byField) };
}

export type ProblemView = ReturnType<typeof problemView>;

/**
 * A form's action, the same on every page: when `run` succeeds the browser is sent (303) to the
 * address it returns; a refusal the user can mend (a DomainError other than 403 or 404) shows the
 * form `again` with the problem beside its fields. Forbidden, not found and faults go on to the
 * error page.
 */
export async function formAction(
  call: { res: { redirect(status: number, url: string): void } },
  run: () => Promise<string>,
  again: (problem: ProblemView, status: number) => Promise<void>,
): Promise<void> {
  let url: string;
  try {
    url = await run();
  } catch (err) {
    if (!(err instanceof DomainError) || err.kind === 'forbidden' || err.kind === 'not_found') throw err;
    return again(problemView(err), httpStatusOf(err));
  }
  call.res.redirect(303, url);
}
