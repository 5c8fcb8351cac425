/**
 * 전용 · 이용 · 이체 (domain.md §4): which transfers may be recorded, reversed and reported, and who
 * owns a program after its whole-program 이체. A transfer never takes a line below zero: the giving
 * line (and, on reversal, the receiving one) must keep 집행잔액 ≥ 0 (domain/ledger.ts assertCanReduce).
 */
import type { EntryKind } from '../entities/ledger-entry';
import type { TransferKind } from '../entities/budget-transfer';
import type { OrgLevel } from '../entities/org-unit';
import { conflict, invalid } from './errors';
import { assertDateInYear } from './fiscal-year';
import { ko } from './korean-particles';

/** The ledger entry kind each transfer kind posts on both lines. */
export const TRANSFER_ENTRY_KIND: Record<TransferKind, EntryKind> = {
  item: 'transfer_item',
  program: 'transfer_program',
  org: 'transfer_org',
};

/** A transfer as it is asked for. */
export interface TransferRequest {
  kind: TransferKind;
  transferDate: string;
  amount: number;
  fromItem: string;
  toItem: string;
  toOrgUnitId?: number | null;
  approvalRef?: string | null;
  reportedOn?: string | null;
}

/** The two program-years a transfer joins. */
export interface TransferSide {
  id: number;
  fiscalYear: number;
}

/**
 * The rules of each kind, before any figure is read: both sides in one fiscal year and the date in
 * it; 전용 between two different 편성목 of one program; 이용 between two programs, with the council's
 * prior approval; 이체 naming the receiving department; a report date not before the transfer.
 * Returns whether it is a whole-program 이체 (from = to program-year), which moves no money.
 */
export function assertTransferAllowed(input: TransferRequest, from: TransferSide, to: TransferSide): { wholeProgram: boolean } {
  if (from.fiscalYear !== to.fiscalYear)
    throw invalid(
      'toProgramYearId',
      'sameFiscalYear',
      'Both sides of a transfer must be in one fiscal year',
      '전용·이용·이체는 같은 회계연도 안에서만 가능합니다',
    );
  assertDateInYear(input.transferDate, from.fiscalYear, 'transferDate');
  const wholeProgram = input.kind === 'org' && from.id === to.id;
  if (input.kind === 'item' && (from.id !== to.id || input.fromItem === input.toItem)) {
    throw invalid(
      'toItem',
      'transferItemRule',
      '전용 moves money between two different expense items of one program',
      '전용은 같은 사업 안의 서로 다른 편성목 사이에서만 가능합니다',
    );
  }
  if (input.kind === 'program' && from.id === to.id) {
    throw invalid(
      'toProgramYearId',
      'transferProgramRule',
      '이용 moves money between two different programs',
      '이용은 서로 다른 사업 사이에서만 가능합니다',
    );
  }
  if (input.kind === 'program' && !input.approvalRef) {
    throw invalid(
      'approvalRef',
      'councilApprovalRequired',
      '이용 needs the prior council approval reference',
      '이용은 사전 의회 의결 근거가 필요합니다',
    );
  }
  if (input.kind === 'org' && !input.toOrgUnitId) {
    throw invalid('toOrgUnitId', 'required', '이체 names the receiving department', '이체는 받는 부서가 필요합니다');
  }
  if (input.reportedOn && input.reportedOn < input.transferDate) {
    throw invalid(
      'reportedOn',
      'notBeforeTransfer',
      'A transfer cannot be reported before it happened',
      '보고일이 전용일보다 앞설 수 없습니다',
    );
  }
  return { wholeProgram };
}

/** What an 이체's target is, as the organisation chart has it (null: no unit has that id). */
export interface TransferTarget {
  id: number;
  name: string;
  level: OrgLevel;
  validFrom: string;
  validTo: string | null;
}

/**
 * The department an 이체 names must exist, be a department (부서, not a 실·국 or a 팀), exist on the
 * transfer date (not yet abolished, already founded) and not be the department that gives the program
 * or the money — otherwise the program would belong to nobody who can write to it, or stay where it is.
 */
