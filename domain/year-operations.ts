/**
 * Opening a fiscal year and carrying the 차년이월 of a closed year into the next (domain.md §4): which
 * programs continue into a new year, what the closing of year N posts into N+1, and the identity
 * that ties the two years together — per line (program × 편성목), Σ 차년이월 of N = Σ 전년이월 of N+1
 * carried from N. No I/O.
 */
import type { CarryType } from '../entities/ledger-entry';
import { conflict, DomainError } from './errors';
import { sumWon } from './money';

export const CARRY_TYPE_KO: Record<CarryType, string> = { explicit: '명시이월', accident: '사고이월', continuing: '계속비이월' };

/** The mark a carried-in entry's sourceRef bears: `carry_out:<id of the 차년이월 entry>`. */
export const CARRY_SOURCE = 'carry_out:';
export const carrySourceRef = (carryOutId: number): string => `${CARRY_SOURCE}${carryOutId}`;

/** The first day of a year, on which organisation units and accounts must be valid to carry over. */
export const firstDayOf = (year: number): string => `${year}-01-01`;

/** Whether a dated row (organisation unit, account) is valid on a day. */
export const validOn = (row: { validFrom: string; validTo: string | null }, day: string): boolean =>
  row.validFrom <= day && (row.validTo === null || row.validTo >= day);

/** A program-year of year N as the opening of N+1 reads it. */
export interface ProgramYearToCarry {
  id: number;
  programId: number;
  parentId: number | null;
  /** the department that owns it at the end of N (after whole-program 이체) */
  ownerOrgUnitId: number;
  name: string;
  sortOrder: number;
}

export interface CarryForwardPlan<P extends ProgramYearToCarry> {
  /** policy programs first, then the programs under them, each in N's order */
  carried: P[];
  /** those left behind, with the reason in Korean and English */
  skipped: { programYear: P; reason: string; reasonKo: string }[];
}

/**
 * Which programs of year N continue into N+1 (the rule where the issue is silent): every program
 * of N whose department (after any whole-program 이체 in N) is still valid on 1 January N+1 — its
 * hierarchy, name, department and order; not its amounts. A program under a policy program that does
 * not continue is left behind too (its department's officer places it again in N+1). Programs already
 * in N+1 are not carried twice.
 */
export function planCarryForward<P extends ProgramYearToCarry>(
  programYears: P[],
  orgValidInNext: (orgUnitId: number) => boolean,
  alreadyInNext: (programId: number) => boolean,
): CarryForwardPlan<P> {
  const plan: CarryForwardPlan<P> = { carried: [], skipped: [] };
  const carriedIds = new Set<number>();
  const byOrder = [...programYears].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  // parents (no parent of their own) first, so that a unit program finds its policy program
  for (const py of [...byOrder.filter((p) => p.parentId === null), ...byOrder.filter((p) => p.parentId !== null)]) {
    if (alreadyInNext(py.programId)) {
      carriedIds.add(py.id);
      continue;
    }
    if (!orgValidInNext(py.ownerOrgUnitId)) {
      plan.skipped.push({
        programYear: py,
        reason: 'its department does not exist in the new year',
        reasonKo: '새 연도에 소관 부서가 없음',
      });
      continue;
    }
    if (py.parentId !== null && !carriedIds.has(py.parentId)) {
      plan.skipped.push({ programYear: py, reason: 'its policy program does not continue', reasonKo: '상위 정책사업이 이어지지 않음' });
      continue;
    }
    carriedIds.add(py.id);
    plan.carried.push(py);
  }
  return plan;
}

/** A 차년이월 entry of year N still standing (neither a reversal nor reversed). */
export interface LiveCarryOut {
  id: number;
  programId: number;
  expenseItem: string;
  amount: number;
  carryType: CarryType | null;
  reason: string | null;
}

/** What closing year N posts into N+1 for one 차년이월 entry: a 전년이월 of the same amount on the same line. */
export interface CarryIn {
  programId: number;
  expenseItem: string;
  amount: number;
  carryType: CarryType | null;
  entryDate: string;
  reason: string;
  sourceRef: string;
}

const MAX_REASON = 500;

