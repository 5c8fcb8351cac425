import type { EntityManager } from 'typeorm';
import { Consignment } from '../../../entities/consignment';
import { User } from '../../../entities/user';

/**
 * What the inspections read of other tables: the active inspectors (who may approve an inspection)
 * and the consignments an inspector may file against, by name.
 */

export async function activeInspectors(em: EntityManager): Promise<User[]> {
  return em.getRepository(User).find({ where: { role: 'inspector', active: true } });
}

export async function consignmentsByName(em: EntityManager): Promise<Consignment[]> {
  return em.getRepository(Consignment).find({ order: { name: 'ASC' } });
}
