/**
 * Findings (지적사항) of an inspection: linking a repeat to an earlier finding, their follow-up
 * (open → action_reported → verified, dated and attributed), and the chains of the same finding
 * repeated across inspections that renewal rule ③ counts (domain.md §8).
 */
import type { ExternalSourceKind, FindingStatus, InspectionStatus } from '../entities/inspection';
import { conflict, DomainError, invalid } from './errors';
import { FINDING_STATUS_KO } from './inspection-labels';
import { ko } from './korean-particles';

// ---- filing a finding ----------------------------------------------------------------------------

/**
 * A repeat finding links to a finding of an earlier, filed inspection of the same consignment (not to
 * the inspection itself or one of its revisions).
 */
export function assertRepeatLink(
  field: string,
  findingId: number,
  earlier: { consignmentId: number; inspectionId: number; status: InspectionStatus } | null,
  current: { consignmentId: number; revisionFamily: ReadonlySet<number> },
): void {
  if (!earlier)
    throw invalid(
      `${field}.repeatOfFindingId`,
      'exists',
      `finding ${findingId} not found`,
      ko`지적사항 ${findingId}을/를 찾을 수 없습니다`,
    );
  if (earlier.consignmentId !== current.consignmentId) {
    throw invalid(
      `${field}.repeatOfFindingId`,
      'sameConsignment',
      'a repeat finding links to a finding of the same consignment',
      '반복 지적은 같은 위탁사무의 지적사항에만 연결할 수 있습니다',
    );
  }
  if (current.revisionFamily.has(earlier.inspectionId)) {
    throw invalid(
      `${field}.repeatOfFindingId`,
      'earlierInspection',
      'a repeat finding links to a finding of an earlier inspection',
      '반복 지적은 이전 점검의 지적사항에만 연결할 수 있습니다',
    );
  }
  if (earlier.status === 'draft')
    throw invalid(
      `${field}.repeatOfFindingId`,
      'filedInspection',
      'the earlier inspection is still a draft',
      '이전 점검이 아직 작성 중입니다',
    );
}

/** An earlier occurrence outside the inspections names both its kind and its reference. */
export function assertPriorSource(field: string, kind: string | null | undefined, ref: string | null | undefined): void {
  if ((kind && !ref) || (!kind && ref)) {
    throw invalid(
      `${field}.priorSourceRef`,
      'priorSource',
      'an earlier occurrence outside the inspections needs both its kind and its reference',
      '이전 지적(평가·감사)은 구분과 근거를 함께 적어야 합니다',
    );
  }
}

/** A finding a later one links to as a repeat stays. */
export function assertFindingRemovable(laterLinks: number): void {
  if (laterLinks)
    throw conflict(
      'finding_linked',
      'A later finding links to this one as a repeat',
      '이후 점검의 반복 지적이 이 지적사항에 연결되어 있습니다',
      'id',
    );
}

// ---- follow-up -------------------------------------------------------------------------------------

/** Follow-up is recorded on the effective inspection: approved and not corrected by a revision. */
export function assertFollowUpOpen(inspection: { status: InspectionStatus; supersededById: number | null }): void {
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
}

/**
 * The follow-up state machine of a finding (issue 17):
 *
 *   open ──조치 결과 보고──▶ action_reported ──확인──▶ verified ──종결──▶ closed
 *                              │                ▲
 *                          보완 요구            │ 조치 결과 다시 보고
 *                              ▼                │
 *                          needs_more ──────────┘
 *
 * Each step is dated (not before the step before it) and attributed; closed is final.
 */
export type FollowUpStep = 'report' | 'verify' | 'requestMore' | 'close';

const FOLLOW_UP_FROM: Record<FollowUpStep, readonly FindingStatus[]> = {
  report: ['open', 'needs_more'],
  verify: ['action_reported'],
  requestMore: ['action_reported'],
  close: ['verified'],
};
const FOLLOW_UP_TO: Record<FollowUpStep, FindingStatus> = {
  report: 'action_reported',
  verify: 'verified',
  requestMore: 'needs_more',
  close: 'closed',
};
const STEP_KO: Record<FollowUpStep, string> = { report: '조치 결과 보고', verify: '확인', requestMore: '보완 요구', close: '종결' };
const STEP_CODE: Record<FollowUpStep, string> = {
  report: 'finding_not_open',
  verify: 'finding_not_reported',
  requestMore: 'finding_not_reported',
  close: 'finding_not_verified',
};

