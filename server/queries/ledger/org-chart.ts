import type { EntityManager } from 'typeorm';
import type { OrgUnit } from '../../../entities/org-unit';
import type { ProgramYearFacts } from '../../../domain/settlement';
import { unitsWithin } from '../../access/scope';
import { allOrgUnits, orgUnitById, orgUnitsById, orgUnitsOfLevel } from '../../store/org-units/org-units';
import { loadYearFacts } from './year-facts';

/** A unit's name ('' for none or an unknown id). */
export async function orgName(em: EntityManager, id: number | null): Promise<string> {
  if (id === null) return '';
  return (await orgUnitById(em, id))?.name ?? '';
}

/** Every unit of the chart, in the database's order. */
export function orgUnits(em: EntityManager): Promise<OrgUnit[]> {
  return allOrgUnits(em);
}

/** The units a ledger page filters by: bureaus (labelled 실·국), then departments, each by name. */
export async function orgChoices(em: EntityManager): Promise<(OrgUnit & { label: string })[]> {
  const depts = await orgUnitsOfLevel(em, 'department');
  const bureaus = await orgUnitsOfLevel(em, 'bureau');
  return [...bureaus.map((o) => ({ ...o, label: `${o.name} (실·국)` })), ...depts.map((o) => ({ ...o, label: o.name }))];
}

/** Unit programs of a year, optionally only those under one organisation unit. */
export async function programsOf(em: EntityManager, year: number, orgUnitId: number | null): Promise<ProgramYearFacts[]> {
  const { programs } = await loadYearFacts(em, year);
  const units = programs.filter((p) => p.kind !== 'policy');
  if (orgUnitId === null) return units;
  const within = await unitsWithin(em, orgUnitId);
  return units.filter((p) => within.has(p.orgUnitId));
}

/**
 * "※ '19. 1. 1일부 조직개편으로 … 폐지": the units of the tree under `rootId` (itself included),
 * other than teams, whose validity ends within the fiscal year, in id order.
 */
export async function unitsAbolishedIn(em: EntityManager, year: number, rootId: number): Promise<OrgUnit[]> {
  const units = await orgUnitsById(em);
  const inTree = (u: OrgUnit): boolean => {
    let current: OrgUnit | undefined = u;
    for (let i = 0; current && i < 10; i++) {
      if (current.id === rootId) return true;
      const parentId: number | null = current.parentId;
      current = parentId === null ? undefined : units.find((x) => x.id === parentId);
    }
    return false;
  };
  return units.filter((u) => u.validTo && u.validTo >= `${year}-01-01` && u.validTo <= `${year}-12-31` && u.level !== 'team' && inTree(u));
}

/** Ids of the unit and every unit under it (any level), from the full chart. */
export function subtreeIds(em: EntityManager, rootId: number): Promise<Set<number>> {
  return unitsWithin(em, rootId);
}

export { orgUnitByCode } from '../../store/org-units/org-units';
