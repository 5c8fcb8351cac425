/**
 * Money and rates: the one place where amounts become printed figures.
 *
 * Amounts are integer won (JS numbers kept inside Number.MAX_SAFE_INTEGER, checked on the way in).
 * Rates are computed from the won amounts with BigInt arithmetic and rounded half away from zero,
 * which is how the Seoul documents print them (96.7145… → 96.7, −3.4510… → △3.45).
 */

import { DomainError } from './errors';
import { fieldLabelKo } from './field-labels';

export const MAX_AMOUNT = 10 ** 15; // 1,000조원: far above any city budget, still exact in a double

export type Unit = 'won' | 'thousand' | 'million' | 'hundred-million';

export const UNIT_DIVISOR: Record<Unit, bigint> = {
  won: 1n,
  thousand: 1_000n,
  million: 1_000_000n,
  'hundred-million': 100_000_000n,
};

export const UNIT_LABEL_KO: Record<Unit, string> = {
  won: '원',
  thousand: '천원',
  million: '백만원',
  'hundred-million': '억원',
};

export function assertWon(value: unknown, field = 'amount'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || Math.abs(value) > MAX_AMOUNT) {
    throw new RangeError(`${field} must be an integer number of won within ±10^15`);
  }
  return value;
}

function sumOutOfRange(field: string, limit: bigint, sum: bigint): DomainError {
  const limitText = limit === BigInt(MAX_AMOUNT) ? '10^15' : String(limit);
  return new DomainError(
    'invalid',
    'sum_out_of_range',
    `${field} add up to more than ${limitText} won`,
    `${fieldLabelKo(field)}의 합계가 ${limitText}원을 넘습니다`,
    [
      {
        field,
        rule: 'sumWithinRange',
        message: `${field} must add up to at most ${limitText} won`,
        message_ko: `${fieldLabelKo(field)}의 합계는 ${limitText}원 이하여야 합니다`,
      },
    ],
    { sum: sum.toString(), limit: limitText },
  );
}

function checkedSum(values: Iterable<number>, limit: bigint, field: string): number {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  if (total > limit || total < -limit) throw sumOutOfRange(field, limit, total);
  return Number(total);
}

/**
 * Sum of integer won amounts, added exactly; a sum that would leave the exact integer range is
 * refused (a DomainError naming `field`), never computed inexactly.
 */
export function sumWon(values: Iterable<number>, field = 'amount'): number {
  return checkedSum(values, BigInt(Number.MAX_SAFE_INTEGER), field);
}

/** The sum of amounts a request brings (plan quarters, categories, basis lines): at most 10^15 won, checked before it is used. */
export function sumOfInput(values: Iterable<number>, field: string): number {
  return checkedSum(values, BigInt(MAX_AMOUNT), field);
}

/** Integer division rounded half away from zero. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/** Won → the report unit, rounded half away from zero (e.g. 47,025,374,000 won → 47,025,374 천원). */
export function toUnit(won: number, unit: Unit): number {
  return Number(divRound(BigInt(won), UNIT_DIVISOR[unit]));
}

/**
 * A rate as a scaled integer: ratio(numerator, denominator, decimals) = round(n / d × 100, decimals) × 10^decimals.
 * Returned as a Decimal so callers never touch floating point for the rounding step.
 */
export interface Decimal {
  /** value × 10^scale, exact */
  scaled: bigint;
  scale: number;
}

export function percent(numerator: number, denominator: number, decimals: number): Decimal | null {
  if (denominator === 0) return null;
  const factor = 10n ** BigInt(decimals);
  return { scaled: divRound(BigInt(numerator) * 100n * factor, BigInt(denominator)), scale: decimals };
}

/** Two decimals brought to the same scale, so their scaled integers compare and add exactly. */
export function alignDecimals(a: Decimal, b: Decimal): [bigint, bigint] {
  const scale = Math.max(a.scale, b.scale);
  return [a.scaled * 10n ** BigInt(scale - a.scale), b.scaled * 10n ** BigInt(scale - b.scale)];
}

