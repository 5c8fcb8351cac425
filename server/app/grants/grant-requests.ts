/**
 * 교부 신청 → 결정 → 교부, or 반려 / 철회 (issue 17). A request is recorded through the disbursement
 * path (createDisbursement: the consignment-year's lock, group commit) and answered with a warning
 * when it goes beyond the plan to date; the decision checks the plan to date and 예산현액 under the
 * lock, counting what other decisions committed; the payment is payDisbursement (the ledger's 집행,
 * the running totals, the paid total). Each step is dated, attributed and audited.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { Disbursement } from '../../../entities/consignment-disbursement';
import {
  assertApprovable,
  assertNotBeforeRequest,
  assertRejectionReason,
  assertUndecided,
  assertWithdrawable,
  RequestWarning,
  requestWarning,
} from '../../../domain/grant-requests';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { outstandingRequests, recordRequestStep } from '../../store/consignments/disbursements';
import { assertDateInYear } from '../ledger/fiscal-years';
import { lockConsignmentYear } from '../consignments/consignment-years';
import { createDisbursement, lockDisbursement, payDisbursement } from './disbursements';

export interface GrantRequestInput {
  consignment: string;
  fiscalYear: number;
  quarter: number;
  requestedOn: string;
  amount: number;
  lumpSum?: boolean;
  lumpSumReason?: string | null;
  note?: string | null;
}

export type GrantRequestResult = Disbursement & { warning: RequestWarning | null };

/** 신청: recorded whatever its amount, with a warning when it goes beyond the plan to date (the decision refuses). */
export async function requestGrant(
  ds: DataSource,
  ctx: RequestContext,
  input: GrantRequestInput,
  em?: EntityManager,
): Promise<GrantRequestResult> {
  return within(ds, em, async (tx) => {
    const d = await createDisbursement(ds, ctx, { ...input, decidedOn: null, paidOn: null }, tx);
    // the lock is held by the insert above; the figures are those the request now stands among
    const { state } = await lockConsignmentYear(tx, ctx, d.consignmentId, d.fiscalYear);
    const out = await outstandingRequests(tx, d.consignmentId, d.fiscalYear, d.id);
    const warning = requestWarning(
      { plan: state.plan, paid: state.paid, decided: out.decided, pending: out.pending },
      { quarter: d.quarter, amount: d.requestedAmount, lumpSum: d.lumpSum },
    );
    return Object.assign(d, { warning });
  });
}

export interface GrantDecisionInput {
  decidedOn: string;
  approve: boolean;
  /** the decided amount when less than requested */
  amount?: number | null;
  /** 반려 사유 (required to reject); a note on an approval */
  reason?: string | null;
  note?: string | null;
}

/** 결정: approve (all or part, within the plan to date and 예산현액 as they stand now) or 반려 with a reason. */
export async function decideGrantRequest(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  input: GrantDecisionInput,
  em?: EntityManager,
): Promise<Disbursement> {
  return within(ds, em, async (tx) => {
    const { d, state, lineAtLock } = await lockDisbursement(tx, ctx, id, true);
    assertUndecided(d);
    assertNotBeforeRequest('decidedOn', input.decidedOn, d.requestedOn, '결정일');
    assertDateInYear(input.decidedOn, d.fiscalYear, 'decidedOn');
    const before = { ...d };
    if (input.approve) {
      const amount = input.amount ?? d.requestedAmount;
      const out = await outstandingRequests(tx, d.consignmentId, d.fiscalYear, d.id);
      assertApprovable(d, amount, {
        plan: state.plan,
        paid: state.paid,
        committed: out.decided,
        lineBalance: lineAtLock!.balance,
        currentBudget: lineAtLock!.current,
      });
      Object.assign(d, { status: 'decided', decidedAmount: amount, decisionReason: input.reason?.trim() || null });
    } else {
      Object.assign(d, { status: 'rejected', decidedAmount: 0, decisionReason: assertRejectionReason(input.reason) });
    }
    d.decidedOn = input.decidedOn;
    d.decidedById = ctx.actor.id;
    if (input.note) d.note = input.note;
    await recordRequestStep(tx, d);
    await audit(tx, ctx, {
      action: input.approve ? 'disbursement.decide' : 'disbursement.reject',
      entity: 'disbursement',
      entityId: d.id,
      before,
      after: d,
    });
    return d;
  });
}

/** 철회: the requester withdraws a request not yet paid. */
export async function withdrawGrantRequest(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  input: { withdrawnOn: string; reason?: string | null },
  em?: EntityManager,
): Promise<Disbursement> {
  return within(ds, em, async (tx) => {
    const { d } = await lockDisbursement(tx, ctx, id);
    assertWithdrawable(d, ctx.actor.id);
    assertNotBeforeRequest('withdrawnOn', input.withdrawnOn, d.requestedOn, '철회일');
    const before = { ...d };
    Object.assign(d, { status: 'withdrawn', withdrawnOn: input.withdrawnOn, withdrawnById: ctx.actor.id });
    if (input.reason?.trim()) d.note = input.reason.trim();
    await recordRequestStep(tx, d);
    await audit(tx, ctx, { action: 'disbursement.withdraw', entity: 'disbursement', entityId: d.id, before, after: d });
    return d;
  });
}

/** 교부 of a decided request: the payment path (plan to date and 예산현액 checked again, the ledger's 집행); once only. */
export function payGrantRequest(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  input: { paidOn: string },
  em?: EntityManager,
): Promise<Disbursement> {
  return payDisbursement(ds, ctx, id, input, em);
}
