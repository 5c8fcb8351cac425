import type { DataSource, EntityManager } from 'typeorm';
import type { Account, AccountYearSettlement } from '../../../entities/account';
import { conflict } from '../../../domain/errors';
import { assertAccountInYear, assertAccountValidity, DEFAULT_ACCOUNT_OF, LegacyCategory, legacyCategoryOf } from '../../../domain/accounts';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import {
  accountByCode,
  findAccountByCode,
  allAccounts,
  insertAccount,
  lockSettlementOf,
  saveSettlement,
} from '../../store/accounts/accounts';
import { assertYearOpen } from '../ledger/fiscal-years';
import type { CreateAccountBody, PutAccountSettlementBody } from './requests';

/** Adds an account (회계) with a stable code. */
export async function createAccount(ds: DataSource, ctx: RequestContext, input: CreateAccountBody, em?: EntityManager): Promise<Account> {
  return within(ds, em, async (tx) => {
    assertAccountValidity(input.validFrom, input.validTo);
    if (await findAccountByCode(tx, input.code)) {
      throw conflict('duplicate_code', `Account ${input.code} already exists`, `회계 코드 ${input.code}이(가) 이미 있습니다`, 'code');
    }
    const account = await insertAccount(tx, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      sortOrder: input.sortOrder ?? 0,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
    });
    await audit(tx, ctx, { action: 'account.create', entity: 'account', entityId: account.id, after: account });
    return account;
  });
}

/**
 * The account a program or revenue line is written to: the named one (`accountCode`, code or exact
 * name), or — for callers that still give only the legacy category — the first account of that kind,
 * created with the migration's default code and name when the ledger has none yet.
 */
export async function resolveWriteAccount(
  tx: EntityManager,
  ctx: RequestContext,
  accountCode: string | null | undefined,
  legacy: LegacyCategory | null | undefined,
  year?: number,
): Promise<Account> {
  if (accountCode) {
    const account = await accountByCode(tx, accountCode, 'accountCode');
    if (year !== undefined) assertAccountInYear(account, year);
    return account;
  }
  const category = legacy ?? 'general';
  const d = DEFAULT_ACCOUNT_OF[category];
  const same = (await allAccounts(tx)).filter((a) => legacyCategoryOf(a.kind) === category);
  const existing = same.find((a) => a.code === d.code) ?? same[0];
  if (existing) return existing;
  const account = await insertAccount(tx, { ...d, validFrom: '2000-01-01', validTo: null });
  await audit(tx, ctx, { action: 'account.create', entity: 'account', entityId: account.id, after: account });
  return account;
}

/** Records an account's 보조금 반납금 and 교부차액 for a year (one record per account and year; a second call replaces it). */
export async function recordAccountSettlement(
  ds: DataSource,
  ctx: RequestContext,
  code: string,
  year: number,
  input: PutAccountSettlementBody,
  em?: EntityManager,
): Promise<AccountYearSettlement> {
  return within(ds, em, async (tx) => {
    await assertYearOpen(tx, year, 'year');
    const account = await accountByCode(tx, code, 'code');
    assertAccountInYear(account, year);
    const existing = await lockSettlementOf(tx, year, account.id);
    const before = existing ? { ...existing } : undefined;
    const row = await saveSettlement(tx, existing, {
      fiscalYear: year,
      accountId: account.id,
      subsidyReturned: input.subsidyReturned,
      grantDifference: input.grantDifference,
      note: input.note ?? null,
    });
    await audit(tx, ctx, { action: 'account.settlement', entity: 'account_year_settlement', entityId: row.id, before, after: row });
    return row;
  });
}
