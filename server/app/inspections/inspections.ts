import { DataSource, EntityManager, In } from 'typeorm';
import { Consignment } from '../../../entities/consignment';
import { InspectionTemplateItem } from '../../../entities/inspection-template';
import {
  DisclosureClass,
  ExternalSourceKind,
  FindingKind,
  Inspection,
  InspectionFinding,
  InspectionItemResult,
  InspectionStatus,
} from '../../../entities/inspection';
import { User } from '../../../entities/user';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors';
import { CriterionFigureError, CriterionFigures, judgeCriterion } from '../../../domain/inspection-criteria';
import { RequestContext } from '../../context';
import { lockRow, within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { isWithinOwnUnit, unitsWithin } from '../../access/scope';
import { assertCanFileInspections, assertCanReadInspections, mayRead } from './access';
import { itemsOf, resolveTemplateVersion, TemplateVersionView, templateVersionView } from './templates';
import { resolveConsignment, consignmentById } from '../../store/consignments/consignment-ref';

const today = () => new Date().toISOString().slice(0, 10);

export const STATUS_KO: Record<InspectionStatus, string> = { draft: '작성 중', submitted: '제출', approved: '승인' };
export const DISCLOSURE_KO: Record<DisclosureClass, string> = { public: '공개', partial: '부분공개', private: '비공개' };
export const FINDING_KIND_KO: Record<FindingKind, string> = {
  correction: '시정',
  caution: '주의',
  improvement: '개선',
  recommendation: '권고',
};
export const FINDING_STATUS_KO: Record<InspectionFinding['status'], string> = {
  open: '조치 전',
  action_reported: '조치 보고',
  verified: '확인 완료',
};
export const SOURCE_KIND_KO: Record<ExternalSourceKind, string> = { evaluation: '종합성과평가', audit: '감사', inspection: '지도점검' };

// ---- inputs ---------------------------------------------------------------------------------

export interface ItemResultInput {
  itemCode: string;
  rating?: string | null;
  notes?: string | null;
  evidence?: string[];
  figures?: CriterionFigures | null;
}

export interface FindingInput {
  kind: FindingKind;
  itemCode?: string | null;
  title: string;
  detail?: string | null;
  requiredAction: string;
  dueDate?: string | null;
  /** id of the same finding in an earlier inspection of this consignment */
  repeatOfFindingId?: number | null;
  priorSourceKind?: ExternalSourceKind | null;
  priorSourceRef?: string | null;
  priorSourceDate?: string | null;
  justifiedCause?: string | null;
}

export interface InspectionFields {
  fiscalYear?: number;
  round?: number;
  title?: string;
  plannedDate?: string | null;
  actualDate?: string | null;
  postponementReason?: string | null;
  inspectors?: string;
  periodFrom?: string;
  periodTo?: string;
  periodNote?: string | null;
  method?: string | null;
  documentNumber?: string | null;
  disclosure?: DisclosureClass;
  disclosureNote?: string | null;
  summary?: string | null;
  improvements?: string | null;
  actionsTaken?: string | null;
}

export interface NewInspectionInput extends InspectionFields {
  consignmentId?: number;
  consignmentCode?: string;
  templateVersionId?: number;
  templateCode?: string;
  fiscalYear: number;
  inspectors: string;
  periodFrom: string;
  periodTo: string;
  results?: ItemResultInput[];
  findings?: FindingInput[];
}

export interface InspectionPatch extends InspectionFields {
  results?: ItemResultInput[];
}

// ---- views ----------------------------------------------------------------------------------

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
  status: InspectionFinding['status'];
  statusKo: string;
  actionReportedOn: string | null;
  actionReportedByName: string | null;
  actionReport: string | null;
  verifiedOn: string | null;
  verifiedByName: string | null;
  verificationNote: string | null;
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
  createdByName: string;
  submittedOn: string | null;
  submittedByName: string | null;
  approvedOn: string | null;
  approvedByName: string | null;
  selfApproved: boolean;
  results: ItemResultView[];
  findings: FindingView[];
}

function findingView(f: InspectionFinding, itemCodes: Map<number, string>): FindingView {
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
    repeatOfId: f.repeatOfId,
    priorSourceKind: f.priorSourceKind,
    priorSourceRef: f.priorSourceRef,
    priorSourceDate: f.priorSourceDate,
    justifiedCause: f.justifiedCause,
  };
}

async function operatorNameFor(em: EntityManager, consignmentId: number, onDate: string): Promise<string | null> {
  const rows = (await em.query(
    'SELECT o.name AS name, t.start_date AS start_date FROM contract_terms t JOIN operators o ON o.id = t.operator_id WHERE t.consignment_id = ? AND t.start_date <= ? ORDER BY t.start_date DESC',
    [consignmentId, onDate],
  )) as { name: string }[];
  if (rows.length) return rows[0].name;
  const any = (await em.query(
    'SELECT o.name AS name FROM contract_terms t JOIN operators o ON o.id = t.operator_id WHERE t.consignment_id = ? ORDER BY t.start_date DESC',
    [consignmentId],
  )) as { name: string }[];
  return any[0]?.name ?? null;
}

