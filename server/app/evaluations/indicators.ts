import { DataSource, EntityManager, In } from 'typeorm';
import { ActivityFigure, PerformanceIndicator, PerformanceIndicatorValue } from '../../../entities/performance-indicator';
import { conflict, invalid, notFound } from '../../../domain/errors';
import { achievementRate, parseDecimal } from '../../../domain/money';
import { RequestContext } from '../../context';
import { lockRow, within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { assertConsignmentAccess } from './evaluations';
import { resolveConsignment, consignmentById } from '../../store/consignments/consignment-ref';

/** Performance indicators (성과지표) of a consignment: target, actual and the computed achievement (달성도). */

export interface IndicatorInput {
  consignment: string;
  strategicGoal: string;
  task: string;
  name: string;
  unit: string;
  lowerIsBetter?: boolean;
  seq?: number;
  note?: string | null;
}

export interface IndicatorValueInput {
  year: number;
  /** last day the figures cover; 31 Dec for a whole year */
  periodEnd?: string;
  periodLabel?: string;
  target: string;
  actual?: string | null;
  /** a correction names the value it replaces */
  supersedesId?: number | null;
  note?: string | null;
}

export interface IndicatorValueView {
  id: number;
  year: number;
  periodEnd: string;
  partial: boolean;
  periodLabel: string;
  target: string;
  actual: string | null;
  /** 달성도 = 실적치 / 목표치 × 100 (목표치 / 실적치 when lower is better), two decimals */
  achievement: { value: number | null; text: string };
  note: string | null;
}

export interface IndicatorView {
  id: number;
  consignmentId: number;
  seq: number;
  strategicGoal: string;
  task: string;
  name: string;
  unit: string;
  lowerIsBetter: boolean;
  note: string | null;
  values: IndicatorValueView[];
}

function assertDecimal(text: string, field: string): void {
  try {
    parseDecimal(text);
  } catch {
    throw invalid(field, 'decimalText', `${field} must be a decimal number`, `${field}은(는) 숫자여야 합니다`);
  }
}

export function defaultPeriodLabel(year: number, periodEnd: string): string {
  if (periodEnd === `${year}-12-31`) return `${year}년`;
  return `’${String(year).slice(2)}.${Number(periodEnd.slice(5, 7))}월`;
}

export async function createIndicator(
  ds: DataSource,
  ctx: RequestContext,
  input: IndicatorInput,
  em?: EntityManager,
): Promise<IndicatorView> {
  return within(ds, em, async (tx) => {
    const consignment = await resolveConsignment(tx, input.consignment);
    await assertConsignmentAccess(tx, ctx, consignment);
    const repo = tx.getRepository(PerformanceIndicator);
    let seq = input.seq;
    if (seq === undefined) {
      const last = await repo.findOne({ where: { consignmentId: consignment.id }, order: { seq: 'DESC' } });
      seq = (last?.seq ?? 0) + 1;
    }
    const indicator = repo.create({
      consignmentId: consignment.id,
      seq,
      strategicGoal: input.strategicGoal,
      task: input.task,
      name: input.name,
      unit: input.unit,
      lowerIsBetter: input.lowerIsBetter ?? false,
      note: input.note ?? null,
      createdAt: new Date(),
    });
    await tx.save(indicator);
    await audit(tx, ctx, {
      action: 'performance_indicator.create',
      entity: 'performance_indicator',
      entityId: indicator.id,
      after: indicator,
    });
    return indicatorView(indicator, []);
  });
}

export async function recordIndicatorValue(
  ds: DataSource,
  ctx: RequestContext,
  indicatorId: number,
  input: IndicatorValueInput,
  em?: EntityManager,
): Promise<IndicatorValueView> {
  return within(ds, em, async (tx) => {
    const indicator = await lockRow(tx, PerformanceIndicator, indicatorId);
    if (!indicator) throw notFound(`Performance indicator ${indicatorId}`, `성과지표 ${indicatorId}`);
    await assertConsignmentAccess(tx, ctx, await consignmentById(tx, indicator.consignmentId));
    assertDecimal(input.target, 'target');
    if (input.actual !== undefined && input.actual !== null) assertDecimal(input.actual, 'actual');
    const periodEnd = input.periodEnd ?? `${input.year}-12-31`;
    if (!periodEnd.startsWith(`${input.year}-`)) {
      throw invalid(
        'periodEnd',
        'withinYear',
        `periodEnd ${periodEnd} is outside ${input.year}`,
        `실적 기준일(${periodEnd})이 ${input.year}년 밖입니다`,
      );
    }
    const live = await liveValues(tx, [indicator.id]);
    const samePeriod = live.find((v) => v.periodEnd === periodEnd);
    if (input.supersedesId) {
      const old = live.find((v) => v.id === input.supersedesId);
      if (!old)
        throw conflict(
          'not_current_value',
          `Value ${input.supersedesId} is not a current value of this indicator`,
          `정정할 값(${input.supersedesId})이 이 지표의 현재 값이 아닙니다`,
          'supersedesId',
        );
    } else if (samePeriod) {
      throw conflict(
        'value_exists',
        `Indicator ${indicator.id} already has a value for ${periodEnd}; send supersedesId to correct it`,
        `이 지표의 ${periodEnd} 기준 값이 이미 있습니다 — 정정하려면 supersedesId를 지정하십시오`,
        'periodEnd',
        { existingId: samePeriod.id },
      );
    }
    const value = tx.getRepository(PerformanceIndicatorValue).create({
      indicatorId: indicator.id,
      year: input.year,
      periodEnd,
      partial: periodEnd !== `${input.year}-12-31`,
      periodLabel: input.periodLabel ?? defaultPeriodLabel(input.year, periodEnd),
      target: input.target,
      actual: input.actual ?? null,
      supersedesId: input.supersedesId ?? null,
      note: input.note ?? null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await tx.save(value);
    await audit(tx, ctx, {
      action: input.supersedesId ? 'performance_indicator_value.correct' : 'performance_indicator_value.create',
      entity: 'performance_indicator_value',
      entityId: value.id,
      after: value,
    });
    return valueView(value, indicator.lowerIsBetter);
  });
}

/** Values not superseded by a correction. */
async function liveValues(em: EntityManager, indicatorIds: number[]): Promise<PerformanceIndicatorValue[]> {
  if (!indicatorIds.length) return [];
  const all = await em
    .getRepository(PerformanceIndicatorValue)
    .find({ where: { indicatorId: In(indicatorIds) }, order: { periodEnd: 'ASC', id: 'ASC' } });
  const superseded = new Set(all.map((v) => v.supersedesId).filter((x): x is number => x !== null));
  return all.filter((v) => !superseded.has(v.id));
}

export function valueView(v: PerformanceIndicatorValue, lowerIsBetter: boolean): IndicatorValueView {
  return {
    id: v.id,
    year: v.year,
    periodEnd: v.periodEnd,
    partial: Boolean(v.partial),
    periodLabel: v.periodLabel,
    target: v.target,
    actual: v.actual,
    achievement: v.actual === null ? { value: null, text: '-' } : achievementRate(v.target, v.actual, Boolean(lowerIsBetter)),
    note: v.note,
  };
}

function indicatorView(i: PerformanceIndicator, values: PerformanceIndicatorValue[]): IndicatorView {
  return {
    id: i.id,
    consignmentId: i.consignmentId,
    seq: i.seq,
    strategicGoal: i.strategicGoal,
    task: i.task,
    name: i.name,
    unit: i.unit,
    lowerIsBetter: Boolean(i.lowerIsBetter),
    note: i.note,
    values: values.filter((v) => v.indicatorId === i.id).map((v) => valueView(v, Boolean(i.lowerIsBetter))),
  };
}

/** Every indicator of a consignment with its current values (optionally of some years only). */
export async function indicatorsOf(em: EntityManager, consignmentId: number, years?: number[]): Promise<IndicatorView[]> {
  const indicators = await em.getRepository(PerformanceIndicator).find({ where: { consignmentId }, order: { seq: 'ASC', id: 'ASC' } });
  const values = (
    await liveValues(
      em,
      indicators.map((i) => i.id),
    )
  ).filter((v) => !years || years.includes(v.year));
  return indicators.map((i) => indicatorView(i, values));
}

export async function listIndicators(
  em: EntityManager,
  ctx: RequestContext,
  filter: { consignment: string; year?: number },
): Promise<IndicatorView[]> {
  const consignment = await resolveConsignment(em, filter.consignment);
  await assertConsignmentAccess(em, ctx, consignment);
  return indicatorsOf(em, consignment.id, filter.year ? [filter.year] : undefined);
}

export async function getIndicator(em: EntityManager, ctx: RequestContext, id: number): Promise<IndicatorView> {
  const indicator = await em.getRepository(PerformanceIndicator).findOneBy({ id });
  if (!indicator) throw notFound(`Performance indicator ${id}`, `성과지표 ${id}`);
  await assertConsignmentAccess(em, ctx, await consignmentById(em, indicator.consignmentId));
  return indicatorView(indicator, await liveValues(em, [id]));
}

export interface ActivityTable {
  seq: number;
  title: string;
  periods: { label: string; end: string }[];
  rows: {
    seq: number;
    label: string;
    depth: number;
    style: 'total' | 'subtotal' | 'detail';
    unit: string | null;
    values: Record<string, string>;
  }[];
}

/** The activity figures of a consignment grouped into the tables the performance report prints. */
export async function activityTables(em: EntityManager, consignmentId: number): Promise<ActivityTable[]> {
  const rows = await em
    .getRepository(ActivityFigure)
    .find({ where: { consignmentId }, order: { tableSeq: 'ASC', rowSeq: 'ASC', periodEnd: 'ASC' } });
  const tables = new Map<number, ActivityTable>();
  for (const r of rows) {
    let t = tables.get(r.tableSeq);
    if (!t) tables.set(r.tableSeq, (t = { seq: r.tableSeq, title: r.tableTitle, periods: [], rows: [] }));
    if (!t.periods.some((p) => p.label === r.periodLabel)) t.periods.push({ label: r.periodLabel, end: r.periodEnd });
    let row = t.rows.find((x) => x.seq === r.rowSeq);
    if (!row) t.rows.push((row = { seq: r.rowSeq, label: r.rowLabel, depth: r.depth, style: r.rowStyle, unit: r.unit, values: {} }));
    row.values[r.periodLabel] = r.value;
  }
  for (const t of tables.values()) t.periods.sort((a, b) => a.end.localeCompare(b.end));
  return [...tables.values()];
}
