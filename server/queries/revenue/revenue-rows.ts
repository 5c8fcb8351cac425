import type { EntityManager } from 'typeorm';
import type { OrgUnit } from '../../../entities/org-unit';
import type { RevenueLine } from '../../../entities/revenue';
import { RevenueFigures, revenueTotal, revenueTree } from '../../../domain/revenue';
import { orgUnitByCode } from '../../store/org-units/org-units';
import { revenueLinesOfYear } from '../../store/revenue/revenue-lines';
import { entriesOfLines } from '../../store/revenue/revenue-entries';
import { unitsWithin } from '../../access/scope';
import { inScope, readableUnits } from '../../access/department-rows';
import { RequestContext } from '../../context';
import { AccountOptions, AccountRef, groupByAccount, reportAccount } from '../ledger/settlement';

export type { RevenueFigures } from '../../../domain/revenue';

export interface RevenueRow extends RevenueLine {
  depth: number;
  figures: RevenueFigures;
}

/** A year's revenue lines (of one unit, when given) in document order, parents summed from their leaves. */
export async function revenueRows(em: EntityManager, year: number, orgUnitId?: number): Promise<RevenueRow[]> {
  const lines = await revenueLinesOfYear(em, year, orgUnitId);
  const entries = await entriesOfLines(
    em,
    lines.map((l) => l.id),
  );
  return revenueTree(lines, entries);
}

/**
 * 세입: the year's lines, or those of the unit named by `org` (code or exact Korean name); a budget
 * officer sees only the lines their own department collects.
 */
export async function revenueList(em: EntityManager, ctx: RequestContext, year: number, org?: string): Promise<RevenueRow[]> {
  const unit = org ? await orgUnitByCode(em, org, 'org') : null;
  const units = await readableUnits(em, ctx);
  return (await revenueRows(em, year, unit?.id)).filter((l) => inScope(units, l.orgUnitId));
}

export interface RevenueSettlement {
  unit: OrgUnit;
  /** the account the lines are limited to, when one was named */
  account?: AccountRef;
  /** the lines of the unit and of every unit under it, in document order */
  lines: RevenueRow[];
  /** 합계: the top-level lines shown (a line whose parent sits in another unit counts as top level) */
  total: RevenueFigures;
  /** with groupBy 'account': the lines of each account with its 계, accounts in print order */
  byAccount?: { account: AccountRef; lines: RevenueRow[]; total: RevenueFigures }[];
}

/** 세입결산 of a unit at any level: its lines and those of every unit under it, with their 합계. */
export async function revenueSettlement(
  em: EntityManager,
  year: number,
  org: string,
  options: AccountOptions = {},
): Promise<RevenueSettlement> {
  const unit = await orgUnitByCode(em, org, 'org');
  const account = await reportAccount(em, options.account);
  const ids = await unitsWithin(em, unit.id);
  const lines = (await revenueRows(em, year)).filter((l) => ids.has(l.orgUnitId) && (!account || l.accountId === account.id));
  const byAccount =
    options.groupBy === 'account'
      ? (await groupByAccount(em, lines)).map((g) => ({ account: g.account, lines: g.facts, total: revenueTotal(g.facts) }))
      : undefined;
  return { unit, account, lines, total: revenueTotal(lines), byAccount };
}