/** The full inspection as filed: header, the template version it was filed with, item results, findings. No access check. */
export async function inspectionView(em: EntityManager, id: number): Promise<InspectionView> {
  const i = await em.getRepository(Inspection).findOneBy({ id });
  if (!i) throw notFound(`Inspection ${id}`, `지도점검 ${id}`);
  const c = await consignmentById(em, i.consignmentId);
  const template = await templateVersionView(em, i.templateVersionId);
  const items = itemsOf(template);
  const codes = new Map(items.map((it) => [it.id, it.code]));
  const results = await em.getRepository(InspectionItemResult).find({ where: { inspectionId: id } });
  const byItem = new Map(results.map((r) => [r.templateItemId, r]));
  const findings = await em.getRepository(InspectionFinding).find({ where: { inspectionId: id }, order: { seq: 'ASC' } });
  return {
    id: i.id,
    consignment: { id: c.id, code: c.code, name: c.name, orgUnitId: c.orgUnitId },
    operatorName: await operatorNameFor(em, c.id, i.periodTo),
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
    createdByName: i.createdByName,
    submittedOn: i.submittedOn,
    submittedByName: i.submittedByName,
    approvedOn: i.approvedOn,
    approvedByName: i.approvedByName,
    selfApproved: i.selfApproved,
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

export async function getInspection(em: EntityManager, ctx: RequestContext, id: number): Promise<InspectionView> {
  const i = await em.getRepository(Inspection).findOneBy({ id });
  if (!i) throw notFound(`Inspection ${id}`, `지도점검 ${id}`);
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

export async function listInspections(
  em: EntityManager,
  ctx: RequestContext,
  q: { consignmentId?: number; year?: number; status?: InspectionStatus },
): Promise<InspectionSummary[]> {
  const where: Record<string, unknown> = {};
  if (q.consignmentId) where.consignmentId = q.consignmentId;
  if (q.year) where.fiscalYear = q.year;
  if (q.status) where.status = q.status;
  const rows = await em.getRepository(Inspection).find({ where, order: { fiscalYear: 'DESC', round: 'DESC', id: 'DESC' } });
  const consignments = new Map<number, Consignment>();
  const out: InspectionSummary[] = [];
  for (const i of rows) {
    if (!consignments.has(i.consignmentId)) consignments.set(i.consignmentId, await consignmentById(em, i.consignmentId));
    const c = consignments.get(i.consignmentId)!;
    if (!(await mayRead(em, ctx, c))) continue;
    const findings = await em.getRepository(InspectionFinding).find({ where: { inspectionId: i.id } });
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
      openFindings: findings.filter((f) => f.status !== 'verified').length,
    });
  }
  return out;
}

// ---- writing --------------------------------------------------------------------------------

function checkDates(i: Pick<Inspection, 'periodFrom' | 'periodTo' | 'plannedDate' | 'actualDate' | 'postponementReason'>): void {
  if (i.periodTo < i.periodFrom)
    throw invalid('periodTo', 'afterPeriodFrom', 'periodTo is before periodFrom', '대상기간의 종료일이 시작일보다 앞섭니다');
  if (i.plannedDate && i.actualDate && i.actualDate > i.plannedDate && !i.postponementReason?.trim()) {
    throw invalid(
      'postponementReason',
      'postponementReason',
      'an inspection held after its planned date needs the reason for the postponement',
      '예정일보다 늦게 점검한 경우 연기 사유를 적어야 합니다',
    );
  }
}

async function applyResults(tx: EntityManager, inspection: Inspection, results: ItemResultInput[]): Promise<void> {
  const items = await tx.getRepository(InspectionTemplateItem).find({ where: { versionId: inspection.templateVersionId } });
  const byCode = new Map(items.map((it) => [it.code, it]));
  for (const [k, r] of results.entries()) {
    const field = `results[${k}]`;
    const item = byCode.get(r.itemCode);
    if (!item)
      throw invalid(
        `${field}.itemCode`,
        'templateItem',
        `item ${r.itemCode} is not in the template version this inspection was filed with`,
        `항목 ${r.itemCode}은(는) 이 점검의 점검표 버전에 없습니다`,
      );
    const scale = JSON.parse(item.ratingScale) as string[];
    const row =
      (await tx.getRepository(InspectionItemResult).findOneBy({ inspectionId: inspection.id, templateItemId: item.id })) ??
      tx.getRepository(InspectionItemResult).create({
        inspectionId: inspection.id,
        templateItemId: item.id,
        rating: null,
        notes: null,
        evidence: null,
        figures: null,
        criterionValue: null,
        criterionMet: null,
      });
    if (r.notes !== undefined) row.notes = r.notes;
    if (r.evidence !== undefined) row.evidence = r.evidence.length ? JSON.stringify(r.evidence) : null;
    if (r.figures !== undefined) row.figures = r.figures ? JSON.stringify(r.figures) : null;
    if (r.rating !== undefined) row.rating = r.rating;
    if (row.rating !== null && !scale.includes(row.rating)) {
      throw invalid(
        `${field}.rating`,
        'ratingScale',
        `rating must be one of ${scale.join(', ')}`,
        `평가는 ${scale.join(' / ')} 중 하나여야 합니다`,
      );
    }
    // measurable criterion: the inspector enters the figures, the system judges
    const criterion = item.criterion ? JSON.parse(item.criterion) : null;
    if (criterion && row.figures) {
      let j;
      try {
        j = judgeCriterion(criterion, JSON.parse(row.figures) as CriterionFigures);
      } catch (err) {
        if (err instanceof CriterionFigureError)
          throw invalid(`${field}.figures.${err.field}`, 'criterionFigure', err.message, err.messageKo);
        throw err;
      }
      row.criterionValue = j.value;
      row.criterionMet = j.met;
      if (r.rating === undefined && row.rating === null) row.rating = j.met ? scale[0] : (scale[1] ?? scale[0]);
      if (!j.met && row.rating === scale[0]) {
        throw invalid(
          `${field}.rating`,
          'criterionNotMet',
          `the criterion is not met (${j.text}); the item cannot be rated ${scale[0]}`,
          `측정 기준 미달(${j.text})인 항목은 '${scale[0]}'(으)로 평가할 수 없습니다`,
        );
      }
    } else {
      row.criterionValue = null;
      row.criterionMet = null;
      if (r.figures && !criterion)
        throw invalid(
          `${field}.figures`,
          'noCriterion',
          `item ${r.itemCode} has no measurable criterion`,
          `항목 ${r.itemCode}에는 측정 기준이 없습니다`,
        );
    }
    await tx.save(row);
  }
}

async function addFindingRow(tx: EntityManager, inspection: Inspection, input: FindingInput, field: string): Promise<InspectionFinding> {
  let templateItemId: number | null = null;
  if (input.itemCode) {
    const item = await tx
      .getRepository(InspectionTemplateItem)
      .findOneBy({ versionId: inspection.templateVersionId, code: input.itemCode });
    if (!item)
      throw invalid(
        `${field}.itemCode`,
        'templateItem',
        `item ${input.itemCode} is not in this inspection's template version`,
        `항목 ${input.itemCode}은(는) 이 점검의 점검표 버전에 없습니다`,
      );
    templateItemId = item.id;
  }
  let repeatOfId: number | null = null;
  if (input.repeatOfFindingId) {
    const earlier = await tx.getRepository(InspectionFinding).findOneBy({ id: input.repeatOfFindingId });
    const earlierInspection = earlier ? await tx.getRepository(Inspection).findOneBy({ id: earlier.inspectionId }) : null;
    if (!earlier || !earlierInspection)
      throw invalid(
        `${field}.repeatOfFindingId`,
        'exists',
        `finding ${input.repeatOfFindingId} not found`,
        `지적사항 ${input.repeatOfFindingId}을(를) 찾을 수 없습니다`,
      );
    if (earlierInspection.consignmentId !== inspection.consignmentId) {
      throw invalid(
        `${field}.repeatOfFindingId`,
        'sameConsignment',
        'a repeat finding links to a finding of the same consignment',
        '반복 지적은 같은 위탁사무의 지적사항에만 연결할 수 있습니다',
      );
    }
    const family = await revisionFamily(tx, inspection);
    if (family.has(earlierInspection.id)) {
      throw invalid(
        `${field}.repeatOfFindingId`,
        'earlierInspection',
        'a repeat finding links to a finding of an earlier inspection',
        '반복 지적은 이전 점검의 지적사항에만 연결할 수 있습니다',
      );
    }
    if (earlierInspection.status === 'draft')
      throw invalid(
        `${field}.repeatOfFindingId`,
        'filedInspection',
        'the earlier inspection is still a draft',
        '이전 점검이 아직 작성 중입니다',
      );
    repeatOfId = earlier.originId ?? earlier.id;
  }
  if ((input.priorSourceKind && !input.priorSourceRef) || (!input.priorSourceKind && input.priorSourceRef)) {
    throw invalid(
      `${field}.priorSourceRef`,
      'priorSource',
      'an earlier occurrence outside the inspections needs both its kind and its reference',
      '이전 지적(평가·감사)은 구분과 근거를 함께 적어야 합니다',
    );
  }
  const last = await tx.getRepository(InspectionFinding).findOne({ where: { inspectionId: inspection.id }, order: { seq: 'DESC' } });
  const row = tx.getRepository(InspectionFinding).create({
    inspectionId: inspection.id,
    originId: null,
    seq: (last?.seq ?? 0) + 1,
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
    repeatOfId,
    priorSourceKind: input.priorSourceKind ?? null,
    priorSourceRef: input.priorSourceRef ?? null,
    priorSourceDate: input.priorSourceDate ?? null,
    justifiedCause: input.justifiedCause ?? null,
    createdAt: new Date(),
  });
  await tx.save(row);
  row.originId = row.id;
  await tx.save(row);
  return row;
}

/** The inspection and every revision before or after it. */
async function revisionFamily(tx: EntityManager, inspection: Inspection): Promise<Set<number>> {
  const ids = new Set<number>([inspection.id]);
  let cur: Inspection | null = inspection;
  while (cur?.revisionOfId) {
    ids.add(cur.revisionOfId);
    cur = await tx.getRepository(Inspection).findOneBy({ id: cur.revisionOfId });
  }
  let frontier = [...ids];
  while (frontier.length) {
    const next = await tx.getRepository(Inspection).find({ where: { revisionOfId: In(frontier) } });
    frontier = next.map((n) => n.id).filter((n) => !ids.has(n));
    frontier.forEach((n) => ids.add(n));
  }
  return ids;
}

function assertDraft(i: Inspection): void {
  if (i.status === 'approved') {
    throw conflict(
      'inspection_approved',
      'An approved inspection is read-only; file a revision to correct it',
      '승인된 지도점검은 수정할 수 없습니다. 정정은 새 개정본으로 작성하십시오',
      'status',
      { status: i.status },
    );
  }
  if (i.status !== 'draft') {
    throw conflict(
      'inspection_not_draft',
      `A ${i.status} inspection cannot be edited; return it to draft first`,
      '제출된 지도점검은 수정할 수 없습니다. 먼저 작성 중으로 되돌리십시오',
      'status',
      { status: i.status },
    );
  }
}

async function lockedInspection(
  tx: EntityManager,
  ctx: RequestContext,
  id: number,
): Promise<{ inspection: Inspection; consignment: Consignment }> {
  const inspection = await lockRow(tx, Inspection, id);
  if (!inspection) throw notFound(`Inspection ${id}`, `지도점검 ${id}`);
  const consignment = await consignmentById(tx, inspection.consignmentId);
  await assertCanFileInspections(tx, ctx, consignment);
  return { inspection, consignment };
}

/** Files a new inspection (a draft) against a template version; every item of that version gets a result row. */
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
    const row = tx.getRepository(Inspection).create({
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
      revisionOfId: null,
      revisionReason: null,
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
    });
    checkDates(row);
    await tx.save(row);
    const items = await tx.getRepository(InspectionTemplateItem).find({ where: { versionId: version.id } });
    for (const it of items) {
      await tx.insert(InspectionItemResult, {
        inspectionId: row.id,
        templateItemId: it.id,
        rating: null,
        notes: null,
        evidence: null,
        figures: null,
        criterionValue: null,
        criterionMet: null,
      });
    }
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
    assertDraft(inspection);
    const before = await inspectionView(tx, id);
    const changes: Partial<Inspection> = {};
    for (const k of FIELD_KEYS) if (patch[k] !== undefined) (changes as Record<string, unknown>)[k] = patch[k];
    Object.assign(inspection, changes, { updatedAt: new Date() });
    checkDates(inspection);
    await tx.save(inspection);
    if (patch.results?.length) await applyResults(tx, inspection, patch.results);
    const after = await inspectionView(tx, id);
    await audit(tx, ctx, { action: 'inspection.update', entity: 'inspection', entityId: id, before, after });
    return after;
  });
}

