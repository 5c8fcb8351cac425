import type { EntityManager } from 'typeorm';
import type { Disbursement } from '../../../entities/consignment-disbursement';
import { ageInDays, GRANT_REQUEST_STATUS_KO, GrantRequestStatus, RequestWarning, requestWarning } from '../../../domain/grant-requests';
import { RequestContext } from '../../context';
import { openRequestsOf, outstandingRequests } from '../../store/consignments/disbursements';
import { grantStatus } from './grants';
import { listConsignments } from './consignments';

export interface OpenGrantRequest {
  id: number;
  consignmentId: number;
  consignmentCode: string;
  consignmentName: string;
  fiscalYear: number;
  quarter: number;
  status: GrantRequestStatus;
  statusKo: string;
  requestedOn: string;
  requestedAmount: number;
  decidedOn: string | null;
  decidedAmount: number | null;
  /** days since the request (신청일) */
  ageDays: number;
}

/**
 * Requests awaiting a decision (신청) or a payment (교부결정) across the consignments the caller may
 * read, oldest first, each with its age in days: the dashboard's and GET /api/grant-requests' list.
 */
export async function openGrantRequests(
  em: EntityManager,
  ctx: RequestContext,
  opts: { asOf: string; consignment?: string; year?: number },
): Promise<OpenGrantRequest[]> {
  const consignments = (await listConsignments(em, ctx)).filter(
    (c) => !opts.consignment || c.code === opts.consignment || String(c.id) === opts.consignment || c.name === opts.consignment,
  );
  const byId = new Map(consignments.map((c) => [c.id, c]));
  const rows = await openRequestsOf(em, [...byId.keys()]);
  return rows
    .filter((d) => !opts.year || d.fiscalYear === opts.year)
    .map((d) => {
      const c = byId.get(d.consignmentId)!;
      return {
        id: d.id,
        consignmentId: c.id,
        consignmentCode: c.code,
        consignmentName: c.name,
        fiscalYear: d.fiscalYear,
        quarter: d.quarter,
        status: d.status,
        statusKo: GRANT_REQUEST_STATUS_KO[d.status],
        requestedOn: d.requestedOn,
        requestedAmount: Number(d.requestedAmount),
        decidedOn: d.decidedOn,
        decidedAmount: d.decidedAmount === null ? null : Number(d.decidedAmount),
        ageDays: ageInDays(d.requestedOn, opts.asOf),
      };
    });
}

/** The warning a recorded request stands under now (shown on the page after the request is saved), or null. */
export async function warningOfRequest(em: EntityManager, d: Disbursement): Promise<RequestWarning | null> {
  if (d.status !== 'requested') return null;
  const status = await grantStatus(em, d.consignmentId, d.fiscalYear);
  const out = await outstandingRequests(em, d.consignmentId, d.fiscalYear, d.id);
  return requestWarning(
    { plan: status.plan, paid: status.granted, decided: out.decided, pending: out.pending },
    { quarter: d.quarter, amount: Number(d.requestedAmount), lumpSum: d.lumpSum },
  );
}
