import type { EntityManager } from 'typeorm';
import type { Consignment } from '../../../entities/consignment';
import type {
  DisclosureClass,
  ExternalSourceKind,
  FindingKind,
  FindingStatus,
  InspectionFinding,
  InspectionStatus,
} from '../../../entities/inspection';
import type { RequestContext } from '../../context';
import { followUpOverdue, isOpenFinding } from '../../../domain/inspection-findings';
import { notFound } from '../../../domain/errors';
import { CriterionFigures, judgeCriterion } from '../../../domain/inspection-criteria';
import { DISCLOSURE_KO, FINDING_KIND_KO, FINDING_STATUS_KO, STATUS_KO } from '../../../domain/inspection-labels';
import { assertCanReadInspections, mayReadInspections } from '../../access/inspection-access';
import { consignmentById } from '../../store/consignments/consignment-ref';
import { inspectionById, inspectionByIdOrFail, inspectionsWhere } from '../../store/inspections/inspections';
import { operatorNameOn } from '../../store/consignments/contract-terms';
import { findFinding, findingsOf } from '../../store/inspections/findings';
import { resultsOf } from '../../store/inspections/results';
import { itemsOfVersion } from '../../store/inspections/templates';
import { itemsOf, TemplateVersionView, templateVersionView } from './templates';

export interface FindingView {
  id: number;
  originId: number;
  seq: number;
  kind: FindingKind;
  kindKo: string;
  itemCode: string | null;
  title: string;
  detail: string | null;
  requiredAction: string;
  dueDate: string | null;
  status: FindingStatus;
  statusKo: string;
  actionReportedOn: string | null;
  actionReportedByName: string | null;
  actionReport: string | null;
  verifiedOn: string | null;
  verifiedByName: string | null;
  verificationNote: string | null;
  /** the 조치 결과's attachment (GET /api/findings/:id/attachment) */
  attachment: { sha256: string; name: string; type: string; size: number } | null;
  reworkRequestedOn: string | null;
  reworkNote: string | null;
  closedOn: string | null;
  closedByName: string | null;
  /** due date passed and not closed (as of today) */
  overdue: boolean;
  repeatOfId: number | null;
  priorSourceKind: ExternalSourceKind | null;
  priorSourceRef: string | null;
  priorSourceDate: string | null;
  justifiedCause: string | null;
}

export interface ItemResultView {
  itemId: number;
  itemCode: string;
  rating: string | null;
  notes: string | null;
  evidence: string[];
  figures: CriterionFigures | null;
  criterionValue: string | null;
  criterionMet: boolean | null;
  criterionText: string | null;
}

export interface InspectionView {
  id: number;
  consignment: { id: number; code: string; name: string; orgUnitId: number };
  operatorName: string | null;
  template: TemplateVersionView;
  fiscalYear: number;
  round: number;
  title: string;
  status: InspectionStatus;
  statusKo: string;
  readOnly: boolean;
  plannedDate: string | null;
  actualDate: string | null;
  postponementReason: string | null;
  inspectors: string;
  periodFrom: string;
  periodTo: string;
  periodNote: string | null;
  method: string | null;
  documentNumber: string | null;
  disclosure: DisclosureClass;
  disclosureKo: string;
  disclosureNote: string | null;
  summary: string | null;
  improvements: string | null;
  actionsTaken: string | null;
  revisionOfId: number | null;
  revisionReason: string | null;
  supersededById: number | null;
  createdById: number | null;
  createdByName: string;
  submittedOn: string | null;
  submittedByName: string | null;
  approvedOn: string | null;
  approvedByName: string | null;
  selfApproved: boolean;
  /** why the filer approved their own inspection (issue 17) */
  selfApprovalReason: string | null;
  results: ItemResultView[];
  findings: FindingView[];
}

/** A finding as every reader sees it; `itemCodes` names the template items (id → code). */
export function findingView(f: InspectionFinding, itemCodes: Map<number, string>): FindingView {
  return {
    id: f.id,
    originId: f.originId ?? f.id,
    seq: f.seq,
    kind: f.kind,
    kindKo: FINDING_KIND_KO[f.kind],
    itemCode: f.templateItemId ? (itemCodes.get(f.templateItemId) ?? null) : null,
    title: f.title,
    detail: f.detail,
    requiredAction: f.requiredAction,
    dueDate: f.dueDate,
    status: f.status,
    statusKo: FINDING_STATUS_KO[f.status],
    actionReportedOn: f.actionReportedOn,
    actionReportedByName: f.actionReportedByName,
    actionReport: f.actionReport,
    verifiedOn: f.verifiedOn,
    verifiedByName: f.verifiedByName,
    verificationNote: f.verificationNote,
    attachment: f.actionAttachmentSha256
      ? {
          sha256: f.actionAttachmentSha256,
          name: f.actionAttachmentName ?? '',
          type: f.actionAttachmentType ?? '',
          size: f.actionAttachmentSize ?? 0,
        }
      : null,
    reworkRequestedOn: f.reworkRequestedOn,
    reworkNote: f.reworkNote,
    closedOn: f.closedOn,
    closedByName: f.closedByName,
    overdue: followUpOverdue(f, new Date().toISOString().slice(0, 10)).overdue,
    repeatOfId: f.repeatOfId,
    priorSourceKind: f.priorSourceKind,
    priorSourceRef: f.priorSourceRef,
    priorSourceDate: f.priorSourceDate,
    justifiedCause: f.justifiedCause,
  };
}