export async function addFinding(
  ds: DataSource,
  ctx: RequestContext,
  inspectionId: number,
  input: FindingInput,
  em?: EntityManager,
): Promise<FindingView> {
  return within(ds, em, async (tx) => {
    const { inspection } = await lockedInspection(tx, ctx, inspectionId);
    assertDraft(inspection);
    const row = await addFindingRow(tx, inspection, input, 'body');
    const codes = new Map(
      (await tx.getRepository(InspectionTemplateItem).find({ where: { versionId: inspection.templateVersionId } })).map((it) => [
        it.id,
        it.code,
      ]),
    );
    const view = findingView(row, codes);
    await audit(tx, ctx, { action: 'inspection_finding.create', entity: 'inspection_finding', entityId: row.id, after: view });
    return view;
  });
}

export async function removeFinding(ds: DataSource, ctx: RequestContext, findingId: number, em?: EntityManager): Promise<void> {
  return within(ds, em, async (tx) => {
    const f = await tx.getRepository(InspectionFinding).findOneBy({ id: findingId });
    if (!f) throw notFound(`Finding ${findingId}`, `지적사항 ${findingId}`);
    const { inspection } = await lockedInspection(tx, ctx, f.inspectionId);
    assertDraft(inspection);
    const later = await tx.getRepository(InspectionFinding).count({ where: { repeatOfId: f.originId ?? f.id } });
    if (later)
      throw conflict(
        'finding_linked',
        'A later finding links to this one as a repeat',
        '이후 점검의 반복 지적이 이 지적사항에 연결되어 있습니다',
        'id',
      );
    await tx.delete(InspectionFinding, { id: findingId });
    await audit(tx, ctx, { action: 'inspection_finding.delete', entity: 'inspection_finding', entityId: findingId, before: f });
  });
}

