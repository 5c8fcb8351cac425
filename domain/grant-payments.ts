/**
 * Grants (위탁금 교부): the checks of a request, its decision and its payment, pure. A payment is
 * decided against the consignment-year's figures as they stand under its lock — the approved plan in
 * force and what the year has granted so far (for a group, what the accepted items before it left).
 * 예산현액 is the ledger's own check (domain/ledger assertCanSpend) when the payment posts.
 */
import { conflict, DomainError, invalid } from './errors';
import { formatInteger } from './money';
import { PlanQuarters, planToDate, QUARTERS } from './grant-plans';
import { ko } from './korean-particles';

const won = (n: number) => `${formatInteger(n)}원`;

export type DisbursementStage = 'requested' | 'decided' | 'paid';

export interface DisbursementRequest {
  quarter: number;
  amount: number;
  decidedOn?: string | null;
  decidedAmount?: number | null;
  paidOn?: string | null;
  lumpSum?: boolean;
  lumpSumReason?: string | null;
}

/** What a request comes to once its own checks pass: how far it goes in one call, and the amounts. */
export interface RequestTerms {
  status: DisbursementStage;
  decidedOn: string | null;
  decidedAmount: number | null;
  paidOn: string | null;
  paidAmount: number | null;
}

/** The request's own checks, before any figure is compared: its quarter, a lump sum's reason, a decision not above the request. */
export function requestTerms(input: DisbursementRequest): RequestTerms {
  if (!QUARTERS.includes(input.quarter as 1)) throw invalid('quarter', 'quarter', 'quarter is 1–4', '분기는 1~4입니다');
  if (input.lumpSum && !input.lumpSumReason?.trim()) {
    throw invalid('lumpSumReason', 'required', 'A lump-sum grant (일괄·신속교부) needs its reason', '일괄·신속교부는 사유가 필요합니다');
  }
  const decidedAmount = input.decidedAmount ?? (input.decidedOn || input.paidOn ? input.amount : null);
  if (decidedAmount !== null && decidedAmount > input.amount) {
    throw invalid(
      'decidedAmount',
      'notAboveRequest',
      'The decision cannot grant more than was requested',
      '교부결정액이 신청액보다 클 수 없습니다',
    );
  }
  const paidOn = input.paidOn ?? null;
  return {
    status: paidOn ? 'paid' : decidedAmount !== null ? 'decided' : 'requested',
    decidedOn: decidedAmount !== null ? (input.decidedOn ?? paidOn) : null,
    decidedAmount,
    paidOn,
    paidAmount: paidOn ? decidedAmount : null,
  };
}

/** request ≤ decision ≤ payment, by date */
export function checkDisbursementDates(d: { requestedOn: string; decidedOn: string | null; paidOn: string | null }): void {
  if (d.decidedOn && d.decidedOn < d.requestedOn)
    throw invalid('decidedOn', 'notBeforeRequest', 'A decision cannot precede the request', '교부결정일이 신청일보다 앞설 수 없습니다');
  if (d.paidOn && d.decidedOn && d.paidOn < d.decidedOn)
    throw invalid('paidOn', 'notBeforeDecision', 'A payment cannot precede its decision', '교부일이 교부결정일보다 앞설 수 없습니다');
}

/** 교부결정 of a request: only a request is decided, and not for more than was requested. Returns the decided amount. */
export function decideRequest(
  d: { id: number; status: string; requestedAmount: number },
  approve: boolean,
  amount?: number | null,
): number {
  if (d.status !== 'requested')
    throw conflict(
      'not_requested',
      `Disbursement ${d.id} is ${d.status}`,
      `이미 ${d.status === 'rejected' ? '반려' : '결정'}된 교부 신청입니다`,
      'id',
    );
  const decided = amount ?? d.requestedAmount;
  if (approve && decided > d.requestedAmount)
    throw invalid(
      'amount',
      'notAboveRequest',
      'The decision cannot grant more than was requested',
      '교부결정액이 신청액보다 클 수 없습니다',
    );
  return approve ? decided : 0;
}

/** Only a decided grant is paid. */
export function assertDecided(d: { id: number; status: string }): void {
  if (d.status !== 'decided') {
    throw conflict(
      'not_decided',
      `Disbursement ${d.id} is ${d.status}; only a decided grant can be paid`,
      d.status === 'paid' ? '이미 교부되었습니다' : '교부결정된 건만 교부할 수 있습니다',
      'id',
    );
  }
}

/** The plan a payment is checked against. */
export interface PaymentPlan extends PlanQuarters {
  id: number;
  version: number;
  total: number;
}

