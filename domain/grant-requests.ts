/**
 * 교부 신청 → 결정 → 교부 (issue 17), pure. A request (신청) is the operator's ask as the officer
 * records it; it is never refused for its amount — the operator did ask — but it is answered with a
 * warning when it would take the year's grants (paid, decided and still pending) beyond the plan to
 * date. The decision (결정) is where the figures bind: approving checks the plan to date and the
 * funding line's 예산현액 as they stand at decision time, counting what other decisions have already
 * committed. A request is rejected (반려) with its reason or withdrawn (철회) by its requester; a
 * decided request is paid (교부) once, through the payment path (domain/grant-payments decidePayment).
 */
import { conflict, DomainError, forbidden, invalid } from './errors';
import { formatInteger } from './money';
import { planToDate } from './grant-plans';
import { ko } from './korean-particles';
import type { PaymentPlan } from './grant-payments';

const won = (n: number) => `${formatInteger(n)}원`;

export type GrantRequestStatus = 'requested' | 'decided' | 'paid' | 'rejected' | 'withdrawn';

export const GRANT_REQUEST_STATUS_KO: Record<GrantRequestStatus, string> = {
  requested: '신청',
  decided: '교부결정',
  paid: '교부',
  rejected: '반려',
  withdrawn: '철회',
};

/** A consignment-year's grant figures at one moment: the approved plan, Σ paid, Σ decided but not yet paid, Σ requested and undecided. */
export interface RequestFigures {
  plan: PaymentPlan | null;
  paid: number;
  /** decided, not yet paid (committed by a decision) */
  decided: number;
  /** requested, not yet decided */
  pending: number;
}

export interface RequestWarning {
  code: 'exceeds_plan_to_date' | 'no_approved_plan';
  message: string;
  message_ko: string;
  figures: Record<string, number | boolean>;
}

/**
 * The warning a new request carries (or null): without an approved plan, or when paid + decided +
 * pending + this request exceed the plan to its quarter (to the year's plan for a 일괄·신속교부).
 * Warn, not refuse: the request records what the operator asked for; the decision refuses.
 */
export function requestWarning(f: RequestFigures, r: { quarter: number; amount: number; lumpSum?: boolean }): RequestWarning | null {
  if (!f.plan) {
    return {
      code: 'no_approved_plan',
      message: 'There is no approved grant plan yet; the request cannot be decided until one is approved',
      message_ko: '승인된 교부계획이 없어 교부결정을 하려면 먼저 교부계획을 승인해야 합니다',
      figures: { requested: r.amount },
    };
  }
  const limit = r.lumpSum ? f.plan.total : planToDate(f.plan, r.quarter);
  const total = f.paid + f.decided + f.pending + r.amount;
  if (total <= limit) return null;
  const scope = r.lumpSum ? '연간 교부계획' : `${r.quarter}분기까지의 교부계획 누계`;
  const available = Math.max(0, limit - f.paid - f.decided - f.pending);
  return {
    code: 'exceeds_plan_to_date',
    message: `Granted, decided and pending requests with this one come to ${total} won, above the plan ${r.lumpSum ? 'for the year' : `to quarter ${r.quarter}`} (${limit} won); the decision will refuse more than ${available} won`,
    message_ko: ko`이 신청까지 합친 금액 ${won(total)}이/가 ${scope} ${won(limit)}보다 ${won(total - limit)} 많습니다 (교부 ${won(f.paid)}, 결정 후 미교부 ${won(f.decided)}, 결정 대기 ${won(f.pending)}). 교부결정 때 ${won(available)}을/를 넘는 금액은 승인되지 않습니다`,
    figures: {
      planToDate: limit,
      paid: f.paid,
      decided: f.decided,
      pending: f.pending,
      requested: r.amount,
      total,
      excess: total - limit,
      available,
      lumpSum: Boolean(r.lumpSum),
    },
  };
}

/** Only an undecided request is decided, withdrawn or rejected. */
export function assertUndecided(d: { id: number; status: string }, field = 'id'): void {
  if (d.status === 'requested') return;
  const ko = GRANT_REQUEST_STATUS_KO[d.status as GrantRequestStatus] ?? d.status;
  throw conflict('not_requested', `Grant request ${d.id} is ${d.status}`, `이미 ${ko} 처리된 교부 신청입니다`, field, { status: d.status });
}

export interface DecisionFigures {
  plan: PaymentPlan | null;
  /** Σ paid in the year */
  paid: number;
  /** Σ decided and not yet paid, other requests */
  committed: number;
  /** the funding line's 집행잔액 (예산현액 − 집행 − 차년이월) and 예산현액 */
  lineBalance: number;
  currentBudget: number;
}

/**
 * 결정 (approve): the decided amount is not above the request, the year's grants with everything
 * decided so far stay within the plan to date, and within what the funding line can still pay
 * (예산현액's 집행잔액 less what other decisions already committed). Each refusal carries its figures.
 */
