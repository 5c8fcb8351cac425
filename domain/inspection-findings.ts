/**
 * Findings (지적사항) of an inspection: linking a repeat to an earlier finding, their follow-up
 * (open → action_reported → verified, dated and attributed), and the chains of the same finding
 * repeated across inspections that renewal rule ③ counts (domain.md §8).
 */
import type { ExternalSourceKind, FindingStatus, InspectionStatus } from '../entities/inspection';
import { conflict, invalid } from './errors';
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

/** open → action_reported, reported on or after the inspection day. */
export function assertActionReportable(status: FindingStatus, reportedOn: string, inspectionDate: string | null): void {
  if (status !== 'open')
    throw conflict(
      'finding_not_open',
      `The finding is ${status}`,
      `조치 전 상태의 지적사항만 조치 보고를 기록할 수 있습니다 (현재: ${FINDING_STATUS_KO[status]})`,
      'status',
      { status },
    );
  if (inspectionDate && reportedOn < inspectionDate)
    throw invalid(
      'reportedOn',
      'afterInspection',
      'the action is reported after the inspection',
      '조치 보고일이 점검일보다 앞설 수 없습니다',
    );
}

/** action_reported → verified, on or after the report. */
export function assertVerifiable(status: FindingStatus, verifiedOn: string, reportedOn: string | null): void {
  if (status !== 'action_reported')
    throw conflict(
      'finding_not_reported',
      `The finding is ${status}`,
      `조치 보고된 지적사항만 확인할 수 있습니다 (현재: ${FINDING_STATUS_KO[status]})`,
      'status',
      { status },
    );
  if (reportedOn && verifiedOn < reportedOn)
    throw invalid('verifiedOn', 'afterReport', 'verification comes after the action report', '확인일이 조치 보고일보다 앞설 수 없습니다');
}

const FOLLOW_UP_RANK: Record<FindingStatus, number> = { open: 0, action_reported: 1, verified: 2 };

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
