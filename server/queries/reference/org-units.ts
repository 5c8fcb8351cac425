import type { EntityManager } from 'typeorm';
import type { OrgUnit } from '../../../entities/org-unit';
import { orgUnitPage } from '../../store/org-units/org-units';

/** An organisation unit named by its code or exact Korean name (or a refusal naming the field), for reads and reports. */
export { orgUnitByCode } from '../../store/org-units/org-units';

/** The organisation chart (실·국 → 부서 → 팀), a page in id order; with a year, only units that existed in it. */
export async function orgUnitList(
  em: EntityManager,
  year: number | undefined,
  skip: number,
  take: number,
): Promise<{ items: OrgUnit[]; total: number }> {
  const [items, total] = await orgUnitPage(em, year, skip, take);
  return { items, total };
}
