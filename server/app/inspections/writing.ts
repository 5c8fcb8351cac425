import type { DataSource, EntityManager } from 'typeorm';
import type { Inspection } from '../../../entities/inspection';
import { invalid } from '../../../domain/errors';
import {
  assertApprovable,
  assertDraft,
  assertInspectionDates,
  assertReturnable,
  assertRevisable,
  assertSubmittable,
  selfApprovalVerdict,
} from '../../../domain/inspection';
import { carriedFollowUps } from '../../../domain/inspection-findings';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { assertCanFileInspections } from '../../access/inspection-access';
import { isWithinOwnUnit } from '../../access/scope';
import { audit } from '../../store/audit';
import { consignmentById, resolveConsignment } from '../../store/consignments/consignment-ref';
import { insertInspection, lockInspection, revisionOf, saveInspection } from '../../store/inspections/inspections';
import { copyFindings, findingsOf, saveFinding } from '../../store/inspections/findings';
import { copyResults, insertBlankResults, resultsOf } from '../../store/inspections/results';
import { activeInspectors } from '../../store/users/users';
import { itemsOfVersion } from '../../store/inspections/templates';
import { InspectionView, inspectionView } from '../../queries/inspections/inspection-view';
import { addFindingRow } from './findings';
import { lockedInspection } from './locks';
import { applyResults } from './results';
import { resolveTemplateVersion } from './templates';
import type { InspectionFields, InspectionPatch, NewInspectionInput } from './requests/inspections';

const today = () => new Date().toISOString().slice(0, 10);

/** Files a new inspection (a draft) against a template version; every item of that version gets a result row. */
/** What every new draft starts with — a first filing or a revision of an approved inspection: its author, no submission, no approval. */
function freshDraft(ctx: RequestContext, now: Date, revisionOfId: number | null, revisionReason: string | null) {
  return {
    revisionOfId,
    revisionReason,
    supersededById: null,
    createdById: ctx.actor.id,
    createdByName: ctx.actor.name,
    createdAt: now,
    updatedAt: now,
    submittedOn: null,
    submittedById: null,
    submittedByName: null,
    approvedOn: null,
    approvedById: null,
    approvedByName: null,
    selfApproved: false,
    selfApprovalReason: null,
  };
}

export async function createInspection(
  ds: DataSource,
  ctx: RequestContext,
  input: NewInspectionInput,
  em?: EntityManager,
): Promise<InspectionView> {
  return within(ds, em, async (tx) => {
    const consignment = input.consignmentId
      ? await consignmentById(tx, input.consignmentId)
      : input.consignmentCode
        ? await resolveConsignment(tx, input.consignmentCode, 'consignmentCode')
        : (() => {
            throw invalid('consignmentId', 'required', 'consignmentId or consignmentCode is required', '위탁사무를 지정하십시오');
          })();
    await assertCanFileInspections(tx, ctx, consignment);
    const version = await resolveTemplateVersion(tx, input);
    const now = new Date();
    const fields: Omit<Inspection, 'id'> = {
      consignmentId: consignment.id,
      templateVersionId: version.id,
      fiscalYear: input.fiscalYear,
      round: input.round ?? 1,
      title: input.title ?? `${input.fiscalYear}년 '${consignment.name}' 민간위탁 지도점검`,
      status: 'draft',
      plannedDate: input.plannedDate ?? null,
      actualDate: input.actualDate ?? null,
      postponementReason: input.postponementReason ?? null,
      inspectors: input.inspectors,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      periodNote: input.periodNote ?? null,
      method: input.method ?? null,
      documentNumber: input.documentNumber ?? null,
      disclosure: input.disclosure ?? 'public',
      disclosureNote: input.disclosureNote ?? null,
      summary: input.summary ?? null,
      improvements: input.improvements ?? null,
      actionsTaken: input.actionsTaken ?? null,
      ...freshDraft(ctx, now, null, null),
    };
    assertInspectionDates(fields);
    const row = await insertInspection(tx, fields);
    const items = await itemsOfVersion(tx, version.id);
    await insertBlankResults(
      tx,
      row.id,
      items.map((it) => it.id),
    );
    if (input.results?.length) await applyResults(tx, row, input.results);
    for (const [k, f] of (input.findings ?? []).entries()) await addFindingRow(tx, row, f, `findings[${k}]`);
    const view = await inspectionView(tx, row.id);
    await audit(tx, ctx, { action: 'inspection.create', entity: 'inspection', entityId: row.id, after: view });
    return view;
  });
}

