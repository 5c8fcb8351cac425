import type { EntityManager } from 'typeorm';
import type { Account } from '../../../entities/account';
import { buildSettlementRows, ProgramYearFacts, SettlementRow } from '../../../domain/settlement';
import { executionRateOf } from '../../../domain/ledger';
import { loadYearFacts } from './year-facts';
import { orgUnitByCode } from '../../store/org-units/org-units';
import { accountByCode, allAccounts } from '../../store/accounts/accounts';

export interface AccountRef {
  id: number;
  code: string;
  name: string;
}

export interface Settlement {
  year: number;
  org: { id: number; code: string; name: string; level: string };
  /** the account the rows are limited to, when one was named */
  account?: AccountRef;
  rows: (SettlementRow & { executionRate: string })[];
  /** with groupBy 'account': the same tree per account (its first row the account's total), accounts in print order */
  byAccount?: { account: AccountRef; rows: SettlementRow[] }[];
}

export interface AccountOptions {
  /** account (회계) code or exact name: only its programs */
  account?: string;
  groupBy?: 'account';
}

const ref = (a: Account): AccountRef => ({ id: a.id, code: a.code, name: a.name });

/** The account a report names (`field` for the refusal), or undefined when none is named. */
export async function reportAccount(em: EntityManager, account: string | undefined, field = 'account'): Promise<AccountRef | undefined> {
  return account ? ref(await accountByCode(em, account, field)) : undefined;
}

/** Splits facts by account, in the accounts' print order; accounts without facts are left out. */
export async function groupByAccount<F extends { accountId?: number | null }>(
  em: EntityManager,
  facts: F[],
): Promise<{ account: AccountRef; facts: F[] }[]> {
  const accounts = await allAccounts(em);
  const groups = accounts.map((a) => ({ account: ref(a), facts: facts.filter((f) => f.accountId === a.id) })).filter((g) => g.facts.length);
  const orphans = facts.filter((f) => !accounts.some((a) => a.id === f.accountId));
  if (orphans.length) groups.push({ account: { id: 0, code: '-', name: '회계 미지정' }, facts: orphans });
  return groups;
}

/** 세출결산 of a unit at any level, as the organisation was in that year; optionally one account's, or grouped by account. */
export async function settlementFor(em: EntityManager, year: number, org: string, options: AccountOptions = {}): Promise<Settlement> {
  const unit = await orgUnitByCode(em, org, 'org');
  const account = await reportAccount(em, options.account);
  const facts = await loadYearFacts(em, year);
  const programs: ProgramYearFacts[] = account ? facts.programs.filter((p) => p.accountId === account.id) : facts.programs;
  const rows = buildSettlementRows(facts.orgs, programs, unit.id);
  const byAccount =
    options.groupBy === 'account'
      ? (await groupByAccount(em, programs))
          .map((g) => ({ account: g.account, rows: buildSettlementRows(facts.orgs, g.facts, unit.id, g.account.name) }))
          .filter((g) => g.rows.some((r) => r.programYearId !== null))
      : undefined;
  return {
    year,
    org: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    account,
    rows: rows.map((r) => ({ ...r, executionRate: executionRateOf(r.figures).text })),
    byAccount,
  };
}
