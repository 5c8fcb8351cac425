/**
 * The expenditure ledger's identities (domain.md §4), in one pure module used by the services, the
 * API, the web pages and the reports:
 *
 *   예산현액 = 예산액 + 전년이월 + 예산변경
 *   집행잔액 = 예산현액 − 집행액 − 차년이월   (never below zero)
 *
 * 예산액 is the appropriation as passed plus 추경; 예산변경 is 전용 · 이용 · 이체 · 예비비 · 변경사용.
 */
import type { EntryKind } from '../entities/ledger-entry';
import { DomainError } from './errors';
import { executionRate, formatInteger, MAX_AMOUNT, Rate, sumWon } from './money';
import { ko } from './korean-particles';

export interface LineFigures {
  /** 예산액 (최종예산): appropriation + 추경 */
  budget: number;
  /** 전년이월 */
  carryIn: number;
  /** 예산변경: 전용·이용·이체·예비비·변경사용, signed */
  changes: number;
  /** 예산현액 */
  current: number;
  /** 집행액 */
  executed: number;
  /** 차년이월 */
  carriedOut: number;
  /** 집행잔액 (불용액) */
  balance: number;
}

export const ZERO_FIGURES: LineFigures = Object.freeze({
  budget: 0,
  carryIn: 0,
  changes: 0,
  current: 0,
  executed: 0,
  carriedOut: 0,
  balance: 0,
});

const BUDGET_KINDS: ReadonlySet<EntryKind> = new Set(['supplementary']);
const CHANGE_KINDS: ReadonlySet<EntryKind> = new Set(['transfer_item', 'transfer_program', 'transfer_org', 'reserve', 'change_use']);

/** Which column of the ledger an entry kind moves. */
export function columnOf(kind: EntryKind): keyof Pick<LineFigures, 'budget' | 'carryIn' | 'changes' | 'executed' | 'carriedOut'> {
  if (BUDGET_KINDS.has(kind)) return 'budget';
  if (kind === 'carry_in') return 'carryIn';
  if (CHANGE_KINDS.has(kind)) return 'changes';
  if (kind === 'execution') return 'executed';
  return 'carriedOut';
}

export function figures(parts: { budget: number; carryIn: number; changes: number; executed: number; carriedOut: number }): LineFigures {
  const current = sumWon([parts.budget, parts.carryIn, parts.changes]);
  return { ...parts, current, balance: current - parts.executed - parts.carriedOut };
}

/** The figures of one line from its appropriation and its entries (amount per kind). */
export function lineFigures(appropriated: number, entries: Iterable<{ kind: EntryKind; amount: number }>): LineFigures {
  const parts = { budget: appropriated, carryIn: 0, changes: 0, executed: 0, carriedOut: 0 };
  for (const e of entries) parts[columnOf(e.kind)] += e.amount;
  return figures(parts);
}

/** A line's figures once one more entry is posted to it. */
export function withEntry(f: LineFigures, kind: EntryKind, amount: number): LineFigures {
  const parts = { budget: f.budget, carryIn: f.carryIn, changes: f.changes, executed: f.executed, carriedOut: f.carriedOut };
  parts[columnOf(kind)] += amount;
  return figures(parts);
}

/** Roll-up of lines (a program, a department, a bureau): sums of the stored amounts. */
export function addFigures(lines: Iterable<LineFigures>): LineFigures {
  const all = [...lines];
  return figures({
    budget: sumWon(all.map((l) => l.budget)),
    carryIn: sumWon(all.map((l) => l.carryIn)),
    changes: sumWon(all.map((l) => l.changes)),
    executed: sumWon(all.map((l) => l.executed)),
    carriedOut: sumWon(all.map((l) => l.carriedOut)),
  });
}

/**
 * A line's columns and its 예산현액 stay within ±10^15 won, checked before the entry is added: a
 * hundred 추경 of 10^15 are refused here, not turned into an inexact sum.
 */
