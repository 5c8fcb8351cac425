import { In, type EntityManager } from 'typeorm';
import { OrgLevel, OrgUnit } from '../../../entities/org-unit';
import { notFound } from '../../../domain/errors';
import { leanFindOne } from '../../db/lean';

/**
 * The one way an organisation unit is named from outside: its code, or (council staff type names,
 * not codes) its exact Korean name, the most recent of that name. `field` names the input, for the refusal.
 */
export async function orgUnitByCode(em: EntityManager, code: string, field = 'orgCode'): Promise<OrgUnit> {
  const unit = await findOrgUnitByCode(em, code);
  if (unit) return unit;
  const byName = await em.getRepository(OrgUnit).find({ where: { name: code }, order: { validFrom: 'DESC' } });
  if (byName.length) return byName[0];
  throw notFound(`Organisation unit ${code}`, `조직 ${code}`, field);
}

/** The unit with this code, or null. */
export function findOrgUnitByCode(em: EntityManager, code: string): Promise<OrgUnit | null> {
  return em.getRepository(OrgUnit).findOneBy({ code });
}

/** One unit by id (the walk up the chart: a prebuilt statement per step). */
export function orgUnitById(em: EntityManager, id: number): Promise<OrgUnit | null> {
  return leanFindOne(em, OrgUnit, { id });
}

/** The whole chart as (id, parentId) pairs, from one read. */
export function orgChartLinks(em: EntityManager): Promise<{ id: number; parentId: number | null }[]> {
  return em.getRepository(OrgUnit).find({ select: { id: true, parentId: true } });
}

export type NewOrgUnit = Pick<OrgUnit, 'code' | 'name' | 'level' | 'parentId' | 'validFrom' | 'validTo'>;

export async function insertOrgUnit(em: EntityManager, values: NewOrgUnit): Promise<OrgUnit> {
  const unit = em.getRepository(OrgUnit).create(values);
  await em.save(unit);
  return unit;
}

/** A page of the chart in id order; with a year, only the units that existed in it. */
export function orgUnitPage(em: EntityManager, year: number | undefined, skip: number, take: number): Promise<[OrgUnit[], number]> {
  const qb = em.getRepository(OrgUnit).createQueryBuilder('o').orderBy('o.id', 'ASC');
  if (year)
    qb.where('o.validFrom <= :end AND (o.validTo IS NULL OR o.validTo >= :start)', {
      start: `${year}-01-01`,
      end: `${year}-12-31`,
    });
  return qb.skip(skip).take(take).getManyAndCount();
}

/** Every organisation unit, ordered as the caller lists them (pickers, the administrator's chart). */
export const allOrgUnits = (em: EntityManager, order?: 'code' | 'name' | 'level-name'): Promise<OrgUnit[]> =>
  em.getRepository(OrgUnit).find({
    order: order === 'code' ? { code: 'ASC' } : order === 'name' ? { name: 'ASC' } : order ? { level: 'ASC', name: 'ASC' } : undefined,
  });

/** Every unit, in id order. */
export function orgUnitsById(em: EntityManager): Promise<OrgUnit[]> {
  return em.getRepository(OrgUnit).find({ order: { id: 'ASC' } });
}

/** The units of one level, by name. */
export function orgUnitsOfLevel(em: EntityManager, level: OrgLevel): Promise<OrgUnit[]> {
  return em.getRepository(OrgUnit).find({ where: { level }, order: { name: 'ASC' } });
}

export const orgUnitsByIds = (em: EntityManager, ids: number[]): Promise<OrgUnit[]> => em.getRepository(OrgUnit).findBy({ id: In(ids) });
