import type { RevenueEntryKind } from '../entities/revenue';
import { conflict, invalid } from './errors';
import { formatInteger, sumWon } from './money';

export interface RevenueFigures {
  budget: number; // 예산액
  currentBudget: number; // 예산현액
  assessed: number; // 징수결정액
  collected: number; // 수납액, net of 환급 (수납 − 환급)
  refunded: number; // 환급액 (과오납 환급), already taken off 수납액
  writtenOff: number; // 불납결손액
  uncollected: number; // 미수납액 = 징수결정액 − 수납액 − 불납결손액
}

/** The figures of one (leaf) revenue line from its entries. */
export function revenueFigures(
  line: { budget: number; currentBudget: number },
  entries: { kind: RevenueEntryKind; amount: number }[],
): RevenueFigures {
  const sum = (k: RevenueEntryKind) => sumWon(entries.filter((e) => e.kind === k).map((e) => e.amount));
  const assessed = sum('assessed');
  const refunded = sum('refunded');
  const collected = sum('collected') - refunded;
  const writtenOff = sum('written_off');
  return {
    budget: line.budget,
    currentBudget: line.currentBudget,
    assessed,
    collected,
    refunded,
    writtenOff,
    uncollected: assessed - collected - writtenOff,
  };
}

/** Revenue is posted to a leaf line; a parent line is a roll-up of its leaves. */
export function assertLeafLine(hasChildren: boolean): void {
  if (hasChildren) {
    throw invalid('revenueLineId', 'leafOnly', 'Post revenue to a leaf line; parents are roll-ups', '세입은 최하위 과목에 기록합니다');
  }
}

/**
 * 수납액 + 불납결손액 may never exceed 징수결정액 (미수납액 stays ≥ 0), and a 환급 may never take the
 * net 수납액 below zero: the figures of the line before and after the entry, or a refusal carrying the
 * figures before it and the amount requested.
 */
export function assertWithinAssessed(
  line: { budget: number; currentBudget: number },
  entries: { kind: RevenueEntryKind; amount: number }[],
  entry: { kind: RevenueEntryKind; amount: number },
): { before: RevenueFigures; after: RevenueFigures } {
  const before = revenueFigures(line, entries);
  const after = revenueFigures(line, [...entries, { kind: entry.kind, amount: entry.amount }]);
  if (after.collected < 0) {
    throw conflict(
      'exceeds_collected',
      `환급 would exceed 수납액 (${before.collected} won)`,
      `환급액이 수납액 ${formatInteger(before.collected)}원을 넘습니다`,
      'amount',
      { ...before, requested: entry.amount },
    );
  }
  if (after.uncollected < 0) {
    throw conflict(
      'exceeds_assessed',
      `수납액 + 불납결손액 would exceed 징수결정액 (${after.assessed} won)`,
      `수납액과 불납결손액의 합이 징수결정액 ${formatInteger(after.assessed)}원을 넘습니다`,
      'amount',
      { ...before, requested: entry.amount },
    );
  }
  return { before, after };
}

export interface RevenueLineNode {
  id: number;
  parentId: number | null;
  budget: number;
  currentBudget: number;
}

/**
 * Lines in the order given, each with its depth and figures: a leaf from its own entries, a parent
 * the sum of its children (its own 예산액 and 예산현액 as stated).
 */
export function revenueTree<L extends RevenueLineNode>(
  lines: L[],
  entries: { revenueLineId: number; kind: RevenueEntryKind; amount: number }[],
): (L & { depth: number; figures: RevenueFigures })[] {
  const figuresOf = (line: L): RevenueFigures => {
    const children = lines.filter((l) => l.parentId === line.id);
    if (!children.length)
      return revenueFigures(
        line,
        entries.filter((e) => e.revenueLineId === line.id),
      );
    const parts = children.map(figuresOf);
    const add = (k: keyof RevenueFigures) => sumWon(parts.map((p) => p[k]));
    return {
      budget: line.budget,
      currentBudget: line.currentBudget,
      assessed: add('assessed'),
      collected: add('collected'),
      refunded: add('refunded'),
      writtenOff: add('writtenOff'),
      uncollected: add('uncollected'),
    };
  };
  const depthOf = (line: L): number => (line.parentId ? 1 + depthOf(lines.find((l) => l.id === line.parentId)!) : 0);
  return lines.map((l) => ({ ...l, depth: depthOf(l), figures: figuresOf(l) }));
}

/** The sum of several lines' figures (a 합계 row over the top-level lines shown). */
export function addRevenueFigures(parts: RevenueFigures[]): RevenueFigures {
  const add = (k: keyof RevenueFigures) => sumWon(parts.map((p) => p[k]));
  return {
    budget: add('budget'),
    currentBudget: add('currentBudget'),
    assessed: add('assessed'),
    collected: add('collected'),
    refunded: add('refunded'),
    writtenOff: add('writtenOff'),
    uncollected: add('uncollected'),
  };
}

/** 합계 of lines shown together: the sum of the lines whose parent is not among them (a parent already holds its leaves). */
export function revenueTotal(lines: { id: number; parentId: number | null; figures: RevenueFigures }[]): RevenueFigures {
  const shown = new Set(lines.map((l) => l.id));
  return addRevenueFigures(lines.filter((l) => l.parentId === null || !shown.has(l.parentId)).map((l) => l.figures));
}
