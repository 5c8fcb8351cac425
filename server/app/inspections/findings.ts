import type { DataSource, EntityManager } from 'typeorm';
import type { Inspection, InspectionFinding } from '../../../entities/inspection';
import { notFound } from '../../../domain/errors';
import { assertDraft, unknownItem } from '../../../domain/inspection';
import {
  assertActionReportable,
  assertFindingRemovable,
  assertPriorSource,
  assertRepeatLink,
  assertReworkNote,
  assertStepDate,
  assertVerifiable,
  attachmentType,
  FindingEdit,
  followUpTransition,
} from '../../../domain/inspection-findings';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { findInspection, revisionFamilyOf } from '../../store/inspections/inspections';
import { countRepeatsOf, deleteFinding, findFinding, insertFinding, lastFindingSeq, saveFinding } from '../../store/inspections/findings';
import { itemOfVersion } from '../../store/inspections/templates';
import { storeAttachment } from '../../store/inspections/attachments';
import { FindingView, findingView, itemCodesOfVersion } from '../../queries/inspections/inspection-view';
import { lockedFinding, lockedInspection } from './locks';
import type { FindingInput } from './requests/inspections';

/** A new finding of a draft inspection: its item, its link to the same finding earlier, its prior source. */
export async function addFindingRow(
  tx: EntityManager,
  inspection: Inspection,
  input: FindingInput,
  field: string,
): Promise<InspectionFinding> {
  let templateItemId: number | null = null;
  if (input.itemCode) {
    const item = await itemOfVersion(tx, inspection.templateVersionId, input.itemCode);
    if (!item) throw unknownItem(field, input.itemCode, 'version');
    templateItemId = item.id;
  }
  let repeatOfId: number | null = null;
  if (input.repeatOfFindingId) {
    const earlier = await findFinding(tx, input.repeatOfFindingId);
    const earlierInspection = earlier ? await findInspection(tx, earlier.inspectionId) : null;
    const linked = earlier && earlierInspection;
    // the family (this inspection and its revisions) is read only once the link is to the same consignment
    const family =
      linked && earlierInspection.consignmentId === inspection.consignmentId ? await revisionFamilyOf(tx, inspection) : new Set<number>();
    assertRepeatLink(
      field,
      input.repeatOfFindingId,
      linked
        ? { consignmentId: earlierInspection.consignmentId, inspectionId: earlierInspection.id, status: earlierInspection.status }
        : null,
      { consignmentId: inspection.consignmentId, revisionFamily: family },
    );
    repeatOfId = earlier!.originId ?? earlier!.id;
  }
  assertPriorSource(field, input.priorSourceKind, input.priorSourceRef);
  return insertFinding(tx, {
    inspectionId: inspection.id,
    seq: (await lastFindingSeq(tx, inspection.id)) + 1,
    kind: input.kind,
    templateItemId,
    title: input.title,
    detail: input.detail ?? null,
    requiredAction: input.requiredAction,
    dueDate: input.dueDate ?? null,
    status: 'open',
    actionReportedOn: null,
    actionReportedById: null,
    actionReportedByName: null,
    actionReport: null,
    verifiedOn: null,
    verifiedById: null,
    verifiedByName: null,
    verificationNote: null,
    actionAttachmentSha256: null,
    actionAttachmentName: null,
    actionAttachmentType: null,
    actionAttachmentSize: null,
    reworkRequestedOn: null,
    reworkRequestedById: null,
    reworkNote: null,
    closedOn: null,
    closedById: null,
    closedByName: null,
    repeatOfId,
    priorSourceKind: input.priorSourceKind ?? null,
    priorSourceRef: input.priorSourceRef ?? null,
    priorSourceDate: input.priorSourceDate ?? null,
    justifiedCause: input.justifiedCause ?? null,
    createdAt: new Date(),
  });
}