export async function submitInspection(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  on?: string,
  em?: EntityManager,
): Promise<InspectionView> {
  return within(ds, em, async (tx) => {
    const { inspection } = await lockedInspection(tx, ctx, id);
    assertDraft(inspection);
    const results = await tx.getRepository(InspectionItemResult).find({ where: { inspectionId: id } });
    const missing = results.filter((r) => r.rating === null).length;
    if (missing) {
      throw conflict(
        'unrated_items',
        `${missing} checklist item(s) have no rating`,
        `평가하지 않은 점검 항목이 ${missing}개 있습니다`,
        'results',
        { unrated: missing },
      );
    }
    if (!inspection.actualDate)
      throw invalid(
        'actualDate',
        'required',
        'an inspection is submitted once it was held (actualDate)',
        '점검일(actualDate)을 입력한 뒤 제출하십시오',
      );
    Object.assign(inspection, {
      status: 'submitted',
      submittedOn: on ?? today(),
      submittedById: ctx.actor.id,
      submittedByName: ctx.actor.name,
      updatedAt: new Date(),
    });
    await tx.save(inspection);
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
    if (inspection.status !== 'submitted')
      throw conflict(
        'inspection_not_submitted',
        'Only a submitted inspection can be returned',
        '제출된 지도점검만 되돌릴 수 있습니다',
        'status',
        { status: inspection.status },
      );
    Object.assign(inspection, { status: 'draft', submittedOn: null, submittedById: null, submittedByName: null, updatedAt: new Date() });
    await tx.save(inspection);
    await audit(tx, ctx, { action: 'inspection.return', entity: 'inspection', entityId: id, after: { status: 'draft', reason } });
    return inspectionView(tx, id);
  });
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
  on?: string,
  em?: EntityManager,
): Promise<InspectionView> {
  return within(ds, em, async (tx) => {
    const { inspection, consignment } = await lockedInspection(tx, ctx, id);
    if (inspection.status !== 'submitted') {
      throw conflict(
        inspection.status === 'approved' ? 'inspection_approved' : 'inspection_not_submitted',
        'Only a submitted inspection can be approved',
        '제출된 지도점검만 승인할 수 있습니다',
        'status',
        { status: inspection.status },
      );
    }
    let selfApproved = false;
    if (ctx.actor.role !== 'system' && ctx.actor.id !== null && ctx.actor.id === inspection.createdById) {
      const inspectors = await tx.getRepository(User).find({ where: { role: 'inspector', active: true } });
      let others = 0;
      for (const u of inspectors)
        if (u.id !== ctx.actor.id && u.orgUnitId !== null && (await isWithinOwnUnit(tx, u.orgUnitId, consignment.orgUnitId))) others++;
      if (others > 0)
        throw forbidden(
          'Another inspector of the department must approve an inspection you filed',
          '본인이 작성한 지도점검은 같은 부서의 다른 점검 담당자가 승인해야 합니다',
        );
      selfApproved = true;
    }
    const approvedOn = on ?? today();
    Object.assign(inspection, {
      status: 'approved',
      approvedOn,
      approvedById: ctx.actor.id,
      approvedByName: ctx.actor.name,
      selfApproved,
      updatedAt: new Date(),
    });
    await tx.save(inspection);
    if (inspection.revisionOfId) {
      const original = await lockRow(tx, Inspection, inspection.revisionOfId);
      if (original) {
        // follow-up recorded on the original while the revision was drafted carries over
        const olds = await tx.getRepository(InspectionFinding).find({ where: { inspectionId: original.id } });
        const news = await tx.getRepository(InspectionFinding).find({ where: { inspectionId: inspection.id } });
        const rank = { open: 0, action_reported: 1, verified: 2 } as const;
        for (const n of news) {
          const o = olds.find((x) => (x.originId ?? x.id) === n.originId);
          if (o && rank[o.status] > rank[n.status]) {
            Object.assign(n, pickFollowUp(o));
            await tx.save(n);
          }
        }
        original.supersededById = inspection.id;
        await tx.save(original);
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
      after: { status: 'approved', approvedOn, selfApproved },
    });
    return inspectionView(tx, id);
  });
}

