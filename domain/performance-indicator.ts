/**
 * Performance indicators (성과지표) of a consignment: a target and an actual per period, and the
 * achievement (달성도) computed from them. Pure rules for recording a value.
 */
import { conflict, invalid } from './errors';
import { achievementRate, parseDecimal, Rate } from './money';
import { fieldTopicKo } from './field-labels';

/** A target or actual is decimal text ("87.8", "1,234"); anything else is refused naming the field. */
export function assertDecimalText(text: string, field: string): void {
  try {
    parseDecimal(text);
  } catch {
    throw invalid(field, 'decimalText', `${field} must be a decimal number`, `${fieldTopicKo(field)} 숫자여야 합니다`);
  }
}

/** The column heading of a period: "2022년" for a whole year, "’24.6월" for part of one. */
export function defaultPeriodLabel(year: number, periodEnd: string): string {
  if (periodEnd === `${year}-12-31`) return `${year}년`;
  return `’${String(year).slice(2)}.${Number(periodEnd.slice(5, 7))}월`;
}

export interface ValuePeriod {
  /** last day the figures cover */
  periodEnd: string;
  /** true when the figures cover part of the year only */
  partial: boolean;
  periodLabel: string;
}

/** The period a value covers: 31 Dec unless an earlier day of the same year is given. */
export function valuePeriod(year: number, periodEnd?: string, periodLabel?: string): ValuePeriod {
  const end = periodEnd ?? `${year}-12-31`;
  if (!end.startsWith(`${year}-`)) {
    throw invalid('periodEnd', 'withinYear', `periodEnd ${end} is outside ${year}`, `실적 기준일(${end})이 ${year}년 밖입니다`);
  }
  return { periodEnd: end, partial: end !== `${year}-12-31`, periodLabel: periodLabel ?? defaultPeriodLabel(year, end) };
}

/** A value's figures are decimal text (the actual may be missing). */
export function assertValueFigures(input: { target: string; actual?: string | null }): void {
  assertDecimalText(input.target, 'target');
  if (input.actual !== undefined && input.actual !== null) assertDecimalText(input.actual, 'actual');
}

/**
 * One current value per period: a new value for a period that has one is refused (value_exists),
 * and a correction must name a current value of the indicator (not_current_value).
 */
export function assertValueMayBeRecorded(
  indicatorId: number,
  current: { id: number; periodEnd: string }[],
  periodEnd: string,
  supersedesId: number | null | undefined,
): void {
  const samePeriod = current.find((v) => v.periodEnd === periodEnd);
  if (supersedesId) {
    if (!current.some((v) => v.id === supersedesId))
      throw conflict(
        'not_current_value',
        `Value ${supersedesId} is not a current value of this indicator`,
        `정정할 값(${supersedesId})이 이 지표의 현재 값이 아닙니다`,
        'supersedesId',
      );
  } else if (samePeriod) {
    throw conflict(
      'value_exists',
      `Indicator ${indicatorId} already has a value for ${periodEnd}; send supersedesId to correct it`,
      `이 지표의 ${periodEnd} 기준 값이 이미 있습니다 — 정정하려면 supersedesId를 지정하십시오`,
      'periodEnd',
      { existingId: samePeriod.id },
    );
  }
}

/** Values not superseded by a correction among the values of the same indicators. */
export function currentValues<T extends { id: number; supersedesId: number | null }>(all: T[]): T[] {
  const superseded = new Set(all.map((v) => v.supersedesId).filter((x): x is number => x !== null));
  return all.filter((v) => !superseded.has(v.id));
}

/** 달성도 = 실적치 / 목표치 × 100 (목표치 / 실적치 when lower is better), two decimals; "-" without an actual. */
export function achievementOf(target: string, actual: string | null, lowerIsBetter: boolean): Rate {
  return actual === null ? { value: null, text: '-' } : achievementRate(target, actual, lowerIsBetter);
}
