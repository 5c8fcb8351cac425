import type { EntityManager } from 'typeorm';
import { OrgUnit } from '../../../entities/org-unit';
import { User } from '../../../entities/user';
import { lockRow } from '../../db/transaction';

/** Every statement on the users table (accounts of the web pages and the API). */

export type NewUserRow = Pick<User, 'username' | 'displayName' | 'role' | 'orgUnitId' | 'passwordHash'>;

/** Inserts an active user and returns it with its id. */
export async function insertUser(em: EntityManager, row: NewUserRow): Promise<User> {
  const user = em.getRepository(User).create({ ...row, active: true, createdAt: new Date() });
  await em.save(user);
  return user;
}

/** The user row, locked for the rest of the transaction (null when there is none). */
export const lockUser = (em: EntityManager, id: number): Promise<User | null> => lockRow(em, User, id);

export const userById = (em: EntityManager, id: number): Promise<User> => em.getRepository(User).findOneByOrFail({ id });

/** An active user by id (null when deactivated or gone). */
export const activeUserById = (em: EntityManager, id: number): Promise<User | null> =>
  em.getRepository(User).findOneBy({ id, active: true });

/** An active user by user name (null when deactivated or unknown). */
export const activeUserByName = (em: EntityManager, username: string): Promise<User | null> =>
  em.getRepository(User).findOneBy({ username, active: true });

/** A user of this name, active or not (null when there is none). */
export const userByName = (em: EntityManager, username: string): Promise<User | null> => em.getRepository(User).findOneBy({ username });

export async function usernameTaken(em: EntityManager, username: string): Promise<boolean> {
  return (await userByName(em, username)) !== null;
}

export const updateUserRow = async (em: EntityManager, id: number, patch: Partial<User>): Promise<void> => {
  await em.getRepository(User).update({ id }, patch);
};

/** Every user, by user name. */
export const allUsers = (em: EntityManager): Promise<User[]> => em.getRepository(User).find({ order: { username: 'ASC' } });

export const countUsers = (em: EntityManager): Promise<number> => em.getRepository(User).count();

/** Whether an organisation unit of this id exists and is a department (the only units a user may belong to). */
export async function isDepartment(em: EntityManager, orgUnitId: number | null | undefined): Promise<boolean> {
  if (orgUnitId == null) return false;
  return (await em.getRepository(OrgUnit).findOneBy({ id: orgUnitId, level: 'department' })) !== null;
}

/** The active inspectors (who may approve an inspection). */
export async function activeInspectors(em: EntityManager): Promise<User[]> {
  return em.getRepository(User).find({ where: { role: 'inspector', active: true } });
}
