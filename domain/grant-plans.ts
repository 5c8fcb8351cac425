/**
 * The grant plan (위탁금 교부계획) of a consignment-year: an amount per quarter, optionally broken down
 * into calculation-basis categories (산출근거). These are the checks a plan version must pass, pure:
 * the caller reads the figures (예산현액 of the funding line, what was already granted) under the
 * consignment-year's lock and hands them in.
 */
import { conflict, DomainError, invalid } from './errors';
import { formatInteger, sumOfInput, sumWon } from './money';
import { ko } from './korean-particles';

const won = (n: number) => `${formatInteger(n)}원`;

export const QUARTERS = [1, 2, 3, 4] as const;

export interface PlanQuarters {
  q1: number;
  q2: number;
  q3: number;
  q4: number;
}

export function planQuarters(plan: PlanQuarters): [number, number, number, number] {
  return [plan.q1, plan.q2, plan.q3, plan.q4];
}

/** Σ plan quarters 1 … q */
export function planToDate(plan: PlanQuarters, quarter: number): number {
  return sumWon(planQuarters(plan).slice(0, quarter));
}

export interface PlanCategoryInput {
  code: string;
  name: string;
  parentCode?: string | null;
  amount: number;
}

/** What a plan is checked against, read under the consignment-year's lock. */
export interface PlanFigures {
  /** 예산현액 of the funding line */
  currentBudget: number;
  /** Σ paid grants of the year */
  granted: number;
}

/** Four whole, non-negative quarterly amounts that grant something; returns their total. */
export function planTotalOf(quarters: number[]): number {
  if (quarters.length !== 4 || quarters.some((q) => !Number.isSafeInteger(q) || q < 0)) {
    throw invalid(
      'quarters',
      'fourQuarters',
      'quarters lists four non-negative amounts of won',
      'quarters는 1~4분기 금액(0 이상) 네 개여야 합니다',
    );
  }
  const total = sumOfInput(quarters, 'quarters');
  if (total <= 0) throw invalid('quarters', 'positiveTotal', 'A plan grants something', '교부계획 합계는 0보다 커야 합니다');
  return total;
}

/** Categories have unique codes and whole amounts, their parents exist, the top level adds up to the plan and each parent to its sub-items. */
export function checkCategories(categories: PlanCategoryInput[], total: number): void {
  const codes = new Set<string>();
  for (const c of categories) {
    if (codes.has(c.code))
      throw invalid('categories', 'uniqueCode', `Category ${c.code} appears twice`, ko`비목 ${c.code}이/가 중복되었습니다`);
    codes.add(c.code);
    if (!Number.isSafeInteger(c.amount) || c.amount < 0)
      throw invalid(
        'categories',
        'nonNegativeWon',
        `Category ${c.code} needs a whole, non-negative amount`,
        `비목 ${c.code} 금액은 0 이상의 원 단위 정수여야 합니다`,
      );
  }
  for (const c of categories) {
    if (c.parentCode && !categories.some((p) => p.code === c.parentCode && !p.parentCode)) {
      throw invalid(
        'categories',
        'parentExists',
        `Parent ${c.parentCode} of ${c.code} is not a top-level category`,
        ko`${c.code}의 상위 비목 ${c.parentCode}이/가 없습니다`,
      );
    }
  }
  const top = categories.filter((c) => !c.parentCode);
  const topSum = sumOfInput(
    top.map((c) => c.amount),
    'categories',
  );
  if (topSum !== total) {
    throw new DomainError(
      'invalid',
      'categories_sum',
      `Categories add up to ${topSum} won, the plan to ${total} won`,
      ko`비목 합계 ${won(topSum)}이/가 교부계획 ${won(total)}과 다릅니다`,
      [
        {
          field: 'categories',
          rule: 'sumEqualsPlan',
          message: `categories must add up to ${total} won`,
          message_ko: `비목 합계는 ${won(total)}이어야 합니다`,
        },
      ],
      { categoriesTotal: topSum, planTotal: total },
    );
  }
  for (const p of top) {
    const children = categories.filter((c) => c.parentCode === p.code);
    if (
      children.length &&
      sumOfInput(
        children.map((c) => c.amount),
        'categories',
      ) !== p.amount
    ) {
      throw invalid(
        'categories',
        'childrenSum',
        `Sub-items of ${p.code} do not add up to ${p.amount} won`,
        `${p.name}의 세부 항목 합계가 ${won(p.amount)}과 다릅니다`,
      );
    }
  }
}

/** A plan may not exceed 예산현액, nor fall below what was already granted. */
export function assertPlanFits(total: number, figures: PlanFigures): void {
  const current = figures.currentBudget;
  if (total > current) {
    throw new DomainError(
      'conflict',
      'plan_exceeds_appropriation',
      `The grant plan (${total} won) exceeds the appropriation's current budget (예산현액 ${current} won)`,
      ko`교부계획 ${won(total)}이/가 예산현액 ${won(current)}을 넘습니다`,
      [{ field: 'quarters', rule: 'withinCurrentBudget', message: `at most ${current} won`, message_ko: `최대 ${won(current)}` }],
      { planTotal: total, currentBudget: current, excess: total - current },
    );
  }
  const paid = figures.granted;
  if (total < paid) {
    throw new DomainError(
      'conflict',
      'plan_below_paid',
      `The plan (${total} won) is below what was already granted (${paid} won)`,
      ko`교부계획 ${won(total)}이/가 이미 교부한 ${won(paid)}보다 적습니다`,
      [{ field: 'quarters', rule: 'notBelowGranted', message: `at least ${paid} won`, message_ko: `최소 ${won(paid)}` }],
      { planTotal: total, granted: paid },
    );
  }
}

/**
 * A new plan version: four quarters granting something, within 예산현액, not below what was granted,
 * categories (when given) adding up. Returns the plan's total.
 */
export function decidePlan(request: { quarters: number[]; categories?: PlanCategoryInput[] | null }, figures: PlanFigures): number {
  const total = planTotalOf(request.quarters);
  assertPlanFits(total, figures);
  if (request.categories?.length) checkCategories(request.categories, total);
  return total;
}

/** A change to an approved plan needs its reason. */
export function assertChangeHasReason(approvedExists: boolean, reason: string | null | undefined): void {
  if (approvedExists && !reason?.trim()) {
    throw invalid('reason', 'required', 'A change to an approved plan needs a reason', '승인된 교부계획을 변경하려면 사유가 필요합니다');
  }
}

/** Only a draft is approved. */
export function assertDraft(plan: { version: number; status: string }): void {
  if (plan.status !== 'draft')
    throw conflict(
      'plan_not_draft',
      `Plan version ${plan.version} is ${plan.status}`,
      `교부계획 ${plan.version}차는 ${plan.status === 'approved' ? '이미 승인됨' : '대체됨'} 상태입니다`,
      'id',
    );
}

/** Only the latest version is approved. */
export function assertLatestVersion(newerVersions: number): void {
  if (newerVersions) throw conflict('plan_outdated', 'A newer version of this plan exists', '이 교부계획보다 새 버전이 있습니다', 'id');
}