/** A consignment-year's figures under its lock: the approved plan in force, Σ granted so far. */
export interface PaymentFigures<P extends PaymentPlan = PaymentPlan> {
  plan: P | null;
  paid: number;
}

export interface PaymentRequest {
  fiscalYear: number;
  quarter: number;
  lumpSum: boolean;
  amount: number;
}

export type PaymentVerdict<P extends PaymentPlan = PaymentPlan> =
  { accepted: true; plan: P; limit: number; paidAfter: number } | { accepted: false; refusal: DomainError };

/**
 * A payment's decision: there is an approved plan, and the year's cumulative grants stay within the
 * plan to date (to the year's plan for a 일괄·신속교부). Accepted, it says what the year will have
 * granted (the figure the next item of a group is checked against).
 */
export function decidePayment<P extends PaymentPlan>(figures: PaymentFigures<P>, request: PaymentRequest): PaymentVerdict<P> {
  const plan = figures.plan;
  if (!plan) {
    return {
      accepted: false,
      refusal: conflict(
        'no_approved_plan',
        `No approved grant plan for ${request.fiscalYear}`,
        `${request.fiscalYear}년 승인된 교부계획이 없습니다`,
        'fiscalYear',
        { fiscalYear: request.fiscalYear },
      ),
    };
  }
  const { quarter, lumpSum, amount } = request;
  const paidBefore = figures.paid;
  const limit = lumpSum ? plan.total : planToDate(plan, quarter);
  if (paidBefore + amount <= limit) return { accepted: true, plan, limit, paidAfter: paidBefore + amount };
  const available = Math.max(0, limit - paidBefore);
  const scope = lumpSum ? '연간 교부계획' : `${quarter}분기까지 교부계획 누계`;
  return {
    accepted: false,
    refusal: new DomainError(
      'conflict',
      'exceeds_grant_plan',
      `Paying ${amount} won would take the year's grants to ${paidBefore + amount} won, above the plan ${lumpSum ? 'for the year' : `to quarter ${quarter}`} (${limit} won; already granted ${paidBefore} won, available ${available} won)`,
      ko`교부액 ${won(amount)}을/를 더하면 누계 ${won(paidBefore + amount)}으로/로 ${scope} ${won(limit)}을 넘습니다 (기교부 ${won(paidBefore)}, 교부 가능액 ${won(available)})`,
      [
        {
          field: 'amount',
          rule: 'withinGrantPlan',
          message: `at most ${available} won can be granted`,
          message_ko: `교부 가능액은 ${won(available)}입니다`,
        },
      ],
      {
        planVersion: plan.version,
        planTotal: plan.total,
        quarter,
        planToDate: limit,
        granted: paidBefore,
        requested: amount,
        available,
        lumpSum,
      },
    ),
  };
}

/** decidePayment, its refusal thrown; returns the plan in force. */
export function assertPayable<P extends PaymentPlan>(figures: PaymentFigures<P>, request: PaymentRequest): P {
  const verdict = decidePayment(figures, request);
  if (!verdict.accepted) throw verdict.refusal;
  return verdict.plan;
}

/** 교부 취소 applies to a paid grant that is not itself a reversal. */
export function assertReversible(d: { id: number; status: string; reversalOfId: number | null }): void {
  if (d.status !== 'paid')
    throw conflict(
      'not_paid',
      `Disbursement ${d.id} is ${d.status}; only a paid grant is reversed`,
      '교부된 건만 취소할 수 있습니다',
      'id',
    );
  if (d.reversalOfId !== null)
    throw conflict(
      'reversal_of_reversal',
      'A reversal cannot be reversed; record a new grant',
      '교부 취소는 다시 취소할 수 없습니다. 새로 교부하십시오',
      'id',
    );
}

/** A payment is reversed once, not before it was paid. */
export function assertReversal(d: { id: number; paidOn: string | null }, alreadyReversed: boolean, reversedOn: string): void {
  if (alreadyReversed) throw conflict('already_reversed', `Disbursement ${d.id} is already reversed`, '이미 취소된 교부입니다', 'id');
  if (reversedOn < d.paidOn!)
    throw invalid(
      'reversedOn',
      'notBeforePayment',
      'A reversal cannot precede the payment it undoes',
      '취소일이 교부일보다 앞설 수 없습니다',
    );
}

/** The 집행 reason a paid grant posts with. */
export function paymentReason(d: { lumpSum: boolean; lumpSumReason: string | null; quarter: number }): string {
  return d.lumpSum ? `위탁금 일괄·신속교부: ${d.lumpSumReason}` : `위탁금 ${d.quarter}분기 교부`;
}
