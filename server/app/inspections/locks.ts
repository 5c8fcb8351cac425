import type { EntityManager } from 'typeorm';
import type { Consignment } from '../../../entities/consignment';
import type { Inspection, InspectionFinding } from '../../../entities/inspection';
import { notFound } from '../../../domain/errors';
import { assertFollowUpOpen } from '../../../domain/inspection-findings';
import { RequestContext } from '../../context';
import { assertCanFileInspections } from '../../access/inspection-access';
import { consignmentById } from '../../store/consignments/consignment-ref';
import { inspectionByIdOrFail, lockInspection } from '../../store/inspections/inspections';
import { lockFinding } from '../../store/inspections/findings';

/** The inspection, locked for the transaction, once the actor may file inspections of its consignment. */
export async function lockedInspection(
  tx: EntityManager,
  ctx: RequestContext,
  id: number,
): Promise<{ inspection: Inspection; consignment: Consignment }> {
  const inspection = await lockInspection(tx, id);
  if (!inspection) throw notFound(`Inspection ${id}`, `지도점검 ${id}`);
  const consignment = await consignmentById(tx, inspection.consignmentId);
  await assertCanFileInspections(tx, ctx, consignment);
  return { inspection, consignment };
}

/** The finding, locked, once the actor may follow it up (its inspection approved and in effect). */
export async function lockedFinding(
  tx: EntityManager,
  ctx: RequestContext,
  findingId: number,
): Promise<{ finding: InspectionFinding; inspection: Inspection }> {
  const finding = await lockFinding(tx, findingId);
  if (!finding) throw notFound(`Finding ${findingId}`, `지적사항 ${findingId}`);
  const inspection = await inspectionByIdOrFail(tx, finding.inspectionId);
  await assertCanFileInspections(tx, ctx, await consignmentById(tx, inspection.consignmentId));
  assertFollowUpOpen(inspection);
  return { finding, inspection };
}
