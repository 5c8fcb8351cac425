import type { EntityManager } from 'typeorm';
import { Account, AccountYearSettlement } from '../../../entities/account';
import { notFound } from '../../../domain/errors';
import { leanFindOne } from '../../db/lean';

/**
 * The one way an account (회계) is named from outside: its code, or its exact Korean name
 * (일반회계, 주차장특별회계). `field` names the input, for the refusal.
 */
export async function accountByCode(em: EntityManager, code: string, field = 'accountCode'): Promise<Account> {
  const repo = em.getRepository(Account);
  const account = (await repo.findOneBy({ code })) ?? (await repo.findOne({ where: { name: code }, order: { validFrom: 'DESC' } }));
  if (account) return account;
  throw notFound(`Account ${code}`, `회계 ${code}`, field);
}

/** The account with this code, or null. */
export function findAccountByCode(em: EntityManager, code: string): Promise<Account | null> {
  return em.getRepository(Account).findOneBy({ code });
}

/** Every account in the order the documents print them (일반회계 first). */
export function allAccounts(em: EntityManager): Promise<Account[]> {
  return em.getRepository(Account).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
}

export type NewAccount = Pick<Account, 'code' | 'name' | 'kind' | 'sortOrder' | 'validFrom' | 'validTo'>;

export async function insertAccount(em: EntityManager, values: NewAccount): Promise<Account> {
  const account = em.getRepository(Account).create(values);
  await em.save(account);
  return account;
}

/** The account with this id (a foreign key that must exist). */
export function accountById(em: EntityManager, id: number): Promise<Account> {
  return em.getRepository(Account).findOneByOrFail({ id });
}

/** The 반납금/교부차액 records of a year, one per account at most. */
export function settlementsOfYear(em: EntityManager, fiscalYear: number): Promise<AccountYearSettlement[]> {
  return em.getRepository(AccountYearSettlement).find({ where: { fiscalYear }, order: { accountId: 'ASC' } });
}

/** An account's record for a year, locked for the rest of the transaction; null when there is none. */
export function lockSettlementOf(em: EntityManager, fiscalYear: number, accountId: number): Promise<AccountYearSettlement | null> {
  return leanFindOne(em, AccountYearSettlement, { fiscalYear, accountId }, { lock: true });
}

export type SettlementValues = Pick<AccountYearSettlement, 'fiscalYear' | 'accountId' | 'subsidyReturned' | 'grantDifference' | 'note'>;

/** Writes an account's year record: updates the row given, or inserts one. */
export async function saveSettlement(
  em: EntityManager,
  existing: AccountYearSettlement | null,
  values: SettlementValues,
): Promise<AccountYearSettlement> {
  const row = existing ? Object.assign(existing, values) : em.getRepository(AccountYearSettlement).create(values);
  await em.save(row);
  return row;
}
