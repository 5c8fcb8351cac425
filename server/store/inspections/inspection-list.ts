import type { EntityManager } from 'typeorm';
import { Consignment } from '../../../entities/consignment';
import { Inspection, InspectionFinding } from '../../../entities/inspection';
import type { GridPage, GridQuery } from '../../requests/grid';
import { gridRows, GridSql, whereInScope } from '../grid';

type Window = { skip: number; take: number };

const INSPECTION_SQL: GridSql = {
  select: {
    id: 'i.id',
    title: 'i.title',
    consignmentId: 'c.id',
    consignment: 'c.name',
    fiscalYear: 'i.fiscal_year',
    round: 'i.round',
    actualDate: 'i.actual_date',
    status: 'i.status',
    supersededById: 'i.superseded_by_id',
    findings: '(SELECT COUNT(*) FROM inspection_findings f WHERE f.inspection_id = i.id)',
    openFindings: "(SELECT COUNT(*) FROM inspection_findings f WHERE f.inspection_id = i.id AND f.status <> 'verified')",
    documentNumber: 'i.document_number',
  },
  filters: {
    consignment: 'c.id = :v',
    year: 'i.fiscal_year = :v',
    status: 'i.status = :v',
  },
  search: ['i.title', 'c.name', 'c.code', 'i.document_number'],
  tiebreak: 'i.id',
};

/** A page of inspections of the consignments owned by `units` (null: all). */
export function inspectionGridRows(
  em: EntityManager,
  units: Set<number> | null,
  query: GridQuery,
  window: Window,
): Promise<GridPage<Record<string, unknown>>> {
  const qb = em.createQueryBuilder().from(Inspection, 'i').innerJoin(Consignment, 'c', 'c.id = i.consignment_id');
  whereInScope(qb, 'c.org_unit_id', units);
  return gridRows(qb, INSPECTION_SQL, query, window);
}

/** Findings: of current inspections only (a revised inspection's findings live on in its revision). */
const OVERDUE = "(f.due_date IS NOT NULL AND f.due_date < :asOf AND f.status = 'open')";
const FINDING_SQL: GridSql = (() => {
  const overdue = OVERDUE;
  return {
    select: {
      id: 'f.id',
      inspectionId: 'i.id',
      inspection: 'i.title',
      consignmentId: 'c.id',
      consignment: 'c.name',
      fiscalYear: 'i.fiscal_year',
      seq: 'f.seq',
      kind: 'f.kind',
      title: 'f.title',
      dueDate: 'f.due_date',
      status: 'f.status',
      inspectionStatus: 'i.status',
      overdue: `CASE WHEN ${overdue} THEN 1 ELSE 0 END`,
      actionReportedOn: 'f.action_reported_on',
      verifiedOn: 'f.verified_on',
    },
    filters: {
      consignment: 'c.id = :v',
      year: 'i.fiscal_year = :v',
      kind: 'f.kind = :v',
      status: 'f.status = :v',
      inspectionStatus: 'i.status = :v',
      overdue: (v) => ({ sql: v === 'yes' ? overdue : `NOT ${overdue}` }),
    },
    search: ['f.title', 'f.required_action', 'c.name', 'i.title'],
    tiebreak: 'f.id',
  };
})();

/**
 * A page of findings of the consignments owned by `units` (null: all); overdue as of `asOf` (YYYY-MM-DD).
 * Findings of submitted (not yet approved) inspections are listed (their `inspectionStatus` says so);
 * a draft's findings only to the draft's author (`authorId`).
 */
export function findingGridRows(
  em: EntityManager,
  units: Set<number> | null,
  asOf: string,
  query: GridQuery,
  window: Window,
  authorId: number | null,
): Promise<GridPage<Record<string, unknown>>> {
  const qb = em
    .createQueryBuilder()
    .from(InspectionFinding, 'f')
    .innerJoin(Inspection, 'i', 'i.id = f.inspection_id')
    .innerJoin(Consignment, 'c', 'c.id = i.consignment_id')
    .where('i.superseded_by_id IS NULL')
    .andWhere(
      authorId === null ? "i.status <> 'draft'" : "(i.status <> 'draft' OR i.created_by_id = :fauthor)",
      authorId === null ? {} : { fauthor: authorId },
    )
    .setParameter('asOf', asOf);
  whereInScope(qb, 'c.org_unit_id', units);
  return gridRows(qb, FINDING_SQL, query, window);
}
