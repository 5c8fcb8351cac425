/**
 * How a cell of the onboarding workbook (or a field of its JSON and CSV forms) becomes a value: the
 * rules are pure and shared by every reader. An amount is integer won written `1234`, `1,234` (correct
 * thousands grouping only) or `1,234원`, or a numeric cell holding an integer; "10,50" and "1,0,0" are
 * refused rather than guessed. A date is a date cell or `YYYY-MM-DD` (a real calendar day).
 */
import { MAX_AMOUNT } from './money';

export interface CellRule {
  rule: string;
  message: string;
  message_ko: string;
}

export type Parsed<T> = { value: T } | { problem: CellRule };

const GROUPED = /^\d{1,3}(,\d{3})+$/;
const PLAIN = /^\d+$/;

const notAmount: CellRule = {
  rule: 'wonFormat',
  message: 'an amount is whole won written 1234, 1,234 or 1,234원',
  message_ko: '금액은 원 단위 정수로 1234, 1,234 또는 1,234원처럼 적어야 합니다',
};

/**
 * An amount of integer won. `signed` admits a leading '-' or '△' (a 교부차액 may be negative);
 * `positive` refuses zero.
 */
export function parseWon(input: unknown, options: { signed?: boolean; positive?: boolean } = {}): Parsed<number> {
  let value: number;
  if (typeof input === 'number') {
    if (!Number.isInteger(input))
      return { problem: { ...notAmount, rule: 'integerWon', message: 'must be whole won', message_ko: '원 단위 정수여야 합니다' } };
    value = input;
  } else if (typeof input === 'string') {
    let text = input.trim();
    let sign = 1;
    if (options.signed && /^[-△]/.test(text)) {
      sign = -1;
      text = text.slice(1).trim();
    }
    if (text.endsWith('원')) text = text.slice(0, -1).trim();
    if (!PLAIN.test(text) && !GROUPED.test(text)) return { problem: notAmount };
    if (PLAIN.test(text) && text.length > 1 && text.startsWith('0')) return { problem: notAmount };
    value = sign * Number(text.replace(/,/g, ''));
  } else {
    return { problem: notAmount };
  }
  if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_AMOUNT) {
    return { problem: { rule: 'wonRange', message: 'must be within ±10^15 won', message_ko: '±10^15원 이내여야 합니다' } };
  }
  if (value < 0 && !options.signed) {
    return { problem: { rule: 'notNegative', message: 'must not be negative', message_ko: '음수일 수 없습니다' } };
  }
  if (value === 0 && options.positive) {
    return { problem: { rule: 'positive', message: 'must be more than zero', message_ko: '0보다 커야 합니다' } };
  }
  return { value: value === 0 ? 0 : value };
}

const notDate: CellRule = {
  rule: 'calendarDate',
  message: 'a date is a date cell or YYYY-MM-DD',
  message_ko: '날짜는 날짜 셀이나 YYYY-MM-DD 형식이어야 합니다',
};

/** A calendar date as 'YYYY-MM-DD', from a date cell (a Date at UTC midnight) or text. */
export function parseDate(input: unknown): Parsed<string> {
  let text: string;
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { problem: notDate };
    text = input.toISOString().slice(0, 10);
  } else if (typeof input === 'string') text = input.trim();
  else return { problem: notDate };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return { problem: notDate };
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== text) return { problem: notDate };
  return { value: text };
}

/** A fiscal year: four digits, 2000–2100. */
export function parseYear(input: unknown): Parsed<number> {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= 2000 && year <= 2100)) {
    return {
      problem: {
        rule: 'fiscalYear',
        message: 'a fiscal year is four digits, 2000–2100',
        message_ko: '회계연도는 2000~2100 사이의 네 자리 숫자여야 합니다',
      },
    };
  }
  return { value: year };
}

/** A small whole number (an order). */
export function parseOrder(input: unknown): Parsed<number> {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  if (!/^\d{1,6}$/.test(text))
    return { problem: { rule: 'wholeNumber', message: 'must be a whole number', message_ko: '0 이상의 정수여야 합니다' } };
  return { value: Number(text) };
}

/** One of the Korean labels a column accepts, mapped to its code value. */
export function parseChoice<T extends string>(input: unknown, choices: Record<string, T>): Parsed<T> {
  const text = typeof input === 'string' ? input.trim() : typeof input === 'number' ? String(input) : '';
  if (Object.prototype.hasOwnProperty.call(choices, text)) return { value: choices[text] };
  const labels = Object.keys(choices).join(', ');
  return { problem: { rule: 'oneOf', message: `must be one of: ${labels}`, message_ko: `다음 중 하나여야 합니다: ${labels}` } };
}

/** The idempotency key of a ledger fact: its sheet, its fields and how many identical rows came before it in the file. */
export function factKeyText(sheet: string, fields: (string | number | null)[], occurrence: number): string {
  return JSON.stringify([sheet, ...fields, occurrence]);
}

/**
 * The program hierarchy of the onboarding workbook: 정책사업 › 단위사업 › 세부사업. A 단위사업 sits under a
 * 정책사업 (when it names one), a 세부사업 always under a 단위사업, a 기본경비 under a 정책사업 if any; a
 * 정책사업 is the top.
 */
export const PROGRAM_PARENT: Record<'policy' | 'unit' | 'detail' | 'basic', { kind: 'policy' | 'unit' | null; required: boolean }> = {
  policy: { kind: null, required: false },
  unit: { kind: 'policy', required: false },
  detail: { kind: 'unit', required: true },
  basic: { kind: 'policy', required: false },
};