export function assertTransferTarget(transferDate: string, target: TransferTarget | null, sourceOrgUnitId: number): void {
  if (!target) throw invalid('toOrgUnitId', 'exists', 'The receiving department does not exist', '받는 부서가 조직도에 없습니다');
  if (target.level !== 'department')
    throw invalid(
      'toOrgUnitId',
      'isDepartment',
      `이체 goes to a department; ${target.name} is a ${target.level}`,
      ko`이체는 부서로만 할 수 있습니다 (${target.name}은/는 부서가 아닙니다)`,
    );
  if (target.validFrom > transferDate || (target.validTo !== null && target.validTo < transferDate))
    throw invalid(
      'toOrgUnitId',
      'validOnDate',
      `${target.name} does not exist on ${transferDate} (valid ${target.validFrom} – ${target.validTo ?? ''})`,
      ko`${target.name}은/는 ${transferDate}에 존재하지 않는 부서입니다 (${target.validFrom} ~ ${target.validTo ?? ''})`,
    );
  if (target.id === sourceOrgUnitId)
    throw invalid(
      'toOrgUnitId',
      'notSource',
      'An 이체 goes to another department than the one that gives it',
      '이체는 다른 부서로만 할 수 있습니다',
    );
}

/** A whole-program 이체 carries the program's whole 예산액. */
export function assertWholeProgramAmount(amount: number, budget: number): void {
  if (amount !== budget) {
    throw invalid(
      'amount',
      'wholeProgramAmount',
      `A whole-program 이체 carries the program's 예산액 (${budget} won)`,
      `사업 전체 이체 금액은 예산액 ${budget}원이어야 합니다`,
    );
  }
}

/** What the reversal decisions read of a transfer. */
export interface TransferToReverse {
  id: number;
  fiscalYear: number;
  transferDate: string;
  reversalOfId: number | null;
}

/** A reversal is not reversed again (a new transfer is recorded instead). */
export function assertNotAReversal(original: TransferToReverse): void {
  if (original.reversalOfId !== null)
    throw conflict(
      'reversal_of_reversal',
      'A reversal cannot be reversed; record a new transfer',
      '취소 기록은 다시 취소할 수 없습니다. 새로 기록하십시오',
      'id',
    );
}

/** A transfer is reversed once. */
export function assertTransferNotYetReversed(original: TransferToReverse, alreadyReversed: boolean): void {
  if (alreadyReversed)
    throw conflict('already_reversed', `Transfer ${original.id} is already reversed`, '이미 취소된 전용·이용·이체입니다', 'id');
}

/** A reversal is dated in the transfer's year, not before the transfer it undoes. */
export function assertReversalDate(original: TransferToReverse, transferDate: string): void {
  assertDateInYear(transferDate, original.fiscalYear, 'transferDate');
  if (transferDate < original.transferDate) {
    throw invalid(
      'transferDate',
      'notBeforeTransfer',
      'A reversal cannot precede the transfer it undoes',
      '취소일이 원래 전용·이용·이체일보다 앞설 수 없습니다',
    );
  }
}

/** Only a 전용 is reported to the standing committee, once, on or after the day it happened. */
export function assertCommitteeReport(
  t: { id: number; kind: TransferKind; transferDate: string; reportedOn: string | null },
  reportedOn: string,
): void {
  if (t.kind !== 'item')
    throw invalid('id', 'onlyItemTransfers', 'Only 전용 are reported to the standing committee', '상임위원회 보고 대상은 전용뿐입니다');
  if (t.reportedOn)
    throw conflict(
      'already_reported',
      `Transfer ${t.id} was reported on ${t.reportedOn}`,
      `이미 ${t.reportedOn}에 보고되었습니다`,
      'reportedOn',
    );
  if (reportedOn < t.transferDate)
    throw invalid(
      'reportedOn',
      'notBeforeTransfer',
      'A transfer cannot be reported before it happened',
      '보고일이 전용일보다 앞설 수 없습니다',
    );
}

/** A whole-program 이체 as ownership reads it. */
export interface ProgramMove {
  id: number;
  reversalOfId: number | null;
  toOrgUnitId: number | null;
}

/** The department that owns a program-year now: its own, or the target of its latest whole-program 이체 (oldest first) not reversed. */
export function ownerAfterMoves(ownOrgUnitId: number, moves: ProgramMove[]): number {
  const live = moves.filter((m) => m.reversalOfId === null && !moves.some((r) => r.reversalOfId === m.id));
  return live.length ? live[live.length - 1].toOrgUnitId! : ownOrgUnitId;
}
