import { EntityManager } from 'typeorm';
import type { Role } from '../../../entities/user';
import { Consignment } from '../../../entities/consignment';
import { forbidden, notFound } from '../../../domain/errors';
import { RequestContext } from '../../context';
import { assertOrgAccess, isWithinOwnUnit } from '../../access/scope';

/**
 * Who may see and do what with inspections (issue 5):
 * - inspectors of the consignment's owning department file, edit drafts, submit, approve and follow up;
 * - budget officers of the owning department and council staff read;
 * - nobody else (administrators included: they manage templates, not inspections).
 */
export const INSPECTION_READERS: readonly Role[] = ['inspector', 'budget_officer', 'council_staff'];
export const INSPECTION_WRITERS: readonly Role[] = ['inspector'];
/** checklist templates are reference data: inspectors and administrators maintain them, everyone reads them */
export const TEMPLATE_WRITERS: readonly Role[] = ['inspector', 'admin'];
export const TEMPLATE_READERS: readonly Role[] = ['budget_officer', 'inspector', 'council_staff', 'admin'];

export async function assertCanReadInspections(em: EntityManager, ctx: RequestContext, consignment: Consignment): Promise<void> {
  const role = ctx.actor.role;
  if (role === 'system' || role === 'council_staff') return;
  if (role === 'inspector' || role === 'budget_officer') return assertOrgAccess(em, ctx, consignment.orgUnitId);
  throw forbidden(
    'Only inspectors, budget officers of the owning department and council staff may read inspections',
    '지도점검 결과는 소관 부서의 점검·예산 담당자와 의회 직원만 볼 수 있습니다',
  );
}

export async function assertCanFileInspections(em: EntityManager, ctx: RequestContext, consignment: Consignment): Promise<void> {
  const role = ctx.actor.role;
  if (role === 'system') return;
  if (role !== 'inspector') throw forbidden('Only inspectors may file inspections', '지도점검은 점검 담당자만 작성할 수 있습니다');
  await assertOrgAccess(em, ctx, consignment.orgUnitId);
}

/** For lists: may the actor read this consignment's inspections? (no throw) */
export async function mayRead(em: EntityManager, ctx: RequestContext, consignment: Consignment): Promise<boolean> {
  const { role, orgUnitId } = ctx.actor;
  if (role === 'system' || role === 'council_staff') return true;
  if (role !== 'inspector' && role !== 'budget_officer') return false;
  return orgUnitId !== null && isWithinOwnUnit(em, orgUnitId, consignment.orgUnitId);
}
