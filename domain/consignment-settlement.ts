/**
 * The settlement (정산) of a consignment-year and the operator's records it is computed from, pure:
 * the operator's spending and interest, the figures of a settlement (교부액, 집행액, 이자, 반납액 and
 * the spending by category against the plan, a category overspending its plan by more than the margin
 * in force being flagged) and the checks of each step (submit, review, confirm).
 */
import { conflict, DomainError, invalid } from './errors';
import { formatInteger, parseDecimal, sumWon } from './money';
import { settlementReturn } from './consignment-return';
import { QUARTERS } from './grant-plans';
import { ko } from './korean-particles';

const won = (n: number) => `${formatInteger(n)}원`;

/** spent > planned × (1 + margin%), exact */
export function overspends(planned: number, spent: number, marginPercent: string): boolean {
  const m = parseDecimal(marginPercent);
  const scale = 10n ** BigInt(m.scale);
  return BigInt(spent) * 100n * scale > BigInt(planned) * (100n * scale + m.scaled);
}

export interface SettlementLineFigures {
  code: string;
  name: string;
  parentCode: string | null;
  planned: number;
  spent: number;
  overspent: boolean;
}

export interface SettlementFigures<P extends { id: number; total: number } = { id: number; total: number }> {
  plan: P | null;
  granted: number;
  spent: number;
  interest: number;
  /** 반납액 = 교부액 + 이자 − 집행액 */
  returnAmount: number;
  /** the part of the return that is unspent grant (posted to the ledger as 지출반납) */
  principalReturn: number;
  /** the part that is interest (세입 — recorded with the settlement) */
  interestReturn: number;
  lines: SettlementLineFigures[];
  marginPercent: string;
  flagged: boolean;
}

export interface OperatorRecord {
  kind: 'spending' | 'interest';
  categoryCode: string | null;
  amount: number;
}

export interface PlanCategory {
  code: string;
  name: string;
  parentCode: string | null;
  amount: number;
}

/** The figures of a consignment-year's settlement from its plan (and the plan's categories, in order), grants, spending and interest. */
export function settlementFiguresOf<P extends { id: number; total: number }>(
  plan: P | null,
  categories: PlanCategory[],
  granted: number,
  entries: OperatorRecord[],
  marginPercent: string,
): SettlementFigures<P> {
  const spending = entries.filter((e) => e.kind === 'spending');
  const spent = sumWon(spending.map((e) => e.amount));
  const interest = sumWon(entries.filter((e) => e.kind === 'interest').map((e) => e.amount));
  const { returnAmount, principalReturn, interestReturn } = settlementReturn(granted, interest, spent);
  const spentOf = (code: string | null) => sumWon(spending.filter((e) => e.categoryCode === code).map((e) => e.amount));
  let lines: SettlementLineFigures[];
  if (categories.length) {
    lines = categories.map((c) => {
      const children = categories.filter((k) => k.parentCode === c.code);
      const s = children.length ? sumWon(children.map((k) => spentOf(k.code))) + spentOf(c.code) : spentOf(c.code);
      return {
        code: c.code,
        name: c.name,
        parentCode: c.parentCode,
        planned: c.amount,
        spent: s,
        overspent: overspends(c.amount, s, marginPercent),
      };
    });
    const known = new Set(categories.map((c) => c.code));
    for (const code of [...new Set(spending.map((e) => e.categoryCode))].filter((k) => !known.has(k ?? ''))) {
      // spent on a category of an earlier plan version that the approved plan dropped
      const s = spentOf(code);
      lines.push({
        code: code ?? 'uncategorised',
        name: code ? `${code} (현 계획에 없음)` : '비목 미지정',
        parentCode: null,
        planned: 0,
        spent: s,
        overspent: s > 0,
      });
    }
  } else {
    const planned = plan?.total ?? 0;
    lines = [{ code: 'total', name: '위탁사업비', parentCode: null, planned, spent, overspent: overspends(planned, spent, marginPercent) }];
  }
  return {
    plan,
    granted,
    spent,
    interest,
    returnAmount,
    principalReturn,
    interestReturn,
    lines,
    marginPercent,
    flagged: lines.some((l) => l.overspent),
  };
}

export function noApprovedPlan(fiscalYear: number): DomainError {
  return conflict(
    'no_approved_plan',
    `No approved grant plan for ${fiscalYear}`,
    `${fiscalYear}년 승인된 교부계획이 없습니다`,
    'fiscalYear',
  );
}

// ---------------------------------------------------------------------------------------------
// The operator's spending and interest

export interface OperatorEntryRequest {
  quarter: number;
  kind: 'spending' | 'interest';
  categoryCode?: string | null;
  amount: number;
  note?: string | null;
}

/** The entry's own checks: its quarter, a non-zero amount, a correction's note, interest without a category. */
export function checkOperatorEntry(input: OperatorEntryRequest): void {
  if (!QUARTERS.includes(input.quarter as 1)) throw invalid('quarter', 'quarter', 'quarter is 1–4', '분기는 1~4입니다');
  if (!Number.isSafeInteger(input.amount) || input.amount === 0)
    throw invalid('amount', 'nonZeroWon', 'amount is a non-zero whole number of won', '금액은 0이 아닌 원 단위 정수여야 합니다');
  if (input.amount < 0 && !input.note?.trim())
    throw invalid('note', 'required', 'A correction (negative amount) needs a note', '정정(음수 금액)에는 사유가 필요합니다');
  if (input.kind === 'interest' && input.categoryCode)
    throw invalid('categoryCode', 'interestHasNoCategory', 'Interest is not spent on a category', '이자에는 비목이 없습니다');
}

