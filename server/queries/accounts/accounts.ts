import type { EntityManager } from 'typeorm';
import type { Account, AccountYearSettlement } from '../../../entities/account';
import { ACCOUNT_KIND_KO, accountValidIn } from '../../../domain/accounts';
import { allAccounts, settlementsOfYear } from '../../store/accounts/accounts';

export { accountByCode } from '../../store/accounts/accounts';

export interface AccountView extends Account {
  /** 일반회계 · 공기업특별회계 · 기타특별회계 · 기금 */
  kindKo: string;
}

/** Every account (회계) in print order; with a year, only those that existed in it. */
export async function accountList(em: EntityManager, year?: number): Promise<AccountView[]> {
  const all = await allAccounts(em);
  return all.filter((a) => year === undefined || accountValidIn(a, year)).map((a) => ({ ...a, kindKo: ACCOUNT_KIND_KO[a.kind] }));
}

/** The accounts' 반납금/교부차액 records of a year, by account id. */
export async function settlementsByAccount(em: EntityManager, year: number): Promise<Map<number, AccountYearSettlement>> {
  return new Map((await settlementsOfYear(em, year)).map((s) => [s.accountId, s]));
}