export function assertWithinRange(f: LineFigures, kind: EntryKind, amount: number, field = 'amount'): void {
  const column = columnOf(kind);
  const after = BigInt(f[column]) + BigInt(amount);
  const current = column === 'executed' || column === 'carriedOut' ? BigInt(f.current) : BigInt(f.current) + BigInt(amount);
  const limit = BigInt(MAX_AMOUNT);
  if (after > limit || after < -limit || current > limit || current < -limit) {
    throw new DomainError(
      'conflict',
      'line_total_out_of_range',
      `The entry would take the line's ${column} or current budget beyond 10^15 won`,
      `이 기록을 더하면 예산 항목의 금액이 10^15원을 넘습니다`,
      [
        {
          field,
          rule: 'lineWithinRange',
          message: 'line totals stay within ±10^15 won',
          message_ko: '항목 합계는 ±10^15원 이내여야 합니다',
        },
      ],
      { [column]: f[column], currentBudget: f.current, requested: amount, limit: MAX_AMOUNT },
    );
  }
}

/** 집행률 of a line, rounded as the documents print it. */
export function executionRateOf(f: LineFigures, decimals = 1): Rate {
  return executionRate(f.executed, f.current, decimals);
}

const won = (n: number) => `${formatInteger(n)}원`;

/**
 * An execution or carry-over may not take 집행액 + 차년이월 above 예산현액. A negative amount (a
 * 지출반납 or a reversal) may not take 집행액 or 차년이월 below zero either.
 */
export function assertCanSpend(f: LineFigures, kind: 'execution' | 'carry_out', amount: number, field = 'amount'): void {
  const available = f.balance;
  if (amount > available) {
    const what = kind === 'execution' ? '집행액' : '차년이월';
    throw new DomainError(
      'conflict',
      'exceeds_current_budget',
      `${kind === 'execution' ? 'Execution' : 'Carry-over'} of ${amount} won would take executed + carried over above the current budget (available ${available} won)`,
      ko`${what} ${won(amount)}을/를 더하면 집행액+차년이월이 예산현액 ${won(f.current)}을 넘습니다 (남은 금액 ${won(available)})`,
      [
        {
          field,
          rule: 'withinCurrentBudget',
          message: `at most ${available} won is available`,
          message_ko: `집행 가능액은 ${won(available)}입니다`,
        },
      ],
      { currentBudget: f.current, executed: f.executed, carriedOut: f.carriedOut, requested: amount, available },
    );
  }
  const column = kind === 'execution' ? f.executed : f.carriedOut;
  if (column + amount < 0) {
    throw new DomainError(
      'conflict',
      'below_zero',
      'The entry would take the line below zero',
      '이 금액은 누계를 0 아래로 내립니다',
      [
        {
          field,
          rule: 'notBelowZero',
          message: `at most ${column} won can be reversed`,
          message_ko: `되돌릴 수 있는 금액은 ${won(column)}입니다`,
        },
      ],
      { current: column, requested: amount },
    );
  }
}

/**
 * A budget change (전용·이용·이체 out, a negative 추경) may not take the line's 예산현액 below what it
 * has already spent and carried: the line's 집행잔액 must stay ≥ 0 (so the line never goes below zero).
 */
export function assertCanReduce(f: LineFigures, amount: number, field = 'amount'): void {
  if (amount > f.balance) {
    throw new DomainError(
      'conflict',
      'line_below_zero',
      `Moving ${amount} won out would take the line below zero (its unspent balance is ${f.balance} won)`,
      ko`${won(amount)}을/를 빼면 예산이 음수가 됩니다 (집행잔액 ${won(f.balance)})`,
      [
        {
          field,
          rule: 'lineNotBelowZero',
          message: `at most ${f.balance} won can move out`,
          message_ko: `최대 ${won(f.balance)}까지 옮길 수 있습니다`,
        },
      ],
      { currentBudget: f.current, executed: f.executed, carriedOut: f.carriedOut, requested: amount, available: f.balance },
    );
  }
}