/** Spending names a leaf category of the approved plan (or none, when the plan has no categories). */
export function checkSpendingCategory(categories: PlanCategory[], categoryCode: string | null | undefined): void {
  if (categories.length) {
    const cat = categories.find((c) => c.code === categoryCode);
    if (!cat) {
      throw invalid(
        'categoryCode',
        'planCategory',
        `Spending names a category of the plan: ${categories.map((c) => c.code).join(', ')}`,
        `집행 비목은 교부계획의 비목이어야 합니다: ${categories.map((c) => c.name).join(', ')}`,
      );
    }
    if (categories.some((c) => c.parentCode === cat.code)) {
      throw invalid('categoryCode', 'leafCategory', `Spend on a sub-item of ${cat.code}`, ko`${cat.name}은/는 세부 항목에 집행해야 합니다`);
    }
  } else if (categoryCode) {
    throw invalid('categoryCode', 'planCategory', 'The plan has no categories', '교부계획에 비목이 없습니다');
  }
}

// ---------------------------------------------------------------------------------------------
// Settlement steps

/** A settlement is submitted against an approved plan, and spending may not exceed grants plus interest. */
export function assertSubmittable(f: SettlementFigures, fiscalYear: number): void {
  if (!f.plan) throw noApprovedPlan(fiscalYear);
  if (f.returnAmount < 0) {
    throw new DomainError(
      'conflict',
      'spent_exceeds_grant',
      `Spending (${f.spent} won) exceeds grants plus interest (${f.granted + f.interest} won)`,
      ko`집행액 ${won(f.spent)}이/가 교부액과 이자의 합 ${won(f.granted + f.interest)}을 넘습니다`,
      [
        {
          field: 'fiscalYear',
          rule: 'spentWithinGrant',
          message: 'spending exceeds grants plus interest',
          message_ko: '집행액이 교부액+이자를 넘습니다',
        },
      ],
      { granted: f.granted, interest: f.interest, spent: f.spent },
    );
  }
}

export interface StoredSettlement {
  id: number;
  status: string;
  grantPlanId: number | null;
  granted: number;
  spent: number;
  interest: number;
  submittedOn: string;
  reviewedOn: string | null;
}

/** The stored figures must still be the ledger's: anything recorded since submission needs a new submission. */
export function assertNotStale(s: StoredSettlement, f: SettlementFigures): void {
  if (f.granted !== s.granted || f.spent !== s.spent || f.interest !== s.interest || f.plan?.id !== s.grantPlanId) {
    throw conflict(
      'settlement_stale',
      'Grants, spending or interest changed since submission; submit the settlement again',
      '제출 후 교부·집행·이자 내역이 바뀌었습니다. 정산을 다시 제출하십시오',
      'id',
      {
        submitted: { granted: s.granted, spent: s.spent, interest: s.interest },
        now: { granted: f.granted, spent: f.spent, interest: f.interest },
      },
    );
  }
}

const SETTLEMENT_STATUS_KO: Record<string, string> = {
  submitted: '제출됨',
  reviewed: '검토 완료',
  confirmed: '확정',
  superseded: '대체됨',
};

/** A submitted settlement is reviewed, not before its submission. */
export function assertReviewable(s: StoredSettlement, reviewedOn: string): void {
  if (s.status !== 'submitted')
    throw conflict(
      'not_submitted',
      `Settlement ${s.id} is ${s.status}`,
      ko`정산 ${s.id}번은 검토할 수 있는 상태가 아닙니다 (${SETTLEMENT_STATUS_KO[s.status] ?? s.status})`,
      'id',
    );
  if (reviewedOn < s.submittedOn)
    throw invalid('reviewedOn', 'notBeforeSubmission', 'A review cannot precede the submission', '검토일이 제출일보다 앞설 수 없습니다');
}

/** A reviewed settlement is confirmed, not before its review. */
export function assertConfirmable(s: StoredSettlement, confirmedOn: string): void {
  if (s.status !== 'reviewed')
    throw conflict(
      'not_reviewed',
      `Settlement ${s.id} is ${s.status}; only a reviewed settlement can be confirmed`,
      '검토를 마친 정산만 확정할 수 있습니다',
      'id',
    );
  if (confirmedOn < (s.reviewedOn ?? s.submittedOn))
    throw invalid('confirmedOn', 'notBeforeReview', 'A confirmation cannot precede the review', '확정일이 검토일보다 앞설 수 없습니다');
}

/** The date of the 지출반납: as given, else the confirmation date, or 31 Dec when the confirmation falls after the year. */
export function returnDateOf(fiscalYear: number, confirmedOn: string, returnDate?: string | null): string {
  return returnDate ?? (confirmedOn.startsWith(`${fiscalYear}-`) ? confirmedOn : `${fiscalYear}-12-31`);
}

/** The rule (rule_versions) that sets the overspend margin of a settlement's categories, in percent. */
export const OVERSPEND_RULE = 'consignment_overspend_margin';

/** A confirmed settlement locks its consignment-year: every later write is refused. */
export function assertNotSettled(settlement: { id: number; confirmedOn: string | null } | null, year: number): void {
  if (settlement) {
    throw conflict(
      'consignment_year_settled',
      `The ${year} settlement of this consignment was confirmed on ${settlement.confirmedOn}; the year is locked`,
      `${year}년 정산이 ${settlement.confirmedOn}에 확정되어 더 이상 수정할 수 없습니다`,
      'fiscalYear',
      { fiscalYear: year, settlementId: settlement.id },
    );
  }
}
