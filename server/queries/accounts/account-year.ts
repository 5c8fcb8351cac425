import type { EntityManager } from 'typeorm';
import type { AccountKind } from '../../../entities/account';
import { addFigures, LineFigures } from '../../../domain/ledger';
import { addRevenueFigures, RevenueFigures, revenueTotal } from '../../../domain/revenue';
import { allAccounts, settlementsOfYear } from '../../store/accounts/accounts';
import { loadYearFacts } from '../ledger/year-facts';
import { reportAccount } from '../ledger/settlement';
import { revenueRows } from '../revenue/revenue-rows';

/** One account's year: its expenditure roll-up, its revenue roll-up and its 반납금/교부차액 record. */
export interface AccountYear {
  account: { id: number; code: string; name: string; kind: AccountKind };
  /** 세출: the sum of the account's unit and basic program-years (policy programs are roll-ups) */
  expenditure: LineFigures;
  /** 세입: the sum of the account's top-level revenue lines */
  revenue: RevenueFigures;
  subsidyReturned: number;
  grantDifference: number;
  /** true when the year has a 반납금/교부차액 record for the account */
  recorded: boolean;
}

const ZERO_REVENUE: RevenueFigures = addRevenueFigures([]);

/**
 * Every account of a year (those valid in it that hold programs, revenue lines or a year record), in
 * print order; with `account`, that one only. `upTo` (ISO date) limits the ledger entries to those
 * dated on or before it (회계별 집행 현황 as of a date).
 */
export async function accountYears(
  em: EntityManager,
  year: number,
  options: { account?: string; upTo?: string } = {},
): Promise<AccountYear[]> {
  const only = await reportAccount(em, options.account);
  const [accounts, facts, lines, records] = [
    await allAccounts(em),
    await loadYearFacts(em, year, { upTo: options.upTo }),
    await revenueRows(em, year),
    await settlementsOfYear(em, year),
  ];
  const out: AccountYear[] = [];
  for (const a of accounts) {
    if (only && a.id !== only.id) continue;
    const programs = facts.programs.filter((p) => p.accountId === a.id && p.kind !== 'policy');
    const own = lines.filter((l) => l.accountId === a.id);
    const record = records.find((r) => r.accountId === a.id);
    if (!only && !programs.length && !own.length && !record) continue;
    out.push({
      account: { id: a.id, code: a.code, name: a.name, kind: a.kind },
      expenditure: addFigures(programs.map((p) => p.figures)),
      revenue: own.length ? revenueTotal(own) : ZERO_REVENUE,
      subsidyReturned: record ? Number(record.subsidyReturned) : 0,
      grantDifference: record ? Number(record.grantDifference) : 0,
      recorded: !!record,
    });
  }
  return out;
}
