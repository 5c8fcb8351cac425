import type { EntityManager } from 'typeorm';
import { OrgLevel, OrgUnit } from '../../../entities/org-unit';
import { notFound } from '../../../domain/errors';

/**
 * The organisation chart as the ledger's read models read it. (The chart's own aggregate, with its
 * writes, is the reference data's: these reads move there when it has a store of its own.)
 */

/** Every unit, in id order. */
export function orgUnitsById(em: EntityManager): Promise<OrgUnit[]> {
  return em.getRepository(OrgUnit).find({ order: { id: 'ASC' } });
}

/** Every unit, in the database's order. */
export function allOrgUnits(em: EntityManager): Promise<OrgUnit[]> {
  return em.getRepository(OrgUnit).find();
}

/** The units of one level, by name. */
export function orgUnitsOfLevel(em: EntityManager, level: OrgLevel): Promise<OrgUnit[]> {
  return em.getRepository(OrgUnit).find({ where: { level }, order: { name: 'ASC' } });
}

/** A unit by id, or null. */
export function orgUnitById(em: EntityManager, id: number): Promise<OrgUnit | null> {
  return em.getRepository(OrgUnit).findOneBy({ id });
}

/** A unit by its code, or by its exact Korean name (the latest of that name), or a refusal naming `field`. */
export async function orgUnitByCode(em: EntityManager, code: string, field = 'orgCode'): Promise<OrgUnit> {
  const unit = await em.getRepository(OrgUnit).findOneBy({ code });
  if (unit) return unit;
  // Council staff type names, not codes: accept the exact Korean name too.
  const byName = await em.getRepository(OrgUnit).find({ where: { name: code }, order: { validFrom: 'DESC' } });
  if (byName.length) return byName[0];
  throw notFound(`Organisation unit ${code}`, `조직 ${code}`, field);
}
