import type { EntityManager } from 'typeorm';
import type { FindingKind, FindingStatus } from '../../../entities/inspection';
import type { RequestContext } from '../../context';
import { isOpenFinding, overdueVerdict, registerOrder, RepeatFindingChain } from '../../../domain/inspection-findings';
import { mayReadInspections } from '../../access/inspection-access';
import { unitsWithin } from '../../access/scope';
import { consignmentById, resolveConsignment } from '../../store/consignments/consignment-ref';
import { orgUnitByCode } from '../reference/org-units';
import { approvedOrSubmittedInspections } from '../../store/inspections/inspections';
import { findingsOf } from '../../store/inspections/findings';
import { repeatCountsByFinding } from './repeat-chains';

export interface RegisterEntry {
  findingId: number;
  consignmentId: number;
  consignmentCode: string;
  consignmentName: string;
  orgUnitId: number;
  inspectionId: number;
  inspectionTitle: string;
  inspectionDate: string | null;
  fiscalYear: number;
  kind: FindingKind;
  title: string;
  requiredAction: string;
  dueDate: string | null;
  status: FindingStatus;
  /** the inspection is submitted but not yet approved: its findings may still change */
  pendingApproval: boolean;
  overdue: boolean;
  daysOverdue: number | null;
  uncorrectedCount: number;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Open findings (not yet verified) of effective inspections (approved, or submitted and awaiting
 * approval: `pendingApproval`; drafts never) across the consignments the actor may
 * read, overdue ones first (most overdue first), then by due date.
 */
export async function findingsRegister(
  em: EntityManager,
  ctx: RequestContext,
  q: { asOf?: string; year?: number; orgUnitId?: number; consignmentId?: number },
): Promise<RegisterEntry[]> {
  const asOf = q.asOf ?? today();
  const inspections = (await approvedOrSubmittedInspections(em, { consignmentId: q.consignmentId, year: q.year })).filter(
    (i) => i.supersededById === null,
  );
  const out: RegisterEntry[] = [];
  const chainsByConsignment = new Map<number, Map<number, RepeatFindingChain>>();
  const inOrg = q.orgUnitId ? await unitsWithin(em, q.orgUnitId) : null;
  for (const i of inspections) {
    const c = await consignmentById(em, i.consignmentId);
    if (!(await mayReadInspections(em, ctx, c))) continue;
    if (inOrg && !inOrg.has(c.orgUnitId)) continue;
    if (!chainsByConsignment.has(c.id)) chainsByConsignment.set(c.id, await repeatCountsByFinding(em, c.id));
    const chains = chainsByConsignment.get(c.id)!;
    for (const f of await findingsOf(em, i.id)) {
      if (!isOpenFinding(f.status)) continue;
      out.push({
        findingId: f.id,
        consignmentId: c.id,
        consignmentCode: c.code,
        consignmentName: c.name,
        orgUnitId: c.orgUnitId,
        inspectionId: i.id,
        inspectionTitle: i.title,
        inspectionDate: i.actualDate,
        fiscalYear: i.fiscalYear,
        kind: f.kind,
        title: f.title,
        requiredAction: f.requiredAction,
        dueDate: f.dueDate,
        status: f.status,
        pendingApproval: i.status !== 'approved',
        ...overdueVerdict(f.dueDate, asOf),
        uncorrectedCount: chains.get(f.id)?.uncorrectedCount ?? 1,
      });
    }
  }
  return out.sort(registerOrder);
}

/**
 * The register as the API and the council report ask for it: a department (organisation unit code or
 * exact name, with its sub-units) and a consignment (id, code or exact name) by reference.
 */
export async function findingsRegisterOf(
  em: EntityManager,
  ctx: RequestContext,
  q: { asOf?: string; year?: number; org?: string; consignment?: string | number; consignmentField?: string },
): Promise<RegisterEntry[]> {
  const orgUnitId = q.org ? (await orgUnitByCode(em, q.org, 'org')).id : undefined;
  const consignmentId =
    q.consignment === undefined
      ? undefined
      : typeof q.consignment === 'number'
        ? q.consignment
        : (await resolveConsignment(em, q.consignment, q.consignmentField)).id;
  return findingsRegister(em, ctx, { asOf: q.asOf, year: q.year, orgUnitId, consignmentId });
}
