import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, TimestampColumn } from './columns';

export const INSPECTION_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const DISCLOSURE_CLASSES = ['public', 'partial', 'private'] as const; // 공개 · 부분공개 · 비공개
export type DisclosureClass = (typeof DISCLOSURE_CLASSES)[number];

/**
 * An inspection (지도점검) of a consignment, filed against one template version. draft → submitted →
 * approved; an approved inspection is read-only, a correction is a new revision (revisionOfId) that
 * replaces it once approved.
 */
@Entity('inspections')
@Index(['consignmentId', 'fiscalYear'])
export class Inspection {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int' })
  templateVersionId: number;

  @Column({ type: 'int' })
  fiscalYear: number;

  /** 회차 within the year (inspections are usually twice a year) */
  @Column({ type: 'int', default: 1 })
  round: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  status: InspectionStatus;

  @DateColumn({ nullable: true })
  plannedDate: string | null;

  @DateColumn({ nullable: true })
  actualDate: string | null;

  /** why the inspection moved from plannedDate to actualDate */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  postponementReason: string | null;

  /** who inspected, as the report prints it (e.g. "소비자보호팀 2인(담당자 외 1인)") */
  @Column({ type: 'varchar', length: 500 })
  inspectors: string;

  @DateColumn()
  periodFrom: string;

  @DateColumn()
  periodTo: string;

  /** how the period prints when the document words it differently (e.g. "’20. 1. 1 ~ ’20. 12월 현재") */
  @Column({ type: 'varchar', length: 200, nullable: true })
  periodNote: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  method: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  documentNumber: string | null;

  @Column({ type: 'varchar', length: 16, default: 'public' })
  disclosure: DisclosureClass;

  /** e.g. the 정보공개법 제9조 items behind 부분공개: "5, 7" */
  @Column({ type: 'varchar', length: 200, nullable: true })
  disclosureNote: string | null;

  /** 점검개요 text beyond the fields (optional) */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** 개선 및 건의사항, one per line */
  @Column({ type: 'text', nullable: true })
  improvements: string | null;

  /** 조치사항 (what the inspector did/told the operator), one per line */
  @Column({ type: 'text', nullable: true })
  actionsTaken: string | null;

  @Column({ type: 'int', nullable: true })
  revisionOfId: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  revisionReason: string | null;

  /** set on the revised inspection when its revision is approved */
  @Column({ type: 'int', nullable: true })
  supersededById: number | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Column({ type: 'varchar', length: 60 })
  createdByName: string;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn()
  updatedAt: Date;

  @DateColumn({ nullable: true })
  submittedOn: string | null;

  @Column({ type: 'int', nullable: true })
  submittedById: number | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  submittedByName: string | null;

  @DateColumn({ nullable: true })
  approvedOn: string | null;

  @Column({ type: 'int', nullable: true })
  approvedById: number | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  approvedByName: string | null;

  /** true when the filer approved their own inspection because no other inspector of the department exists */
  @Column({ type: 'boolean', default: false })
  selfApproved: boolean;

  /** why the filer approved their own inspection (required when selfApproved; printed on the result report) */
  @Column({ type: 'varchar', length: 500, nullable: true })
  selfApprovalReason: string | null;
}

/** The result of one checklist item in one inspection. */
@Entity('inspection_item_results')
@Index(['inspectionId', 'templateItemId'], { unique: true })
export class InspectionItemResult {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  inspectionId: number;

  @Column({ type: 'int' })
  templateItemId: number;

  /** one of the item's rating labels; null while not rated */
  @Column({ type: 'varchar', length: 40, nullable: true })
  rating: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** JSON array of evidence references (document numbers, file names, ledger refs) */
  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  /** JSON figures the inspector entered for the item's criterion, e.g. {"numerator":"8","denominator":"100"} */
  @Column({ type: 'text', nullable: true })
  figures: string | null;

  /** the system's judgement of the criterion from the figures: decimal text of the judged value */
  @Column({ type: 'varchar', length: 40, nullable: true })
  criterionValue: string | null;

  @Column({ type: 'boolean', nullable: true })
  criterionMet: boolean | null;
}

export const FINDING_KINDS = ['correction', 'caution', 'improvement', 'recommendation'] as const; // 시정 · 주의 · 개선 · 권고
export type FindingKind = (typeof FINDING_KINDS)[number];

/** open → action_reported → verified → closed; 보완 요구 sends a report back (needs_more) until it is reported again */
export const FINDING_STATUSES = ['open', 'action_reported', 'needs_more', 'verified', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const EXTERNAL_SOURCE_KINDS = ['evaluation', 'audit', 'inspection'] as const; // 종합성과평가 · 감사 · (this system's records predating it) 지도점검
export type ExternalSourceKind = (typeof EXTERNAL_SOURCE_KINDS)[number];

/**
 * A finding (지적사항) of an inspection with the required action, a due date and its follow-up:
 * open → action_reported → verified, each step dated and attributed.
 *
 * Repeat findings: repeatOfId links to the same finding in an earlier inspection (its originId);
 * priorSourceKind/priorSourceRef name an earlier occurrence outside this system's inspections (an
 * evaluation or an audit). justifiedCause, when set, records why this occurrence is not counted as
 * "uncorrected without cause".
 */
@Entity('inspection_findings')
@Index(['inspectionId', 'seq'], { unique: true })
@Index(['originId'])
export class InspectionFinding {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  inspectionId: number;

  /** the finding's identity across revisions of its inspection: its own id, or the revised finding's originId */
  @Column({ type: 'int', nullable: true })
  originId: number | null;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 16 })
  kind: FindingKind;

  /** the checklist item it concerns (optional) */
  @Column({ type: 'int', nullable: true })
  templateItemId: number | null;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'varchar', length: 1000 })
  requiredAction: string;

  @DateColumn({ nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: FindingStatus;

  @DateColumn({ nullable: true })
  actionReportedOn: string | null;

  @Column({ type: 'int', nullable: true })
  actionReportedById: number | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  actionReportedByName: string | null;

  @Column({ type: 'text', nullable: true })
  actionReport: string | null;

  @DateColumn({ nullable: true })
  verifiedOn: string | null;

  @Column({ type: 'int', nullable: true })
  verifiedById: number | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  verifiedByName: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  verificationNote: string | null;

  /** the 조치 결과's attachment: stored under data/attachments/<sha256>, never in the database */
  @Column({ type: 'varchar', length: 64, nullable: true })
  actionAttachmentSha256: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  actionAttachmentName: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  actionAttachmentType: string | null;

  @Column({ type: 'int', nullable: true })
  actionAttachmentSize: number | null;

  /** 보완 요구: the last time a report was sent back, by whom and why */
  @DateColumn({ nullable: true })
  reworkRequestedOn: string | null;

  @Column({ type: 'int', nullable: true })
  reworkRequestedById: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reworkNote: string | null;

  /** 종결 */
  @DateColumn({ nullable: true })
  closedOn: string | null;

  @Column({ type: 'int', nullable: true })
  closedById: number | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  closedByName: string | null;

  /** originId of the same finding in an earlier inspection */
  @Column({ type: 'int', nullable: true })
  repeatOfId: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  priorSourceKind: ExternalSourceKind | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  priorSourceRef: string | null;

  @DateColumn({ nullable: true })
  priorSourceDate: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  justifiedCause: string | null;

  @TimestampColumn()
  createdAt: Date;
}