const FIELD_KEYS: (keyof InspectionFields)[] = [
  'fiscalYear',
  'round',
  'title',
  'plannedDate',
  'actualDate',
  'postponementReason',
  'inspectors',
  'periodFrom',
  'periodTo',
  'periodNote',
  'method',
  'documentNumber',
  'disclosure',
  'disclosureNote',
  'summary',
  'improvements',
  'actionsTaken',
];

/** Edits a draft: header fields and item results (by item code). An approved inspection refuses. */
export async function updateInspection(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  patch: InspectionPatch,
  em?: EntityManager,
): Promise<InspectionView> {
  return within(ds, em, async (tx) => {
    const { inspection } = await lockedInspection(tx, ctx, id);
    assertDraft(inspection.status);
    const before = await inspectionView(tx, id);
    const changes: Partial<Inspection> = {};
    for (const k of FIELD_KEYS) if (patch[k] !== undefined) (changes as Record<string, unknown>)[k] = patch[k];
    Object.assign(inspection, changes, { updatedAt: new Date() });
    assertInspectionDates(inspection);
    await saveInspection(tx, inspection);
    if (patch.results?.length) await applyResults(tx, inspection, patch.results);
    const after = await inspectionView(tx, id);
    await audit(tx, ctx, { action: 'inspection.update', entity: 'inspection', entityId: id, before, after });
    return after;
  });
}

/** draft → submitted: every item rated, the inspection held. */
export async function submitInspection(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  on?: string,
  em?: EntityManager,
): Promise<InspectionView> {
  return within(ds, em, async (tx) => {
    const { inspection } = await lockedInspection(tx, ctx, id);
    assertDraft(inspection.status);
    const results = await resultsOf(tx, id);
    assertSubmittable({
      status: inspection.status,
      unrated: results.filter((r) => r.rating === null).length,
      actualDate: inspection.actualDate,
    });
    Object.assign(inspection, {
      status: 'submitted',
      submittedOn: on ?? today(),
      submittedById: ctx.actor.id,
      submittedByName: ctx.actor.name,
      updatedAt: new Date(),
    });
    await saveInspection(tx, inspection);
    await audit(tx, ctx, {
      action: 'inspection.submit',
      entity: 'inspection',
      entityId: id,
      after: { status: 'submitted', submittedOn: inspection.submittedOn },
    });
    return inspectionView(tx, id);
  });
}

/** Sends a submitted inspection back to draft (before approval). */
export async function returnInspection(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  reason: string,
  em?: EntityManager,
): Promise<InspectionView> {
  return within(ds, em, async (tx) => {
    const { inspection } = await lockedInspection(tx, ctx, id);
    assertReturnable(inspection.status);
    Object.assign(inspection, { status: 'draft', submittedOn: null, submittedById: null, submittedByName: null, updatedAt: new Date() });
    await saveInspection(tx, inspection);
    await audit(tx, ctx, { action: 'inspection.return', entity: 'inspection', entityId: id, after: { status: 'draft', reason } });
    return inspectionView(tx, id);
  });
}

/** How many active inspectors of the consignment's department there are besides the actor. */
async function otherInspectorsOf(tx: EntityManager, actorId: number, orgUnitId: number): Promise<number> {
  let others = 0;
  for (const u of await activeInspectors(tx))
    if (u.id !== actorId && u.orgUnitId !== null && (await isWithinOwnUnit(tx, u.orgUnitId, orgUnitId))) others++;
  return others;
}

