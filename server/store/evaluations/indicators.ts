import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ActivityFigure, PerformanceIndicator, PerformanceIndicatorValue } from '../../../entities/performance-indicator';
import { lockRow } from '../../db/transaction';

/** Statements of the performance indicators (성과지표), their values and the activity figures. */

/** The highest place of a consignment's indicators (null when it has none). */
export async function lastIndicatorSeq(em: EntityManager, consignmentId: number): Promise<number | null> {
  const last = await em.getRepository(PerformanceIndicator).findOne({ where: { consignmentId }, order: { seq: 'DESC' } });
  return last?.seq ?? null;
}

export async function insertPerformanceIndicator(em: EntityManager, row: Omit<PerformanceIndicator, 'id'>): Promise<PerformanceIndicator> {
  return em.save(em.getRepository(PerformanceIndicator).create(row));
}

export async function lockIndicator(em: EntityManager, id: number): Promise<PerformanceIndicator | null> {
  return lockRow(em, PerformanceIndicator, id);
}

export async function indicatorById(em: EntityManager, id: number): Promise<PerformanceIndicator | null> {
  return em.getRepository(PerformanceIndicator).findOneBy({ id });
}

export async function indicatorsOfConsignment(em: EntityManager, consignmentId: number): Promise<PerformanceIndicator[]> {
  return em.getRepository(PerformanceIndicator).find({ where: { consignmentId }, order: { seq: 'ASC', id: 'ASC' } });
}

/** Every value of these indicators, corrected ones included, by period (one statement for all of them). */
export async function valuesOfIndicators(em: EntityManager, indicatorIds: number[]): Promise<PerformanceIndicatorValue[]> {
  if (!indicatorIds.length) return [];
  return em
    .getRepository(PerformanceIndicatorValue)
    .find({ where: { indicatorId: In(indicatorIds) }, order: { periodEnd: 'ASC', id: 'ASC' } });
}

export async function insertIndicatorValue(
  em: EntityManager,
  row: Omit<PerformanceIndicatorValue, 'id'>,
): Promise<PerformanceIndicatorValue> {
  return em.save(em.getRepository(PerformanceIndicatorValue).create(row));
}

/** The activity figures of a consignment by table, row and period. */
export async function activityFiguresOf(em: EntityManager, consignmentId: number): Promise<ActivityFigure[]> {
  return em.getRepository(ActivityFigure).find({ where: { consignmentId }, order: { tableSeq: 'ASC', rowSeq: 'ASC', periodEnd: 'ASC' } });
}
