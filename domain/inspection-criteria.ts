/**
 * Measurable criteria of inspection checklist items (domain.md §7): "the satisfaction survey should
 * reach ≥ 10% of users". The inspector enters the figures; the judgement is exact (no floating point):
 * a ratio n / d × 100 is compared with the threshold as n × 100 × 10^s against t × d.
 */
import { compareDecimals, Decimal, divRound, formatDecimal, parseDecimal } from './money';

export type Comparator = 'gte' | 'gt' | 'lte' | 'lt';

export interface Criterion {
  label: string;
  kind: 'ratio' | 'value';
  numeratorLabel?: string;
  denominatorLabel?: string;
  comparator: Comparator;
  threshold: string;
  unit?: string;
  decimals?: number;
}

/** Figures as decimal text: a ratio takes numerator + denominator, or the percentage as `value`. */
export interface CriterionFigures {
  numerator?: string;
  denominator?: string;
  value?: string;
}

export interface CriterionJudgement {
  /** the judged value, rounded to the criterion's decimals, as decimal text ("8.0") */
  value: string;
  met: boolean;
  /** 충족 / 미흡 */
  verdictKo: '충족' | '미흡';
  /** e.g. "만족도 조사 대상 비율: 8.0% (기준 10% 이상) → 미흡" */
  text: string;
}

export const COMPARATOR_KO: Record<Comparator, string> = { gte: '이상', gt: '초과', lte: '이하', lt: '미만' };
export const COMPARATOR_SIGN: Record<Comparator, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<' };

function compare(n: bigint, m: bigint): number {
  return n === m ? 0 : n < m ? -1 : 1;
}

function satisfies(cmp: number, comparator: Comparator): boolean {
  switch (comparator) {
    case 'gte':
      return cmp >= 0;
    case 'gt':
      return cmp > 0;
    case 'lte':
      return cmp <= 0;
    case 'lt':
      return cmp < 0;
  }
}

export class CriterionFigureError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly messageKo: string,
  ) {
    super(message);
  }
}

function parse(text: string | undefined, field: string): Decimal {
  if (text === undefined || text === '')
    throw new CriterionFigureError(field, `${field} is required for this criterion`, `${field} 값을 입력하십시오`);
  try {
    const d = parseDecimal(text);
    if (d.scaled < 0n) throw new RangeError('negative');
    return d;
  } catch {
    throw new CriterionFigureError(field, `${field} must be a non-negative decimal number`, `${field} 값은 0 이상의 숫자여야 합니다`);
  }
}

/** Judges a criterion from the entered figures. Throws CriterionFigureError naming a missing or bad figure. */
export function judgeCriterion(c: Criterion, figures: CriterionFigures): CriterionJudgement {
  const decimals = c.decimals ?? 1;
  const threshold = parseDecimal(c.threshold);
  let cmp: number;
  let printed: Decimal;
  if (c.kind === 'ratio' && figures.value === undefined) {
    const n = parse(figures.numerator, 'numerator');
    const d = parse(figures.denominator, 'denominator');
    if (d.scaled === 0n) throw new CriterionFigureError('denominator', 'denominator must not be zero', '분모는 0일 수 없습니다');
    // n/d × 100 against t  ⇔  n × 100 × 10^(sd) × 10^(st) … compare n·100·t.den·d.den against t·d scaled alike
    const lhs = n.scaled * 100n * 10n ** BigInt(d.scale + threshold.scale);
    const rhs = threshold.scaled * d.scaled * 10n ** BigInt(n.scale);
    cmp = compare(lhs, rhs);
    const factor = 10n ** BigInt(decimals);
    printed = { scaled: divRound(n.scaled * 100n * factor * 10n ** BigInt(d.scale), d.scaled * 10n ** BigInt(n.scale)), scale: decimals };
  } else {
    const v = parse(figures.value, 'value');
    cmp = compareDecimals(v, threshold);
    const shift = decimals - v.scale;
    printed =
      shift >= 0
        ? { scaled: v.scaled * 10n ** BigInt(shift), scale: decimals }
        : { scaled: divRound(v.scaled, 10n ** BigInt(-shift)), scale: decimals };
  }
  const met = satisfies(cmp, c.comparator);
  const unit = c.unit ?? '';
  const value = formatDecimal(printed, { zero: '0' }).replace(/,/g, '');
  const verdictKo = met ? '충족' : '미흡';
  return {
    value: printed.scaled === 0n ? (decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0') : value,
    met,
    verdictKo,
    text: `${c.label}: ${formatDecimal(printed, { zero: '0' })}${unit} (기준 ${c.threshold}${unit} ${COMPARATOR_KO[c.comparator]}) → ${verdictKo}`,
  };
}

export function validateCriterion(c: unknown): string | null {
  if (!c || typeof c !== 'object') return 'criterion must be an object';
  const x = c as Partial<Criterion>;
  if (!x.label || typeof x.label !== 'string') return 'criterion.label is required';
  if (x.kind !== 'ratio' && x.kind !== 'value') return 'criterion.kind must be ratio or value';
  if (!x.comparator || !(x.comparator in COMPARATOR_KO)) return 'criterion.comparator must be gte, gt, lte or lt';
  if (typeof x.threshold !== 'string') return 'criterion.threshold must be decimal text';
  try {
    parseDecimal(x.threshold);
  } catch {
    return 'criterion.threshold must be decimal text';
  }
  if (x.decimals !== undefined && (!Number.isInteger(x.decimals) || x.decimals < 0 || x.decimals > 4))
    return 'criterion.decimals must be 0–4';
  return null;
}