/**
 * Approves a submitted inspection. The approver is an inspector of the owning department other than
 * the one who filed it; when the filer is the department's only active inspector, they may approve it
 * themselves and the inspection records selfApproved = true. Approving a revision supersedes the
 * inspection it corrects.
 */
export async function approveInspection(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  step?: string | { on?: string; selfApprovalReason?: string | null },
  em?: EntityManager,
): Promise<InspectionView> {
  const { on, selfApprovalReason } = typeof step === 'object' ? step : { on: step, selfApprovalReason: null };
  return within(ds, em, async (tx) => {
    const { inspection, consignment } = await lockedInspection(tx, ctx, id);
    assertApprovable(inspection.status);
    const actorId = ctx.actor.id;
    const approverIsFiler = ctx.actor.role !== 'system' && actorId !== null && actorId === inspection.createdById;
    const { selfApproved } = selfApprovalVerdict({
      approverIsFiler,
      otherInspectors: approverIsFiler ? await otherInspectorsOf(tx, actorId!, consignment.orgUnitId) : 0,
      reason: selfApprovalReason,
    });
    const approvedOn = on ?? today();
    Object.assign(inspection, {
      status: 'approved',
      approvedOn,
      approvedById: ctx.actor.id,
      approvedByName: ctx.actor.name,
      selfApproved,
      selfApprovalReason: selfApproved ? selfApprovalReason!.trim() : null,
      updatedAt: new Date(),
    });
    await saveInspection(tx, inspection);
    if (inspection.revisionOfId) {
      const original = await lockInspection(tx, inspection.revisionOfId);
      if (original) {
        // follow-up recorded on the original while the revision was drafted carries over
        const olds = await findingsOf(tx, original.id, false);
        const news = await findingsOf(tx, inspection.id, false);
        for (const { revised, from } of carriedFollowUps(olds, news)) {
          Object.assign(revised, {
            status: from.status,
            actionReportedOn: from.actionReportedOn,
            actionReportedById: from.actionReportedById,
            actionReportedByName: from.actionReportedByName,
            actionReport: from.actionReport,
            verifiedOn: from.verifiedOn,
            verifiedById: from.verifiedById,
            verifiedByName: from.verifiedByName,
            verificationNote: from.verificationNote,
          });
          await saveFinding(tx, revised);
        }
        original.supersededById = inspection.id;
        await saveInspection(tx, original);
        await audit(tx, ctx, {
          action: 'inspection.supersede',
          entity: 'inspection',
          entityId: original.id,
          after: { supersededById: inspection.id },
        });
      }
    }
    await audit(tx, ctx, {
      action: 'inspection.approve',
      entity: 'inspection',
      entityId: id,
      after: { status: 'approved', approvedOn, selfApproved, selfApprovalReason: inspection.selfApprovalReason },
    });
    return inspectionView(tx, id);
  });
}

/** A correction of an approved inspection: a new draft copying it, linked by revisionOfId. */
export async function reviseInspection(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  reason: string,
  em?: EntityManager,
): Promise<InspectionView> {
  return within(ds, em, async (tx) => {
    const { inspection } = await lockedInspection(tx, ctx, id);
    // the pending revision is read only once the inspection is approved and not superseded
    assertRevisable({ status: inspection.status, supersededById: inspection.supersededById, pendingRevisionId: null });
    const pending = await revisionOf(tx, id);
    assertRevisable({ status: inspection.status, supersededById: inspection.supersededById, pendingRevisionId: pending?.id ?? null });
    const now = new Date();
    const { id: _id, ...fields } = inspection;
    const copy = await insertInspection(tx, {
      ...fields,
      status: 'draft',
      ...freshDraft(ctx, now, id, reason),
    });
    await copyResults(tx, id, copy.id);
    await copyFindings(tx, id, copy.id, now);
    const view = await inspectionView(tx, copy.id);
    await audit(tx, ctx, { action: 'inspection.revise', entity: 'inspection', entityId: copy.id, after: { revisionOfId: id, reason } });
    return view;
  });
}