/** Adds a finding (지적사항) to a draft inspection. */
export async function addFinding(
  ds: DataSource,
  ctx: RequestContext,
  inspectionId: number,
  input: FindingInput,
  em?: EntityManager,
): Promise<FindingView> {
  return within(ds, em, async (tx) => {
    const { inspection } = await lockedInspection(tx, ctx, inspectionId);
    assertDraft(inspection.status);
    const row = await addFindingRow(tx, inspection, input, 'body');
    const view = findingView(row, await itemCodesOfVersion(tx, inspection.templateVersionId));
    await audit(tx, ctx, { action: 'inspection_finding.create', entity: 'inspection_finding', entityId: row.id, after: view });
    return view;
  });
}

/** Removes a finding from a draft inspection, unless a later finding links to it as a repeat. */
export async function removeFinding(ds: DataSource, ctx: RequestContext, findingId: number, em?: EntityManager): Promise<void> {
  return within(ds, em, async (tx) => {
    const f = await findFinding(tx, findingId);
    if (!f) throw notFound(`Finding ${findingId}`, `지적사항 ${findingId}`);
    const { inspection } = await lockedInspection(tx, ctx, f.inspectionId);
    assertDraft(inspection.status);
    assertFindingRemovable(await countRepeatsOf(tx, f.originId ?? f.id));
    await deleteFinding(tx, findingId);
    await audit(tx, ctx, { action: 'inspection_finding.delete', entity: 'inspection_finding', entityId: findingId, before: f });
  });
}

/** Edits a finding of a draft inspection (kind, title, detail, required action, due date). */
export async function editFinding(
  ds: DataSource,
  ctx: RequestContext,
  findingId: number,
  input: FindingEdit,
  em?: EntityManager,
): Promise<FindingView> {
  return within(ds, em, async (tx) => {
    const f = await findFinding(tx, findingId);
    if (!f) throw notFound(`Finding ${findingId}`, `지적사항 ${findingId}`);
    const { inspection } = await lockedInspection(tx, ctx, f.inspectionId);
    assertDraft(inspection.status);
    const before = { ...f };
    for (const k of ['kind', 'title', 'detail', 'requiredAction', 'dueDate'] as const) {
      if (input[k] !== undefined) (f as unknown as Record<string, unknown>)[k] = input[k];
    }
    await saveFinding(tx, f);
    const view = findingView(f, await itemCodesOfVersion(tx, inspection.templateVersionId));
    await audit(tx, ctx, { action: 'inspection_finding.update', entity: 'inspection_finding', entityId: f.id, before, after: view });
    return view;
  });
}

/** An uploaded file: its bytes and the name it came with. */
export interface Upload {
  buffer: Buffer;
  originalname: string;
}

/**
 * open / needs_more → action_reported: the operator's corrective action as reported (dated,
 * attributed), with an attachment (PDF, PNG or JPEG by content, size-limited) stored outside the
 * database by its SHA-256. Follow-up is not an edit of the (read-only) approved inspection: it is the
 * finding's own dated trail.
 */
export async function reportFindingAction(
  ds: DataSource,
  ctx: RequestContext,
  findingId: number,
  input: { reportedOn: string; actionReport: string },
  file?: Upload | null,
  em?: EntityManager,
): Promise<FindingView> {
  // the file is checked and stored before the transaction: content-addressed, a refused report leaves at most an unreferenced file
  const attachment = file ? { ...attachmentType(file.buffer, file.originalname), size: file.buffer.length, name: file.originalname } : null;
  const sha256 = file ? await storeAttachment(file.buffer) : null;
  return within(ds, em, async (tx) => {
    const { finding, inspection } = await lockedFinding(tx, ctx, findingId);
    assertActionReportable(finding.status, input.reportedOn, inspection.actualDate);
    assertStepDate('reportedOn', input.reportedOn, finding.reworkRequestedOn, '보완 요구일');
    Object.assign(finding, {
      status: 'action_reported',
      actionReportedOn: input.reportedOn,
      actionReport: input.actionReport,
      actionReportedById: ctx.actor.id,
      actionReportedByName: ctx.actor.name,
      ...(attachment
        ? {
            actionAttachmentSha256: sha256,
            actionAttachmentName: attachment.name.slice(0, 200),
            actionAttachmentType: attachment.type,
            actionAttachmentSize: attachment.size,
          }
        : {}),
    });
    await saveFinding(tx, finding);
    await audit(tx, ctx, {
      action: 'inspection_finding.action_reported',
      entity: 'inspection_finding',
      entityId: findingId,
      after: {
        status: finding.status,
        actionReportedOn: input.reportedOn,
        actionReport: input.actionReport,
        attachment: attachment ? { sha256, name: attachment.name, type: attachment.type, size: attachment.size } : null,
      },
    });
    return findingView(finding, new Map());
  });
}

