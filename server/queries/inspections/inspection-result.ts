import type { EntityManager } from 'typeorm';
import type { Consignment } from '../../../entities/consignment';
import type { RequestContext } from '../../context';
import { assertCanReadInspections } from '../../access/inspection-access';
import { resolveConsignment } from '../../store/consignments/consignment-ref';
import { approvedInspectionsByRound } from '../../store/inspections/inspections';
import { InspectionView, inspectionView } from './inspection-view';

/**
 * The effective inspections (approved, not superseded) of a consignment (id, code or exact name) in a
 * year, by round, as filed: what the 지도점검 결과보고 prints. Refuses a reader of another department.
 */
export async function effectiveInspectionsOfYear(
  em: EntityManager,
  ctx: RequestContext,
  consignmentRef: string,
  year: number,
): Promise<{ consignment: Consignment; inspections: InspectionView[] }> {
  const consignment = await resolveConsignment(em, consignmentRef);
  await assertCanReadInspections(em, ctx, consignment);
  const rows = (await approvedInspectionsByRound(em, consignment.id, year)).filter((i) => i.supersededById === null);
  const inspections: InspectionView[] = [];
  for (const i of rows) inspections.push(await inspectionView(em, i.id));
  return { consignment, inspections };
}