/** id → code of the items of a template version. */
export async function itemCodesOfVersion(em: EntityManager, versionId: number): Promise<Map<number, string>> {
  return new Map((await itemsOfVersion(em, versionId)).map((it) => [it.id, it.code]));
}

/** The full inspection as filed: header, the template version it was filed with, item results, findings. No access check. */
export async function inspectionView(em: EntityManager, id: number): Promise<InspectionView> {
  const i = await inspectionById(em, id);
  const c = await consignmentById(em, i.consignmentId);
  const template = await templateVersionView(em, i.templateVersionId);
  const items = itemsOf(template);
  const codes = new Map(items.map((it) => [it.id, it.code]));
  const results = await resultsOf(em, id);
  const byItem = new Map(results.map((r) => [r.templateItemId, r]));
  const findings = await findingsOf(em, id);
  return {
    id: i.id,
    consignment: { id: c.id, code: c.code, name: c.name, orgUnitId: c.orgUnitId },
    operatorName: await operatorNameOn(em, c.id, i.periodTo),
    template,
    fiscalYear: i.fiscalYear,
    round: i.round,
    title: i.title,
    status: i.status,
    statusKo: STATUS_KO[i.status] + (i.supersededById ? ' (정정됨)' : ''),
    readOnly: i.status === 'approved',
    plannedDate: i.plannedDate,
    actualDate: i.actualDate,
    postponementReason: i.postponementReason,
    inspectors: i.inspectors,
    periodFrom: i.periodFrom,
    periodTo: i.periodTo,
    periodNote: i.periodNote,
    method: i.method,
    documentNumber: i.documentNumber,
    disclosure: i.disclosure,
    disclosureKo: DISCLOSURE_KO[i.disclosure],
    disclosureNote: i.disclosureNote,
    summary: i.summary,
    improvements: i.improvements,
    actionsTaken: i.actionsTaken,
    revisionOfId: i.revisionOfId,
    revisionReason: i.revisionReason,
    supersededById: i.supersededById,
    createdById: i.createdById,
    createdByName: i.createdByName,
    submittedOn: i.submittedOn,
    submittedByName: i.submittedByName,
    approvedOn: i.approvedOn,
    approvedByName: i.approvedByName,
    selfApproved: i.selfApproved,
    selfApprovalReason: i.selfApprovalReason,
    results: items.map((it) => {
      const r = byItem.get(it.id);
      const figures = r?.figures ? (JSON.parse(r.figures) as CriterionFigures) : null;
      return {
        itemId: it.id,
        itemCode: it.code,
        rating: r?.rating ?? null,
        notes: r?.notes ?? null,
        evidence: r?.evidence ? (JSON.parse(r.evidence) as string[]) : [],
        figures,
        criterionValue: r?.criterionValue ?? null,
        criterionMet: r?.criterionMet ?? null,
        criterionText: it.criterion && figures ? judgeCriterion(it.criterion, figures).text : null,
      };
    }),
    findings: findings.map((f) => findingView(f, codes)),
  };
}

/** One inspection, for a reader of its consignment. */
export async function getInspection(em: EntityManager, ctx: RequestContext, id: number): Promise<InspectionView> {
  const i = await inspectionById(em, id);
  await assertCanReadInspections(em, ctx, await consignmentById(em, i.consignmentId));
  return inspectionView(em, id);
}

export interface InspectionSummary {
  id: number;
  consignmentId: number;
  consignmentCode: string;
  consignmentName: string;
  fiscalYear: number;
  round: number;
  title: string;
  status: InspectionStatus;
  actualDate: string | null;
  documentNumber: string | null;
  revisionOfId: number | null;
  supersededById: number | null;
  findings: number;
  openFindings: number;
}

/** The inspections of the consignments the actor may read, newest first. */
export async function listInspections(
  em: EntityManager,
  ctx: RequestContext,
  q: { consignmentId?: number; year?: number; status?: InspectionStatus },
): Promise<InspectionSummary[]> {
  const rows = await inspectionsWhere(em, q);
  const consignments = new Map<number, Consignment>();
  const out: InspectionSummary[] = [];
  for (const i of rows) {
    if (!consignments.has(i.consignmentId)) consignments.set(i.consignmentId, await consignmentById(em, i.consignmentId));
    const c = consignments.get(i.consignmentId)!;
    if (!(await mayReadInspections(em, ctx, c))) continue;
    const findings = await findingsOf(em, i.id, false);
    out.push({
      id: i.id,
      consignmentId: c.id,
      consignmentCode: c.code,
      consignmentName: c.name,
      fiscalYear: i.fiscalYear,
      round: i.round,
      title: i.title,
      status: i.status,
      actualDate: i.actualDate,
      documentNumber: i.documentNumber,
      revisionOfId: i.revisionOfId,
      supersededById: i.supersededById,
      findings: findings.length,
      openFindings: findings.filter((f) => isOpenFinding(f.status)).length,
    });
  }
  return out;
}

/** One finding with its follow-up trail and the inspection it belongs to. */
export async function getFinding(
  em: EntityManager,
  ctx: RequestContext,
  findingId: number,
): Promise<FindingView & { inspectionId: number }> {
  const f = await findFinding(em, findingId);
  if (!f) throw notFound(`Finding ${findingId}`, `지적사항 ${findingId}`);
  const i = await inspectionByIdOrFail(em, f.inspectionId);
  await assertCanReadInspections(em, ctx, await consignmentById(em, i.consignmentId));
  return { ...findingView(f, await itemCodesOfVersion(em, i.templateVersionId)), inspectionId: i.id };
}