export function assertApprovable(
  d: { quarter: number; lumpSum: boolean; requestedAmount: number; fiscalYear: number },
  amount: number,
  f: DecisionFigures,
): PaymentPlan {
  if (amount > d.requestedAmount) {
    throw invalid(
      'amount',
      'notAboveRequest',
      'The decision cannot grant more than was requested',
      '교부결정액은 신청액을 넘을 수 없습니다',
    );
  }
  if (!f.plan) {
    throw conflict(
      'no_approved_plan',
      `No approved grant plan for ${d.fiscalYear}`,
      `${d.fiscalYear}년 승인된 교부계획이 없어 결정할 수 없습니다`,
      'amount',
      { fiscalYear: d.fiscalYear },
    );
  }
  const limit = d.lumpSum ? f.plan.total : planToDate(f.plan, d.quarter);
  const before = f.paid + f.committed;
  if (before + amount > limit) {
    const available = Math.max(0, limit - before);
    const scope = d.lumpSum ? '연간 교부계획' : `${d.quarter}분기까지의 교부계획 누계`;
    throw new DomainError(
      'conflict',
      'exceeds_grant_plan',
      `Approving ${amount} won would take granted and decided grants to ${before + amount} won, above the plan ${d.lumpSum ? 'for the year' : `to quarter ${d.quarter}`} (${limit} won; available ${available} won)`,
      ko`결정액 ${won(amount)}을/를 더하면 교부·결정 누계가 ${won(before + amount)}으로/로 ${scope} ${won(limit)}을/를 넘습니다`,
      [
        {
          field: 'amount',
          rule: 'withinGrantPlan',
          message: `at most ${available} won can be decided`,
          message_ko: `결정할 수 있는 금액은 ${won(available)}입니다 (교부 ${won(f.paid)}, 결정 후 미교부 ${won(f.committed)})`,
        },
      ],
      {
        planVersion: f.plan.version,
        quarter: d.quarter,
        planToDate: limit,
        granted: f.paid,
        committed: f.committed,
        requested: amount,
        available,
        lumpSum: d.lumpSum,
      },
    );
  }
  const lineAvailable = Math.max(0, f.lineBalance - f.committed);
  if (amount > lineAvailable) {
    throw new DomainError(
      'conflict',
      'exceeds_current_budget',
      `Approving ${amount} won would take the funding line above its current budget (${f.currentBudget} won; available ${lineAvailable} won after other decisions)`,
      ko`결정액 ${won(amount)}이/가 예산현액 ${won(f.currentBudget)} 가운데 남은 금액 ${won(lineAvailable)}보다 많습니다`,
      [
        {
          field: 'amount',
          rule: 'withinCurrentBudget',
          message: `at most ${lineAvailable} won is left in the current budget`,
          message_ko: `예산현액에서 결정할 수 있는 금액은 ${won(lineAvailable)}입니다 (결정 후 미교부 ${won(f.committed)} 제외)`,
        },
      ],
      { currentBudget: f.currentBudget, lineBalance: f.lineBalance, committed: f.committed, requested: amount, available: lineAvailable },
    );
  }
  return f.plan;
}

/** 반려 needs its reason. */
export function assertRejectionReason(reason: string | null | undefined): string {
  const r = reason?.trim();
  if (!r) throw invalid('reason', 'required', 'A rejection needs its reason', '반려 사유를 적어 주십시오');
  return r;
}

/** A step is dated on or after the request. */
export function assertNotBeforeRequest(field: string, on: string, requestedOn: string, whatKo: string): void {
  if (on < requestedOn)
    throw invalid(
      field,
      'notBeforeRequest',
      `The ${field} cannot precede the request (${requestedOn})`,
      ko`${whatKo}은/는 신청일(${requestedOn}) 이후여야 합니다`,
    );
}

/** 철회: only by its requester, and only before it is paid (an undecided or decided, unpaid request). */
export function assertWithdrawable(
  d: { id: number; status: string; requestedById: number | null; createdById: number | null },
  actorId: number | null,
): void {
  if (d.status !== 'requested' && d.status !== 'decided') {
    const ko = GRANT_REQUEST_STATUS_KO[d.status as GrantRequestStatus] ?? d.status;
    throw conflict('not_withdrawable', `Grant request ${d.id} is ${d.status}`, `${ko} 처리된 신청은 철회할 수 없습니다`, 'id', {
      status: d.status,
    });
  }
  const requester = d.requestedById ?? d.createdById;
  if (requester === null || requester !== actorId) {
    throw forbidden('Only the one who recorded the request may withdraw it', '신청을 기록한 사람만 철회할 수 있습니다');
  }
}

/** Days a request has waited, from its request date to the day judged on. */
export function ageInDays(requestedOn: string, asOf: string): number {
  return Math.max(0, Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${requestedOn}T00:00:00Z`)) / 86_400_000));
}
