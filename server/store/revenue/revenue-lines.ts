import type { EntityManager } from 'typeorm';
import { RevenueLine } from '../../../entities/revenue';
import { lockRow } from '../../db/transaction';

/** The line with this code in the year, or null. */
export function findRevenueLine(em: EntityManager, fiscalYear: number, code: string): Promise<RevenueLine | null> {
  return em.getRepository(RevenueLine).findOneBy({ fiscalYear, code });
}

/** Locks the line's row for the rest of the transaction; null when there is none. */
export function lockRevenueLine(em: EntityManager, id: number): Promise<RevenueLine | null> {
  return lockRow(em, RevenueLine, id);
}

/** True when some line sits under this one. */
export async function hasChildLines(em: EntityManager, lineId: number): Promise<boolean> {
  return (await em.getRepository(RevenueLine).findOneBy({ parentId: lineId })) !== null;
}

export type NewRevenueLine = Pick<
  RevenueLine,
  'fiscalYear' | 'orgUnitId' | 'code' | 'name' | 'parentId' | 'accountId' | 'sortOrder' | 'budget' | 'currentBudget'
>;

export async function insertRevenueLine(em: EntityManager, values: NewRevenueLine): Promise<RevenueLine> {
  const line = em.getRepository(RevenueLine).create(values);
  await em.save(line);
  return line;
}

/** A year's lines (of one unit, when given) in document order. */
export function revenueLinesOfYear(em: EntityManager, fiscalYear: number, orgUnitId?: number): Promise<RevenueLine[]> {
  return em
    .getRepository(RevenueLine)
    .find({ where: { fiscalYear, ...(orgUnitId ? { orgUnitId } : {}) }, order: { sortOrder: 'ASC', id: 'ASC' } });
}