/** action_reported → verified: the inspector confirms the correction (dated, attributed). */
export async function verifyFinding(
  ds: DataSource,
  ctx: RequestContext,
  findingId: number,
  input: { verifiedOn: string; note?: string | null },
  em?: EntityManager,
): Promise<FindingView> {
  return within(ds, em, async (tx) => {
    const { finding } = await lockedFinding(tx, ctx, findingId);
    assertVerifiable(finding.status, input.verifiedOn, finding.actionReportedOn);
    Object.assign(finding, {
      status: 'verified',
      verifiedOn: input.verifiedOn,
      verificationNote: input.note ?? null,
      verifiedById: ctx.actor.id,
      verifiedByName: ctx.actor.name,
    });
    await saveFinding(tx, finding);
    await audit(tx, ctx, {
      action: 'inspection_finding.verified',
      entity: 'inspection_finding',
      entityId: findingId,
      after: { status: finding.status, verifiedOn: input.verifiedOn },
    });
    return findingView(finding, new Map());
  });
}

/** action_reported → needs_more (보완 요구): the report is sent back with what it lacks; it is reported again. */
export async function requestMoreOnFinding(
  ds: DataSource,
  ctx: RequestContext,
  findingId: number,
  input: { requestedOn: string; note: string },
  em?: EntityManager,
): Promise<FindingView> {
  return within(ds, em, async (tx) => {
    const { finding } = await lockedFinding(tx, ctx, findingId);
    const status = followUpTransition(finding.status, 'requestMore');
    assertStepDate('requestedOn', input.requestedOn, finding.actionReportedOn, '조치 보고일');
    Object.assign(finding, {
      status,
      reworkRequestedOn: input.requestedOn,
      reworkRequestedById: ctx.actor.id,
      reworkNote: assertReworkNote(input.note),
    });
    await saveFinding(tx, finding);
    await audit(tx, ctx, {
      action: 'inspection_finding.needs_more',
      entity: 'inspection_finding',
      entityId: findingId,
      after: { status, reworkRequestedOn: input.requestedOn, reworkNote: finding.reworkNote },
    });
    return findingView(finding, new Map());
  });
}

/** verified → closed (종결), on or after the verification. */
export async function closeFinding(
  ds: DataSource,
  ctx: RequestContext,
  findingId: number,
  input: { closedOn: string },
  em?: EntityManager,
): Promise<FindingView> {
  return within(ds, em, async (tx) => {
    const { finding } = await lockedFinding(tx, ctx, findingId);
    const status = followUpTransition(finding.status, 'close');
    assertStepDate('closedOn', input.closedOn, finding.verifiedOn, '확인일');
    Object.assign(finding, { status, closedOn: input.closedOn, closedById: ctx.actor.id, closedByName: ctx.actor.name });
    await saveFinding(tx, finding);
    await audit(tx, ctx, {
      action: 'inspection_finding.closed',
      entity: 'inspection_finding',
      entityId: findingId,
      after: { status, closedOn: input.closedOn },
    });
    return findingView(finding, new Map());
  });
}