/** The 전년이월 entries closing year N posts into N+1, one per live 차년이월, dated 1 January N+1. */
export function carryInsFor(year: number, carryOuts: LiveCarryOut[]): CarryIn[] {
  return carryOuts.map((c) => {
    const type = c.carryType ? CARRY_TYPE_KO[c.carryType] : '이월';
    const reason = `${year}년 ${type}${c.reason ? `: ${c.reason}` : ''}`;
    return {
      programId: c.programId,
      expenseItem: c.expenseItem,
      amount: c.amount,
      carryType: c.carryType,
      entryDate: firstDayOf(year + 1),
      reason: reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason,
      sourceRef: carrySourceRef(c.id),
    };
  });
}

/** Σ 차년이월 by carry type (명시 · 사고 · 계속비), for the closing's confirmation. */
export function carryTotals(carryOuts: { amount: number; carryType: CarryType | null }[]): {
  byType: { carryType: CarryType; label: string; count: number; amount: number }[];
  count: number;
  total: number;
} {
  const byType = (Object.keys(CARRY_TYPE_KO) as CarryType[]).map((t) => {
    const of = carryOuts.filter((c) => c.carryType === t);
    return { carryType: t, label: CARRY_TYPE_KO[t], count: of.length, amount: sumWon(of.map((c) => c.amount)) };
  });
  return { byType, count: carryOuts.length, total: sumWon(carryOuts.map((c) => c.amount)) };
}

/**
 * Year N closes with 차년이월 only when N+1 is there to take them, open. (The rule where the issue is
 * silent: the closing does not open N+1 by itself — opening a year is its own act, with its own
 * carry-forward of the programs — it refuses and says what to do.)
 */
export function assertNextYearTakes(next: { status: 'open' | 'closed' } | null, year: number, carryOutCount: number): void {
  if (carryOutCount === 0) return;
  if (!next) {
    throw conflict(
      'next_year_not_open',
      `Fiscal year ${year} has ${carryOutCount} carry-over(s) to carry into ${year + 1}, which is not opened yet: open ${year + 1} first`,
      `${year}회계연도의 차년이월 ${carryOutCount}건을 넘길 ${year + 1}회계연도가 아직 없습니다. ${year + 1}회계연도를 먼저 여십시오`,
      'year',
      { fiscalYear: year, carryOuts: carryOutCount },
    );
  }
  if (next.status === 'closed') {
    throw conflict(
      'next_year_closed',
      `Fiscal year ${year + 1} is closed: the carry-overs of ${year} cannot be carried into it`,
      `${year + 1}회계연도가 마감되어 ${year}회계연도의 차년이월을 넘길 수 없습니다`,
      'year',
      { fiscalYear: year },
    );
  }
}

/** One line's side of the cross-year identity. */
export interface CarryLine {
  programId: number;
  expenseItem: string;
  /** Σ 차년이월 of N (reversals included) */
  carriedOut: number;
  /** Σ 전년이월 of N+1 carried from N (reversals included) */
  carriedIn: number;
}

/** The lines where Σ 차년이월 of N ≠ Σ 전년이월 of N+1 carried from N. */
export const carryIdentityBreaks = (lines: CarryLine[]): CarryLine[] => lines.filter((l) => l.carriedOut !== l.carriedIn);

/** The cross-year identity holds on every line, or the closing is refused (and nothing of it is written). */
export function assertCarryIdentity(year: number, lines: CarryLine[]): void {
  const breaks = carryIdentityBreaks(lines);
  if (!breaks.length) return;
  const b = breaks[0];
  throw new DomainError(
    'conflict',
    'carry_identity_broken',
    `Carry-over of ${year} into ${year + 1} does not add up on ${breaks.length} line(s): program ${b.programId} ${b.expenseItem} carried out ${b.carriedOut}, carried in ${b.carriedIn}`,
    `${year}회계연도 차년이월과 ${year + 1}회계연도 전년이월이 ${breaks.length}개 항목에서 맞지 않습니다`,
    [],
    { fiscalYear: year, lines: breaks.length, carriedOut: b.carriedOut, carriedIn: b.carriedIn },
  );
}
