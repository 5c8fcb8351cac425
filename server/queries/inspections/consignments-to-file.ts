import type { EntityManager } from 'typeorm';
import type { Consignment } from '../../../entities/consignment';
import type { RequestContext } from '../../context';
import { unitsWithin } from '../../access/scope';
import { consignmentsByName } from '../../store/consignments/consignments';

/** The consignments an inspector may file an inspection against: those of their department, by name. */
export async function consignmentsToFile(em: EntityManager, ctx: RequestContext): Promise<Consignment[]> {
  const all = await consignmentsByName(em);
  const own = ctx.actor.orgUnitId;
  if (own === null) return [];
  const within = await unitsWithin(em, own);
  return all.filter((c) => within.has(c.orgUnitId));
}
