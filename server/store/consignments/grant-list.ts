import type { EntityManager } from 'typeorm';
import { Consignment } from '../../../entities/consignment';
import { Disbursement } from '../../../entities/consignment-disbursement';
import { GrantPlan } from '../../../entities/consignment-grant-plan';
import { User } from '../../../entities/user';
import type { GridPage, GridQuery } from '../../requests/grid';
import { gridRows, GridSql, whereInScope } from '../grid';

type Window = { skip: number; take: number };

/** The 교부 내역 grid's keys in SQL. */
const DISBURSEMENT_SQL: GridSql = {
  select: {
    id: 'd.id',
    consignmentId: 'c.id',
    consignment: 'c.name',
    consignmentCode: 'c.code',
    fiscalYear: 'd.fiscal_year',
    quarter: 'd.quarter',
    status: "CASE WHEN d.reversal_of_id IS NOT NULL THEN 'reversal' ELSE d.status END",
    requestedOn: 'd.requested_on',
    requestedAmount: 'd.requested_amount',
    decidedOn: 'd.decided_on',
    decidedAmount: 'd.decided_amount',
    paidOn: 'd.paid_on',
    paidAmount: 'd.paid_amount',
    reversalOfId: 'd.reversal_of_id',
    reversedById: '(SELECT MIN(r.id) FROM disbursements r WHERE r.reversal_of_id = d.id)',
    ledgerEntryId: 'd.ledger_entry_id',
    note: 'd.note',
  },
  filters: {
    id: 'd.id = :v',
    consignment: 'c.id = :v',
    year: 'd.fiscal_year = :v',
    quarter: 'd.quarter = :v',
    status: (v) =>
      v === 'reversal'
        ? { sql: 'd.reversal_of_id IS NOT NULL' }
        : { sql: 'd.status = :gstatus AND d.reversal_of_id IS NULL', params: { gstatus: v } },
    from: 'd.requested_on >= :v',
    to: 'd.requested_on <= :v',
  },
  search: ['c.name', 'c.code', 'd.note'],
  tiebreak: 'd.id',
};

/** A page of grants (신청 · 교부결정 · 교부 · 교부 취소) of the consignments owned by `units` (null: all). */
export function disbursementGridRows(
  em: EntityManager,
  units: Set<number> | null,
  query: GridQuery,
  window: Window,
): Promise<GridPage<Record<string, unknown>>> {
  const qb = em.createQueryBuilder().from(Disbursement, 'd').innerJoin(Consignment, 'c', 'c.id = d.consignment_id');
  whereInScope(qb, 'c.org_unit_id', units);
  return gridRows(qb, DISBURSEMENT_SQL, query, window);
}

/** The 교부 신청 grid's keys in SQL: every request (not the reversals of payments) with its status, dates and people. */
const REQUEST_SQL: GridSql = {
  select: {
    id: 'd.id',
    consignmentId: 'c.id',
    consignment: 'c.name',
    consignmentCode: 'c.code',
    fiscalYear: 'd.fiscal_year',
    quarter: 'd.quarter',
    status: 'd.status',
    requestedOn: 'd.requested_on',
    requestedAmount: 'd.requested_amount',
    requestedBy: 'ur.display_name',
    decidedOn: 'd.decided_on',
    decidedAmount: 'd.decided_amount',
    decidedBy: 'ud.display_name',
    decisionReason: 'd.decision_reason',
    paidOn: 'd.paid_on',
    paidAmount: 'd.paid_amount',
    paidBy: 'up.display_name',
    withdrawnOn: 'd.withdrawn_on',
    withdrawnBy: 'uw.display_name',
    // the day the request was last acted on: 반려 and 결정 on decided_on, 교부 on paid_on, 철회 on withdrawn_on
    closedOn:
      "CASE d.status WHEN 'paid' THEN d.paid_on WHEN 'withdrawn' THEN d.withdrawn_on WHEN 'rejected' THEN d.decided_on ELSE NULL END",
    note: 'd.note',
  },
  filters: {
    consignment: 'c.id = :v',
    year: 'd.fiscal_year = :v',
    quarter: 'd.quarter = :v',
    // `open`: still waiting for a decision (신청) or for its payment (결정)
    status: (v) =>
      v === 'open' ? { sql: "d.status IN ('requested', 'decided')" } : { sql: 'd.status = :grstatus', params: { grstatus: v } },
    from: 'd.requested_on >= :v',
    to: 'd.requested_on <= :v',
  },
  search: ['c.name', 'c.code', 'd.note', 'd.decision_reason', 'ur.display_name', 'ud.display_name'],
  tiebreak: 'd.id',
};

/** A page of grant requests (신청 · 결정 · 교부 · 반려 · 철회) of the consignments owned by `units` (null: all); reversals excluded. */
export function requestGridRows(
  em: EntityManager,
  units: Set<number> | null,
  query: GridQuery,
  window: Window,
): Promise<GridPage<Record<string, unknown>>> {
  const qb = em
    .createQueryBuilder()
    .from(Disbursement, 'd')
    .innerJoin(Consignment, 'c', 'c.id = d.consignment_id')
    .leftJoin(User, 'ur', 'ur.id = d.requested_by_id')
    .leftJoin(User, 'ud', 'ud.id = d.decided_by_id')
    .leftJoin(User, 'up', 'up.id = d.paid_by_id')
    .leftJoin(User, 'uw', 'uw.id = d.withdrawn_by_id')
    .where('d.reversal_of_id IS NULL');
  whereInScope(qb, 'c.org_unit_id', units);
  return gridRows(qb, REQUEST_SQL, query, window);
}

/** The 교부계획 grid's keys in SQL. */
const PLAN_SQL: GridSql = {
  select: {
    id: 'p.id',
    consignmentId: 'c.id',
    consignment: 'c.name',
    consignmentCode: 'c.code',
    fiscalYear: 'p.fiscal_year',
    version: 'p.version',
    status: 'p.status',
    q1: 'p.q1',
    q2: 'p.q2',
    q3: 'p.q3',
    q4: 'p.q4',
    total: 'p.total',
    approvedOn: 'p.approved_on',
    reason: 'p.reason',
  },
  filters: {
    consignment: 'c.id = :v',
    year: 'p.fiscal_year = :v',
    status: 'p.status = :v',
  },
  search: ['c.name', 'c.code', 'p.reason'],
  tiebreak: 'p.id',
};

/** A page of grant plan versions of the consignments owned by `units` (null: all). */
export function planGridRows(
  em: EntityManager,
  units: Set<number> | null,
  query: GridQuery,
  window: Window,
): Promise<GridPage<Record<string, unknown>>> {
  const qb = em.createQueryBuilder().from(GrantPlan, 'p').innerJoin(Consignment, 'c', 'c.id = p.consignment_id');
  whereInScope(qb, 'c.org_unit_id', units);
  return gridRows(qb, PLAN_SQL, query, window);
}

/** The consignments owned by `units` (null: all), by name: a grid's consignment filter. */
export async function consignmentChoices(
  em: EntityManager,
  units: Set<number> | null,
): Promise<{ id: number; code: string; name: string }[]> {
  const qb = em.createQueryBuilder().from(Consignment, 'c').select('c.id', 'id').addSelect('c.code', 'code').addSelect('c.name', 'name');
  whereInScope(qb, 'c.org_unit_id', units);
  const rows = await qb.orderBy('c.name', 'ASC').getRawMany<{ id: number | string; code: string; name: string }>();
  return rows.map((r) => ({ id: Number(r.id), code: r.code, name: r.name }));
}
