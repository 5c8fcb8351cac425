import type { EntityManager } from 'typeorm';
import { forbidden } from '../../domain/errors';
import { isDepartmentScoped, unitsUnder } from '../../domain/access';
import { RequestContext } from '../context';
import { orgChartLinks, orgUnitById } from '../store/org-units/org-units';

/** True when `unitId` is the actor's own unit or lies under it in the organisation chart. */
export async function isWithinOwnUnit(em: EntityManager, actorUnitId: number, unitId: number): Promise<boolean> {
  let current: number | null = unitId;
  for (let depth = 0; current !== null && depth < 10; depth++) {
    if (current === actorUnitId) return true;
    const unit = await orgUnitById(em, current);
    current = unit?.parentId ?? null;
  }
  return false;
}

/**
 * `rootId` and every unit under it, from one read of the organisation chart: for filtering many
 * programs or consignments at once, where a walk up the chart per item would cost a query each.
 */
export async function unitsWithin(em: EntityManager, rootId: number): Promise<Set<number>> {
  return unitsUnder(await orgChartLinks(em), rootId);
}

/**
 * Department-scoped roles (budget officers, inspectors) act only on their own department's
 * programs and consignments; council staff and administrators are not scoped (their routes decide
 * what they may do), and the system (seeds, imports by setup) is not scoped.
 */
export async function assertOrgAccess(em: EntityManager, ctx: RequestContext, orgUnitId: number): Promise<void> {
  const { role, orgUnitId: own } = ctx.actor;
  if (!isDepartmentScoped(role)) return;
  if (own === null || !(await isWithinOwnUnit(em, own, orgUnitId))) {
    throw forbidden('This belongs to another department', '다른 부서의 사업입니다');
  }
}