function pickFollowUp(f: InspectionFinding): Partial<InspectionFinding> {
  return {
    status: f.status,
    actionReportedOn: f.actionReportedOn,
    actionReportedById: f.actionReportedById,
    actionReportedByName: f.actionReportedByName,
    actionReport: f.actionReport,
    verifiedOn: f.verifiedOn,
    verifiedById: f.verifiedById,
    verifiedByName: f.verifiedByName,
    verificationNote: f.verificationNote,
  };
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
    if (inspection.status !== 'approved')
      throw conflict(
        'inspection_not_approved',
        'Only an approved inspection is corrected by a revision; edit the draft instead',
        '승인된 지도점검만 개정본으로 정정합니다. 작성 중인 점검은 직접 수정하십시오',
        'status',
        { status: inspection.status },
      );
    if (inspection.supersededById)
      throw conflict(
        'inspection_superseded',
        'This inspection was already corrected; revise the latest revision',
        '이미 정정된 지도점검입니다. 최신 개정본을 정정하십시오',
        'id',
        { supersededById: inspection.supersededById },
      );
    const pending = await tx.getRepository(Inspection).findOne({ where: { revisionOfId: id } });
    if (pending)
      throw conflict(
        'revision_pending',
        'A revision of this inspection is already in progress',
        '이 지도점검의 개정본이 이미 작성 중입니다',
        'id',
        { revisionId: pending.id },
      );
    const now = new Date();
    const { id: _id, ...fields } = inspection;
    const copy = tx.getRepository(Inspection).create({
      ...fields,
      status: 'draft',
      revisionOfId: id,
      revisionReason: reason,
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
    });
    await tx.save(copy);
    for (const r of await tx.getRepository(InspectionItemResult).find({ where: { inspectionId: id } })) {
      const { id: _r, ...rest } = r;
      await tx.insert(InspectionItemResult, { ...rest, inspectionId: copy.id });
    }
    for (const f of await tx.getRepository(InspectionFinding).find({ where: { inspectionId: id } })) {
      const { id: _f, ...rest } = f;
      await tx.insert(InspectionFinding, { ...rest, originId: f.originId ?? f.id, inspectionId: copy.id, createdAt: now });
    }
    const view = await inspectionView(tx, copy.id);
    await audit(tx, ctx, { action: 'inspection.revise', entity: 'inspection', entityId: copy.id, after: { revisionOfId: id, reason } });
    return view;
  });
}

