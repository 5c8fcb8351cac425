import type { EntityManager } from 'typeorm';
import { RevenueEntry } from '../../../entities/revenue';

/** Every entry of one line. */
export function entriesOfLine(em: EntityManager, revenueLineId: number): Promise<RevenueEntry[]> {
  return em.getRepository(RevenueEntry).findBy({ revenueLineId });
}

/** Every entry of these lines, from one read (none without a read when there are no lines). */
export async function entriesOfLines(em: EntityManager, revenueLineIds: number[]): Promise<RevenueEntry[]> {
  if (!revenueLineIds.length) return [];
  return em.getRepository(RevenueEntry).createQueryBuilder('e').where('e.revenueLineId IN (:...ids)', { ids: revenueLineIds }).getMany();
}

export type NewRevenueEntry = Pick<
  RevenueEntry,
  'revenueLineId' | 'kind' | 'amount' | 'entryDate' | 'reason' | 'reversalOfId' | 'createdById' | 'createdAt'
>;

export async function insertRevenueEntry(em: EntityManager, values: NewRevenueEntry): Promise<RevenueEntry> {
  const entry = em.getRepository(RevenueEntry).create(values);
  await em.save(entry);
  return entry;
}
