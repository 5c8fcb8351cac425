import { conflict, invalid } from './errors';
import { ko } from './korean-particles';

/**
 * The rules of a consignment's records (operators, the consignment itself, contract terms, council
 * consents, staff counts). Each takes what the use case read — whether a clashing row exists — and
 * refuses with the field and the rule, or returns.
 */

export function assertNewOperator(name: string, existing: unknown): void {
  if (existing) throw conflict('duplicate_operator', `Operator ${name} exists`, ko`수탁기관 ${name}이/가 이미 있습니다`, 'name');
}

export function assertNewConsignment(input: { code: string; fundingType: string; programCode?: string | null }, existing: unknown): void {
  if (existing) {
    throw conflict('duplicate_code', `Consignment code ${input.code} exists`, ko`위탁사무 코드 ${input.code}이/가 이미 있습니다`, 'code');
  }
  if (input.fundingType === 'budget' && !input.programCode) {
    throw invalid(
      'programCode',
      'required',
      'A budget-funded consignment names the program that funds it',
      '예산지원형 위탁사무는 재원 사업을 지정해야 합니다',
    );
  }
}

/** A contract term: it ends after it starts, only a renewal (재계약) counts renewals, one term per start date. */
export function assertContractTerm(
  input: { startDate: string; endDate: string; selectionMethod: string; renewalCount?: number },
  termStartingSameDay: unknown,
): void {
  if (input.endDate < input.startDate)
    throw invalid('endDate', 'afterStartDate', 'endDate is before startDate', '계약 종료일이 시작일보다 앞섭니다');
  if (input.selectionMethod !== 'renewal' && (input.renewalCount ?? 0) !== 0) {
    throw invalid('renewalCount', 'renewalOnly', 'Only a renewal (재계약) carries a renewal count', '재계약만 재계약 횟수를 가집니다');
  }
  if (termStartingSameDay) {
    throw conflict(
      'duplicate_term',
      `A term starting ${input.startDate} exists`,
      `${input.startDate}에 시작하는 계약기간이 이미 있습니다`,
      'startDate',
    );
  }
}

/** A council consent (동의안): its dates in order (submitted ≤ referred ≤ decided), a decided bill has its date. */
export function assertConsentDates(input: {
  submittedOn?: string | null;
  referredOn?: string | null;
  decidedOn?: string | null;
  result: string;
}): void {
  const dates = [input.submittedOn, input.referredOn, input.decidedOn].filter((d): d is string => !!d);
  if (dates.some((d, i) => i > 0 && d < dates[i - 1])) {
    throw invalid('decidedOn', 'dateOrder', 'submitted ≤ referred ≤ decided', '제출일 ≤ 회부일 ≤ 의결일 순서여야 합니다');
  }
  if (input.result !== 'pending' && !input.decidedOn)
    throw invalid('decidedOn', 'required', 'A decided bill needs its decision date', '의결 결과에는 의결일이 필요합니다');
}

export function assertNewBill(billNumber: string, existing: unknown): void {
  if (existing) {
    throw conflict('duplicate_bill', `Bill ${billNumber} is recorded`, ko`의안 ${billNumber}이/가 이미 있습니다`, 'billNumber');
  }
}

/** A year's headcount: a whole number ≥ 0, once per year. */
export function assertStaffCount(input: { year: number; headcount: number }, existing: unknown): void {
  if (!Number.isInteger(input.headcount) || input.headcount < 0)
    throw invalid('headcount', 'nonNegative', 'headcount must be ≥ 0', '인원은 0 이상이어야 합니다');
  if (existing) {
    throw conflict('duplicate_staff_year', `Headcount for ${input.year} is recorded`, `${input.year}년 인원이 이미 있습니다`, 'year');
  }
}
