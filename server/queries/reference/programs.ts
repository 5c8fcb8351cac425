import type { EntityManager } from 'typeorm';
import type { Program } from '../../../entities/program';
import { programPage } from '../../store/programs/programs';

/** Programs with their stable codes, a page in code order. */
export async function programList(em: EntityManager, skip: number, take: number): Promise<{ items: Program[]; total: number }> {
  const [items, total] = await programPage(em, skip, take);
  return { items, total };
}
