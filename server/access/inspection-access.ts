import type { EntityManager } from 'typeorm';
import type { Consignment } from '../../entities/consignment';
import { forbidden } from '../../domain/errors';
import type { RequestContext } from '../context';
import { assertOrgAccess, isWithinOwnUnit } from './scope';

/** Inspectors and budget officers of the owning department, and council staff, read a consignment's inspections. */
export async function assertCanReadInspections(em: EntityManager, ctx: RequestContext, consignment: Consignment): Promise<void> {
  const role = ctx.actor.role;
  if (role === 'system' || role === 'council_staff') return;
  if (role === 'inspector' || role === 'budget_officer') return assertOrgAccess(em, ctx, consignment.orgUnitId);
  throw forbidden(
    'Only inspectors, budget officers of the owning department and council staff may read inspections',
    '지도점검 결과는 소관 부서의 점검·예산 담당자와 의회 직원만 볼 수 있습니다',
  );
}

/** Inspectors of the owning department file, edit, submit, approve and follow up. */
export async function assertCanFileInspections(em: EntityManager, ctx: RequestContext, consignment: Consignment): Promise<void> {
  const role = ctx.actor.role;
  if (role === 'system') return;
  if (role !== 'inspector') throw forbidden('Only inspectors may file inspections', '지도점검은 점검 담당자만 작성할 수 있습니다');
  await assertOrgAccess(em, ctx, consignment.orgUnitId);
}

/** For lists: may the actor read this consignment's inspections? (no throw) */
export async function mayReadInspections(em: EntityManager, ctx: RequestContext, consignment: Consignment): Promise<boolean> {
  const { role, orgUnitId } = ctx.actor;
  if (role === 'system' || role === 'council_staff') return true;
  if (role !== 'inspector' && role !== 'budget_officer') return false;
  return orgUnitId !== null && isWithinOwnUnit(em, orgUnitId, consignment.orgUnitId);
}