// ---- follow-up of findings ---------------------------------------------------------------------

async function lockedFinding(
  tx: EntityManager,
  ctx: RequestContext,
  findingId: number,
): Promise<{ finding: InspectionFinding; inspection: Inspection }> {
  const finding = await lockRow(tx, InspectionFinding, findingId);
  if (!finding) throw notFound(`Finding ${findingId}`, `지적사항 ${findingId}`);
  const inspection = await tx.getRepository(Inspection).findOneByOrFail({ id: finding.inspectionId });
  await assertCanFileInspections(tx, ctx, await consignmentById(tx, inspection.consignmentId));
  if (inspection.status !== 'approved') {
    throw conflict(
      'inspection_not_approved',
      'Findings are followed up once their inspection is approved',
      '지적사항 조치는 지도점검이 승인된 뒤에 기록합니다',
      'status',
      { status: inspection.status },
    );
  }
  if (inspection.supersededById) {
    throw conflict(
      'inspection_superseded',
      'Follow up the finding on the inspection that corrected this one',
      '정정된 지도점검의 지적사항은 개정본에서 조치하십시오',
      'id',
      { supersededById: inspection.supersededById },
    );
  }
  return { finding, inspection };
}

/**
 * open → action_reported: the operator's corrective action as reported (dated, attributed). Follow-up
 * is not an edit of the (read-only) approved inspection: it is the finding's own dated trail.
 */