/** The state a step leads to from `status`, or a conflict naming the current state in Korean. */
export function followUpTransition(status: FindingStatus, step: FollowUpStep): FindingStatus {
  if (!FOLLOW_UP_FROM[step].includes(status)) {
    const from = FOLLOW_UP_FROM[step].map((s) => FINDING_STATUS_KO[s]).join(' 또는 ');
    throw conflict(
      STEP_CODE[step],
      `A finding that is ${status} cannot take the step ${step}`,
      ko`${STEP_KO[step]}은/는 ${from} 상태의 지적사항에만 할 수 있습니다 (지금은 ${FINDING_STATUS_KO[status]})`,
      'status',
      { status },
    );
  }
  return FOLLOW_UP_TO[step];
}

/** A step is dated on or after the step before it. */
export function assertStepDate(field: string, on: string, after: string | null, afterKo: string): void {
  if (after && on < after)
    throw invalid(field, 'afterPrevious', `${field} comes on or after ${after}`, `${afterKo}(${after}) 이후 날짜여야 합니다`);
}

/** open/needs_more → action_reported, reported on or after the inspection day. */
export function assertActionReportable(status: FindingStatus, reportedOn: string, inspectionDate: string | null): void {
  followUpTransition(status, 'report');
  if (inspectionDate && reportedOn < inspectionDate)
    throw invalid('reportedOn', 'afterInspection', 'the action is reported after the inspection', '조치 보고일은 점검일 이후여야 합니다');
}

/** action_reported → verified, on or after the report. */
export function assertVerifiable(status: FindingStatus, verifiedOn: string, reportedOn: string | null): void {
  followUpTransition(status, 'verify');
  if (reportedOn && verifiedOn < reportedOn)
    throw invalid('verifiedOn', 'afterReport', 'verification comes after the action report', '확인일은 조치 보고일 이후여야 합니다');
}

/** 보완 요구 needs its note: what is still missing. */
export function assertReworkNote(note: string | null | undefined): string {
  const n = note?.trim();
  if (!n) throw invalid('note', 'required', 'Say what the report still lacks', '보완할 내용을 적어 주십시오');
  return n;
}

/** Findings still to be followed up: every state but closed. */
export const isOpenFinding = (status: FindingStatus): boolean => status !== 'closed';

/** Overdue: due date passed and not closed. */
export function followUpOverdue(
  f: { status: FindingStatus; dueDate: string | null },
  asOf: string,
): { overdue: boolean; daysOverdue: number | null } {
  return isOpenFinding(f.status) ? overdueVerdict(f.dueDate, asOf) : { overdue: false, daysOverdue: null };
}

/** A finding of a draft is edited (or removed) while its inspection is a draft; the fields it may change. */
export interface FindingEdit {
  kind?: string;
  title?: string;
  detail?: string | null;
  requiredAction?: string;
  dueDate?: string | null;
}

// ---- attachments -----------------------------------------------------------------------------------

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

const MAGIC: { type: string; ext: string; bytes: number[] }[] = [
  { type: 'application/pdf', ext: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', ext: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', ext: 'jpg', bytes: [0xff, 0xd8, 0xff] },
];

/**
 * The attachment's type, read from its first bytes (never from its name or the type the browser
 * claims): a PDF, PNG or JPEG, at most ATTACHMENT_MAX_BYTES.
 */
export function attachmentType(data: Uint8Array, name: string): { type: string; ext: string } {
  if (data.length > ATTACHMENT_MAX_BYTES) {
    throw new DomainError(
      'too_large',
      'attachment_too_large',
      `The attachment is ${data.length} bytes; at most ${ATTACHMENT_MAX_BYTES}`,
      `첨부 파일은 ${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB까지 올릴 수 있습니다`,
      [
        {
          field: 'file',
          rule: 'maxSize',
          message: `at most ${ATTACHMENT_MAX_BYTES} bytes`,
          message_ko: `첨부 파일은 ${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB까지 올릴 수 있습니다`,
        },
      ],
      { size: data.length, maxSize: ATTACHMENT_MAX_BYTES },
    );
  }
  const found = MAGIC.find((m) => m.bytes.every((b, i) => data[i] === b));
  if (!found || data.length < 8) {
    throw new DomainError(
      'unsupported',
      'attachment_type',
      `${name} is not a PDF, PNG or JPEG by its content`,
      `첨부 파일은 PDF, PNG, JPEG만 올릴 수 있습니다 (${name}의 내용이 이 형식이 아닙니다)`,
      [
        {
          field: 'file',
          rule: 'fileType',
          message: 'PDF, PNG or JPEG (checked by content)',
          message_ko: '첨부 파일은 PDF, PNG, JPEG만 올릴 수 있습니다',
        },
      ],
    );
  }
  return { type: found.type, ext: found.ext };
}

