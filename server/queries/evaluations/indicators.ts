import type { EntityManager } from 'typeorm';
import type { PerformanceIndicator, PerformanceIndicatorValue } from '../../../entities/performance-indicator';
import { notFound } from '../../../domain/errors';
import { achievementOf, currentValues } from '../../../domain/performance-indicator';
import type { RequestContext } from '../../context';
import { assertOrgAccess } from '../../access/scope';
import { consignmentById, resolveConsignment } from '../../store/consignments/consignment-ref';
import { activityFiguresOf, indicatorById, indicatorsOfConsignment, valuesOfIndicators } from '../../store/evaluations/indicators';

/** Performance indicators (성과지표) of a consignment: target, actual and the computed achievement (달성도). */

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

/** Values of these indicators not superseded by a correction. */
export async function currentIndicatorValues(em: EntityManager, indicatorIds: number[]): Promise<PerformanceIndicatorValue[]> {
  return currentValues(await valuesOfIndicators(em, indicatorIds));
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
    achievement: achievementOf(v.target, v.actual, Boolean(lowerIsBetter)),
    note: v.note,
  };
}

export function indicatorView(i: PerformanceIndicator, values: PerformanceIndicatorValue[]): IndicatorView {
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
  const indicators = await indicatorsOfConsignment(em, consignmentId);
  const values = (
    await currentIndicatorValues(
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
  await assertOrgAccess(em, ctx, consignment.orgUnitId);
  return indicatorsOf(em, consignment.id, filter.year ? [filter.year] : undefined);
}

export async function getIndicator(em: EntityManager, ctx: RequestContext, id: number): Promise<IndicatorView> {
  const indicator = await indicatorById(em, id);
  if (!indicator) throw notFound(`Performance indicator ${id}`, `성과지표 ${id}`);
  await assertOrgAccess(em, ctx, (await consignmentById(em, indicator.consignmentId)).orgUnitId);
  return indicatorView(indicator, await currentIndicatorValues(em, [id]));
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
  const rows = await activityFiguresOf(em, consignmentId);
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
