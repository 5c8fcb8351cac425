import type { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../../../domain/errors';
import { assertValueFigures, assertValueMayBeRecorded, valuePeriod } from '../../../domain/performance-indicator';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { assertOrgAccess } from '../../access/scope';
import { audit } from '../../store/audit';
import { consignmentById, resolveConsignment } from '../../store/consignments/consignment-ref';
import { insertIndicatorValue, insertPerformanceIndicator, lastIndicatorSeq, lockIndicator } from '../../store/evaluations/indicators';
import { currentIndicatorValues, IndicatorValueView, IndicatorView, indicatorView, valueView } from '../../queries/evaluations/indicators';
import type { IndicatorInput, IndicatorValueInput } from './requests';

/** A performance indicator (성과지표) of a consignment, placed after its others unless a place is given. */
export async function createIndicator(
  ds: DataSource,
  ctx: RequestContext,
  input: IndicatorInput,
  em?: EntityManager,
): Promise<IndicatorView> {
  return within(ds, em, async (tx) => {
    const consignment = await resolveConsignment(tx, input.consignment);
    await assertOrgAccess(tx, ctx, consignment.orgUnitId);
    const seq = input.seq !== undefined ? input.seq : ((await lastIndicatorSeq(tx, consignment.id)) ?? 0) + 1;
    const indicator = await insertPerformanceIndicator(tx, {
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
    await audit(tx, ctx, {
      action: 'performance_indicator.create',
      entity: 'performance_indicator',
      entityId: indicator.id,
      after: indicator,
    });
    return indicatorView(indicator, []);
  });
}

/** The target and actual of an indicator for a year or part of it; one current value per period, a correction names the one it replaces. */
export async function recordIndicatorValue(
  ds: DataSource,
  ctx: RequestContext,
  indicatorId: number,
  input: IndicatorValueInput,
  em?: EntityManager,
): Promise<IndicatorValueView> {
  return within(ds, em, async (tx) => {
    const indicator = await lockIndicator(tx, indicatorId);
    if (!indicator) throw notFound(`Performance indicator ${indicatorId}`, `성과지표 ${indicatorId}`);
    await assertOrgAccess(tx, ctx, (await consignmentById(tx, indicator.consignmentId)).orgUnitId);
    assertValueFigures(input);
    const period = valuePeriod(input.year, input.periodEnd, input.periodLabel);
    assertValueMayBeRecorded(indicator.id, await currentIndicatorValues(tx, [indicator.id]), period.periodEnd, input.supersedesId);
    const value = await insertIndicatorValue(tx, {
      indicatorId: indicator.id,
      year: input.year,
      ...period,
      target: input.target,
      actual: input.actual ?? null,
      supersedesId: input.supersedesId ?? null,
      note: input.note ?? null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await audit(tx, ctx, {
      action: input.supersedesId ? 'performance_indicator_value.correct' : 'performance_indicator_value.create',
      entity: 'performance_indicator_value',
      entityId: value.id,
      after: value,
    });
    return valueView(value, indicator.lowerIsBetter);
  });
}