export async function reportFindingAction(
  ds: DataSource,
  ctx: RequestContext,
  findingId: number,
  input: { reportedOn: string; actionReport: string },
  em?: EntityManager,
): Promise<FindingView> {
  return within(ds, em, async (tx) => {
    const { finding, inspection } = await lockedFinding(tx, ctx, findingId);
    if (finding.status !== 'open')
      throw conflict(
        'finding_not_open',
        `The finding is ${finding.status}`,
        `조치 전 상태의 지적사항만 조치 보고를 기록할 수 있습니다 (현재: ${FINDING_STATUS_KO[finding.status]})`,
        'status',
        { status: finding.status },
      );
    if (inspection.actualDate && input.reportedOn < inspection.actualDate)
      throw invalid(
        'reportedOn',
        'afterInspection',
        'the action is reported after the inspection',
        '조치 보고일이 점검일보다 앞설 수 없습니다',
      );
    Object.assign(finding, {
      status: 'action_reported',
      actionReportedOn: input.reportedOn,
      actionReport: input.actionReport,
      actionReportedById: ctx.actor.id,
      actionReportedByName: ctx.actor.name,
    });
    await tx.save(finding);
    await audit(tx, ctx, {
      action: 'inspection_finding.action_reported',
      entity: 'inspection_finding',
      entityId: findingId,
      after: { status: finding.status, actionReportedOn: input.reportedOn, actionReport: input.actionReport },
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
    if (finding.status !== 'action_reported')
      throw conflict(
        'finding_not_reported',
        `The finding is ${finding.status}`,
        `조치 보고된 지적사항만 확인할 수 있습니다 (현재: ${FINDING_STATUS_KO[finding.status]})`,
        'status',
        { status: finding.status },
      );
    if (finding.actionReportedOn && input.verifiedOn < finding.actionReportedOn)
      throw invalid('verifiedOn', 'afterReport', 'verification comes after the action report', '확인일이 조치 보고일보다 앞설 수 없습니다');
    Object.assign(finding, {
      status: 'verified',
      verifiedOn: input.verifiedOn,
      verificationNote: input.note ?? null,
      verifiedById: ctx.actor.id,
      verifiedByName: ctx.actor.name,
    });
    await tx.save(finding);
    await audit(tx, ctx, {
      action: 'inspection_finding.verified',
      entity: 'inspection_finding',
      entityId: findingId,
      after: { status: finding.status, verifiedOn: input.verifiedOn },
    });
    return findingView(finding, new Map());
  });
}

export async function getFinding(
  em: EntityManager,
  ctx: RequestContext,
  findingId: number,
): Promise<FindingView & { inspectionId: number }> {
  const f = await em.getRepository(InspectionFinding).findOneBy({ id: findingId });
  if (!f) throw notFound(`Finding ${findingId}`, `지적사항 ${findingId}`);
  const i = await em.getRepository(Inspection).findOneByOrFail({ id: f.inspectionId });
  await assertCanReadInspections(em, ctx, await consignmentById(em, i.consignmentId));
  const codes = new Map(
    (await em.getRepository(InspectionTemplateItem).find({ where: { versionId: i.templateVersionId } })).map((it) => [it.id, it.code]),
  );
  return { ...findingView(f, codes), inspectionId: i.id };
}

// ---- repeat findings ----------------------------------------------------------------------------

export interface RepeatFindingChain {
  /** stable key: "finding:<origin id of the earliest finding in the chain>" */
  key: string;
  /** title of the latest occurrence */
  title: string;
  /**
   * how many times the same finding was found uncorrected without cause: every occurrence in an
   * effective inspection (approved and not superseded) without a justifiedCause, plus each distinct
   * earlier occurrence in an evaluation or audit named by priorSourceKind/priorSourceRef
   */
  uncorrectedCount: number;
  /** all occurrences in inspections, justified or not */
  occurrences: number;
  /** ids of the findings (in effective inspections), oldest inspection first */
  findingIds: number[];
  inspectionIds: number[];
  externalSources: { kind: ExternalSourceKind; ref: string; date: string | null }[];
  /** status of the latest occurrence */
  latestStatus: InspectionFinding['status'];
  latestDueDate: string | null;
}

/**
 * Chains of repeat findings of a consignment (for renewal rule ③, domain.md §8: the same finding from
 * inspections, evaluations or audits left uncorrected 3 times or more without cause). Only effective
 * inspections count: approved and not superseded by an approved revision; drafts and submitted
 * inspections do not. Every finding is in exactly one chain (a chain of one when never repeated).
 * With asOf, only inspections approved on or before that day count.
 */
export async function repeatFindingChains(em: EntityManager, consignmentId: number, asOf?: string): Promise<RepeatFindingChain[]> {
  const inspections = (await em.getRepository(Inspection).find({ where: { consignmentId, status: 'approved' } })).filter(
    (i) => !asOf || (i.approvedOn ?? '') <= asOf,
  );
  const approvedIds = new Set(inspections.map((i) => i.id));
  // as of a date, an inspection is superseded only when its correcting revision was approved by then
  const effective = inspections.filter((i) => i.supersededById === null || !approvedIds.has(i.supersededById));
  if (!effective.length) return [];
  const inspById = new Map(effective.map((i) => [i.id, i]));
  const findings = await em.getRepository(InspectionFinding).find({ where: { inspectionId: In([...inspById.keys()]) } });
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  for (const f of findings) {
    const o = f.originId ?? f.id;
    if (!parent.has(o)) parent.set(o, o);
    if (f.repeatOfId) {
      if (!parent.has(f.repeatOfId)) parent.set(f.repeatOfId, f.repeatOfId);
      union(o, f.repeatOfId);
    }
  }
  const groups = new Map<number, InspectionFinding[]>();
  for (const f of findings) {
    const root = find(f.originId ?? f.id);
    groups.set(root, [...(groups.get(root) ?? []), f]);
  }
  const when = (f: InspectionFinding) => {
    const i = inspById.get(f.inspectionId)!;
    return `${i.actualDate ?? i.periodTo}#${String(i.id).padStart(10, '0')}#${String(f.seq).padStart(4, '0')}`;
  };
  const chains: RepeatFindingChain[] = [];
  for (const [root, fs] of groups) {
    fs.sort((a, b) => when(a).localeCompare(when(b)));
    const external = new Map<string, { kind: ExternalSourceKind; ref: string; date: string | null }>();
    for (const f of fs)
      if (f.priorSourceKind && f.priorSourceRef)
        external.set(`${f.priorSourceKind}|${f.priorSourceRef.trim()}`, {
          kind: f.priorSourceKind,
          ref: f.priorSourceRef,
          date: f.priorSourceDate,
        });
    const latest = fs[fs.length - 1];
    chains.push({
      key: `finding:${root}`,
      title: latest.title,
      uncorrectedCount: fs.filter((f) => !f.justifiedCause?.trim()).length + external.size,
      occurrences: fs.length,
      findingIds: fs.map((f) => f.id),
      inspectionIds: [...new Set(fs.map((f) => f.inspectionId))],
      externalSources: [...external.values()],
      latestStatus: latest.status,
      latestDueDate: latest.dueDate,
    });
  }
  return chains.sort((a, b) => b.uncorrectedCount - a.uncorrectedCount || a.key.localeCompare(b.key));
}

/** The chain a finding belongs to (its repeat count), for views and reports. */
export async function repeatCountsByFinding(em: EntityManager, consignmentId: number): Promise<Map<number, RepeatFindingChain>> {
  const map = new Map<number, RepeatFindingChain>();
  for (const chain of await repeatFindingChains(em, consignmentId)) for (const id of chain.findingIds) map.set(id, chain);
  return map;
}

export async function repeatChainsFor(em: EntityManager, ctx: RequestContext, consignmentId: number): Promise<RepeatFindingChain[]> {
  await assertCanReadInspections(em, ctx, await consignmentById(em, consignmentId));
  return repeatFindingChains(em, consignmentId);
}

// ---- findings register ----------------------------------------------------------------------------

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
  status: InspectionFinding['status'];
  overdue: boolean;
  daysOverdue: number | null;
  uncorrectedCount: number;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Open findings (not yet verified) of effective inspections across the consignments the actor may
 * read, overdue ones first (most overdue first), then by due date.
 */
export async function findingsRegister(
  em: EntityManager,
  ctx: RequestContext,
  q: { asOf?: string; year?: number; orgUnitId?: number; consignmentId?: number },
): Promise<RegisterEntry[]> {
  const asOf = q.asOf ?? today();
  const where: Record<string, unknown> = { status: 'approved' };
  if (q.consignmentId) where.consignmentId = q.consignmentId;
  if (q.year) where.fiscalYear = q.year;
  const inspections = (await em.getRepository(Inspection).find({ where })).filter((i) => i.supersededById === null);
  const out: RegisterEntry[] = [];
  const chainsByConsignment = new Map<number, Map<number, RepeatFindingChain>>();
  const inOrg = q.orgUnitId ? await unitsWithin(em, q.orgUnitId) : null;
  for (const i of inspections) {
    const c = await consignmentById(em, i.consignmentId);
    if (!(await mayRead(em, ctx, c))) continue;
    if (inOrg && !inOrg.has(c.orgUnitId)) continue;
    if (!chainsByConsignment.has(c.id)) chainsByConsignment.set(c.id, await repeatCountsByFinding(em, c.id));
    const chains = chainsByConsignment.get(c.id)!;
    const findings = await em.getRepository(InspectionFinding).find({ where: { inspectionId: i.id }, order: { seq: 'ASC' } });
    for (const f of findings) {
      if (f.status === 'verified') continue;
      const overdue = f.dueDate !== null && f.dueDate < asOf;
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
        overdue,
        daysOverdue: overdue ? daysBetween(f.dueDate!, asOf) : null,
        uncorrectedCount: chains.get(f.id)?.uncorrectedCount ?? 1,
      });
    }
  }
  return out.sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    const da = a.dueDate ?? '9999-12-31';
    const db = b.dueDate ?? '9999-12-31';
    return da.localeCompare(db) || a.consignmentCode.localeCompare(b.consignmentCode) || a.findingId - b.findingId;
  });
}