const FOLLOW_UP_RANK: Record<FindingStatus, number> = { open: 0, needs_more: 1, action_reported: 2, verified: 3, closed: 4 };

/**
 * When a revision is approved, follow-up recorded on the original while the revision was drafted
 * carries over: for each finding of the revision, the original's finding (same origin) when it is
 * further along.
 */
export function carriedFollowUps<F extends { id: number; originId: number | null; status: FindingStatus }>(
  originals: F[],
  revised: F[],
): { revised: F; from: F }[] {
  const out: { revised: F; from: F }[] = [];
  for (const n of revised) {
    const o = originals.find((x) => (x.originId ?? x.id) === n.originId);
    if (o && FOLLOW_UP_RANK[o.status] > FOLLOW_UP_RANK[n.status]) out.push({ revised: n, from: o });
  }
  return out;
}

// ---- repeat chains ---------------------------------------------------------------------------------

export interface ChainInspection {
  id: number;
  status: InspectionStatus;
  approvedOn: string | null;
  supersededById: number | null;
  actualDate: string | null;
  periodTo: string;
}

export interface ChainFinding {
  id: number;
  originId: number | null;
  inspectionId: number;
  seq: number;
  title: string;
  repeatOfId: number | null;
  justifiedCause: string | null;
  priorSourceKind: ExternalSourceKind | null;
  priorSourceRef: string | null;
  priorSourceDate: string | null;
  status: FindingStatus;
  dueDate: string | null;
}

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
  latestStatus: FindingStatus;
  latestDueDate: string | null;
}

/**
 * The inspections whose findings count, of a consignment's approved inspections: with asOf, those
 * approved on or before that day, and of those the ones not superseded by a revision approved by then.
 */
export function effectiveInspections<I extends ChainInspection>(approved: I[], asOf?: string): I[] {
  const inspections = approved.filter((i) => !asOf || (i.approvedOn ?? '') <= asOf);
  const approvedIds = new Set(inspections.map((i) => i.id));
  return inspections.filter((i) => i.supersededById === null || !approvedIds.has(i.supersededById));
}

/**
 * Chains of the same finding across the effective inspections: every finding is in exactly one chain
 * (a chain of one when never repeated), most uncorrected first.
 */
export function buildRepeatChains(effective: ChainInspection[], findings: ChainFinding[]): RepeatFindingChain[] {
  const inspById = new Map(effective.map((i) => [i.id, i]));
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
  const groups = new Map<number, ChainFinding[]>();
  for (const f of findings) {
    const root = find(f.originId ?? f.id);
    groups.set(root, [...(groups.get(root) ?? []), f]);
  }
  const when = (f: ChainFinding) => {
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

// ---- the register of open findings -----------------------------------------------------------------

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Overdue: a due date before the day judged on; by how many days. */
export function overdueVerdict(dueDate: string | null, asOf: string): { overdue: boolean; daysOverdue: number | null } {
  const overdue = dueDate !== null && dueDate < asOf;
  return { overdue, daysOverdue: overdue ? daysBetween(dueDate!, asOf) : null };
}

/** Overdue first, then by due date (none last), consignment code and finding id. */
export function registerOrder(
  a: { overdue: boolean; dueDate: string | null; consignmentCode: string; findingId: number },
  b: { overdue: boolean; dueDate: string | null; consignmentCode: string; findingId: number },
): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = a.dueDate ?? '9999-12-31';
  const db = b.dueDate ?? '9999-12-31';
  return da.localeCompare(db) || a.consignmentCode.localeCompare(b.consignmentCode) || a.findingId - b.findingId;
}