/** −1, 0 or 1, exactly. */
export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = alignDecimals(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A decimal as plain text with a minus sign and no grouping ("-1.50"), for storage and APIs. */
export function plainDecimal(d: Decimal): string {
  const negative = d.scaled < 0n;
  const abs = (negative ? -d.scaled : d.scaled).toString().padStart(d.scale + 1, '0');
  const intPart = abs.slice(0, abs.length - d.scale);
  return `${negative ? '-' : ''}${intPart}${d.scale > 0 ? `.${abs.slice(abs.length - d.scale)}` : ''}`;
}

export function decimalToNumber(d: Decimal): number {
  return Number(d.scaled) / 10 ** d.scale;
}

/** Plain digits with thousands separators, no sign handling. */
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export interface NumberStyle {
  /** what a zero prints as: seed 003's budget table prints "-", seed 000's settlement prints "0" */
  zero?: '-' | '0';
}

/** 1234567 → "1,234,567"; −24802 → "△24,802". */
export function formatInteger(value: number, style: NumberStyle = {}): string {
  if (value === 0) return style.zero ?? '0';
  const digits = groupDigits(Math.abs(value).toString());
  return value < 0 ? `△${digits}` : digits;
}

export function formatAmount(won: number, unit: Unit, style: NumberStyle = {}): string {
  return formatInteger(toUnit(won, unit), style);
}

export function formatDecimal(d: Decimal, style: NumberStyle = {}): string {
  if (d.scaled === 0n) return style.zero ?? (d.scale > 0 ? `0.${'0'.repeat(d.scale)}` : '0');
  const negative = d.scaled < 0n;
  const abs = (negative ? -d.scaled : d.scaled).toString().padStart(d.scale + 1, '0');
  const intPart = abs.slice(0, abs.length - d.scale) || '0';
  const frac = d.scale > 0 ? `.${abs.slice(abs.length - d.scale)}` : '';
  return `${negative ? '△' : ''}${groupDigits(intPart)}${frac}`;
}

/** A computed rate with the text a report prints for it. */
export interface Rate {
  value: number | null;
  text: string;
}

/** 집행률 = 집행액 / 예산현액 × 100 (domain.md §3), one decimal by default. */
export function executionRate(executed: number, currentBudget: number, decimals = 1): Rate {
  const d = percent(executed, currentBudget, decimals);
  if (!d) return { value: null, text: '-' };
  return { value: decimalToNumber(d), text: formatDecimal(d) };
}

/**
 * 증감률 = (B − A) / A × 100. A new item (A = 0, B ≠ 0) prints "100" (or "순증" when asked);
 * an item that disappears prints "△100"; no change prints "-" (seed 003's 2019 budget table).
 */
export function changeRate(previous: number, current: number, decimals = 2, options: { newItem?: '100' | '순증' } = {}): Rate {
  const diff = current - previous;
  if (diff === 0) return { value: 0, text: '-' };
  if (previous === 0) return { value: null, text: options.newItem ?? '100' };
  if (current === 0 && previous > 0) return { value: -100, text: '△100' };
  const d = percent(diff, previous, decimals)!;
  return { value: decimalToNumber(d), text: formatDecimal(d) };
}

/**
 * 달성도 = 실적치 / 목표치 × 100, two decimals (80.8 / 87.8 → 92.03). For an indicator where lower
 * is better, achievement = 목표치 / 실적치 × 100. Targets and actuals may carry decimals, so they are
 * passed as decimal strings and compared exactly.
 */
export function achievementRate(target: string, actual: string, lowerIsBetter = false, decimals = 2): Rate {
  const [tn, an] = alignDecimals(parseDecimal(target), parseDecimal(actual));
  const [num, den] = lowerIsBetter ? [tn, an] : [an, tn];
  if (den === 0n) return { value: null, text: '-' };
  const factor = 10n ** BigInt(decimals);
  const d: Decimal = { scaled: divRound(num * 100n * factor, den), scale: decimals };
  return { value: decimalToNumber(d), text: formatDecimal(d) };
}

/** "87.8" → {scaled: 878n, scale: 1}; accepts thousands separators and a leading minus. */
export function parseDecimal(text: string): Decimal {
  const clean = text.replace(/,/g, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(clean)) throw new RangeError(`not a decimal number: ${text}`);
  const [intPart, frac = ''] = clean.replace('-', '').split('.');
  const scaled = BigInt(intPart + frac) * (clean.startsWith('-') ? -1n : 1n);
  return { scaled, scale: frac.length };
}

/**
 * unit amount × quantity × multiplier for a calculation-basis line (산출근거), exact.
 * "12,500,000 × 1.1 = 13,750,000"; a result that is not a whole won is rounded half away from zero.
 */
export function basisLineResult(unitAmount: number, quantity: string, multiplier: string): number {
  const q = parseDecimal(quantity);
  const m = parseDecimal(multiplier);
  const num = BigInt(unitAmount) * q.scaled * m.scaled;
  const den = 10n ** BigInt(q.scale + m.scale);
  return Number(divRound(num, den));
}
