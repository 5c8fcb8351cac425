/**
 * Which ledger entries may be posted and reversed (domain.md §4), decided on a line's figures read
 * under the program-year's lock. The identity 집행잔액 ≥ 0 itself is domain/ledger.ts's
 * (assertCanSpend, assertCanReduce).
 */
import type { CarryType, EntryKind } from '../entities/ledger-entry';
import { conflict, invalid } from './errors';
import { assertDateInYear } from './fiscal-year';
import { assertCanReduce, assertCanSpend, assertWithinRange, LineFigures } from './ledger';

/** The kinds a person (or a service) posts directly; transfers post their own kinds. */
export const POSTABLE_KINDS = [
  'supplementary',
  'carry_in',
  'reserve',
  'change_use',
  'execution',
  'carry_out',
] as const satisfies readonly EntryKind[];
export type PostableKind = (typeof POSTABLE_KINDS)[number];

/** An entry as it is asked for, before it is checked against its line. */
export interface EntryRequest {
  kind: PostableKind;
  /** signed won; the API only lets positive amounts in, services may post a negative execution (지출반납) */
  amount: number;
  entryDate: string;
  reason?: string | null;
  carryType?: CarryType | null;
}

/**
 * An amount moving a line's column: an execution or carry-over may not take 집행액 + 차년이월 above
 * 예산현액 (nor its own column below zero); any other reduction may not take the line below zero.
 */
export function assertLineTakes(before: LineFigures, kind: EntryKind, amount: number): void {
  assertWithinRange(before, kind, amount);
  if (kind === 'execution' || kind === 'carry_out') assertCanSpend(before, kind, amount);
  else if (amount < 0) assertCanReduce(before, -amount);
}

/**
 * The checks an entry must pass against its line's figures in its fiscal year: its date is in the
 * year, a carry-over names its type, a carry-over, 예비비 or 변경사용 gives its reason, and the line
 * can take the amount.
 */
export function assertPostable(before: LineFigures, fiscalYear: number, input: EntryRequest): void {
  assertDateInYear(input.entryDate, fiscalYear);
  if (input.kind === 'carry_out' && !input.carryType) {
    throw invalid(
      'carryType',
      'required',
      'A carry-over needs its type (explicit, accident, continuing)',
      '차년이월은 이월 종류(명시·사고·계속비)가 필요합니다',
    );
  }
  if ((input.kind === 'carry_out' || input.kind === 'reserve' || input.kind === 'change_use') && !input.reason) {
    throw invalid('reason', 'required', 'This entry needs a reason', '사유를 입력해야 합니다');
  }
  assertLineTakes(before, input.kind, input.amount);
}

/** What the reversal decisions read of an entry. */
export interface EntryToReverse {
  id: number;
  kind: EntryKind;
  amount: number;
  transferId: number | null;
  reversalOfId: number | null;
  sourceRef: string | null;
}

/**
 * An entry is corrected directly in the ledger only when it is its own record: a transfer's entries
 * are reversed through the transfer, a reversal is not reversed again, and an entry another record
 * posted (a grant payment's 집행, a settlement's 반납) is corrected there.
 */
export function assertReversibleInLedger(original: EntryToReverse): void {
  if (original.transferId !== null) {
    throw conflict(
      'reverse_through_transfer',
      `Reverse the transfer (POST /api/transfers/${original.transferId}/reversal), not one of its entries`,
      '전용·이용·이체는 해당 건 전체를 취소해야 합니다',
      'id',
    );
  }
  if (original.reversalOfId !== null)
    throw conflict(
      'reversal_of_reversal',
      'A reversal cannot be reversed; post a new entry',
      '취소 기록은 다시 취소할 수 없습니다. 새로 기록하십시오',
      'id',
    );
  if (original.sourceRef !== null) {
    throw conflict(
      'reverse_through_source',
      `Entry ${original.id} was posted by ${original.sourceRef}; correct it there, not in the ledger`,
      `이 기록은 ${original.sourceRef}에서 생긴 것이므로 원장에서 직접 취소할 수 없습니다`,
      'id',
      { sourceRef: original.sourceRef },
    );
  }
}

/** An entry is reversed once. */
export function assertNotYetReversed(original: { id: number }, alreadyReversed: boolean): void {
  if (alreadyReversed) throw conflict('already_reversed', `Entry ${original.id} is already reversed`, `이미 취소된 기록입니다`, 'id');
}
