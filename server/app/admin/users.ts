import type { DataSource, EntityManager } from 'typeorm';
import type { User } from '../../../entities/user';
import { notFound } from '../../../domain/errors';
import { decideNewUser, decideUserChange, intendedUser, needsDepartment } from '../../../domain/users';
import { RequestContext, systemContext } from '../../context';
import { inTransaction, within } from '../../db/transaction';
import { hashPassword, newToken, sha256 } from '../../auth/passwords';
import { actorCacheOf } from '../../auth/actor-cache';
import { revokeRemembered } from '../../auth/revocation';
import { audit } from '../../store/audit';
import { insertApiToken } from '../../store/users/api-tokens';
import { deleteSessionsOfUser } from '../../store/sessions/web-sessions';
import { insertUser, isDepartment, lockUser, updateUserRow, userById, usernameTaken } from '../../store/users/users';
import type { CreateUserRequest, UpdateUserRequest } from './requests';

export { DEPARTMENT_ROLES } from '../../../domain/users';

/** A new user: the fields of CreateUserRequest (the role as one of ROLES). */
export type NewUser = CreateUserRequest;

/**
 * Creates a user (password hashed with scrypt) and its audit record in one transaction, after the
 * rules of domain/users.ts: a valid user name nobody has, a name, a role, a department for the
 * roles that work for one, a password of 12 to 200 characters.
 */
export async function createUser(ds: DataSource, input: NewUser, ctx: RequestContext = systemContext('users')): Promise<User> {
  return inTransaction(ds, async (em) => {
    const scoped = needsDepartment(input.role);
    const verdict = decideNewUser(input, {
      departmentFound: scoped && (await isDepartment(em, input.orgUnitId)),
      usernameTaken: await usernameTaken(em, input.username.trim()),
    });
    const user = await insertUser(em, { ...verdict, passwordHash: await hashPassword(input.password) });
    await audit(em, ctx, {
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      after: { username: user.username, role: user.role, orgUnitId: user.orgUnitId },
    });
    return user;
  });
}

/** Issues a bearer token; the plain token is returned once and only its hash is kept. */
export async function issueToken(
  ds: DataSource,
  userId: number,
  label: string,
  token = newToken(),
  ctx: RequestContext = systemContext('users'),
): Promise<string> {
  await inTransaction(ds, async (em) => {
    const id = await insertApiToken(em, { userId, tokenHash: sha256(token), label });
    await audit(em, ctx, { action: 'api_token.issue', entity: 'api_token', entityId: id, after: { userId, label } });
  });
  return token;
}

/** What an administrator may change of a user: the fields of UpdateUserRequest. */
export type UserChanges = UpdateUserRequest;

const userView = (u: User) => ({ id: u.id, username: u.username, role: u.role, orgUnitId: u.orgUnitId, active: u.active });

/**
 * An administrator changes a user's role, department, active flag or password (the rules are
 * domain/users.ts decideUserChange). A password reset ends the user's browser sessions (other than
 * the administrator's own).
 */
export async function updateUser(
  ds: DataSource,
  ctx: RequestContext,
  userId: number,
  changes: UserChanges,
  em?: EntityManager,
): Promise<User> {
  // forgotten before the change and again once it has committed, so no request here can remember
  // the old role in between; another process sees the change within AUTH_EPOCH_POLL_MS
  // (server/auth/revocation.ts: the change moves the revocation epoch in its transaction)
  actorCacheOf(ds).clear();
  const updated = await changeUser(ds, ctx, userId, changes, em);
  actorCacheOf(ds).clear();
  return updated;
}

async function changeUser(ds: DataSource, ctx: RequestContext, userId: number, changes: UserChanges, em?: EntityManager): Promise<User> {
  return within(ds, em, async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user) throw notFound(`User ${userId}`, `사용자 ${userId}`, 'userId');
    await revokeRemembered(tx);
    const before = userView(user);
    const intended = intendedUser(user, changes);
    const departmentFound = needsDepartment(intended.role) && (await isDepartment(tx, intended.orgUnitId));
    const verdict = decideUserChange(user, changes, { actorId: ctx.actor.id, departmentFound });

    const patch: Partial<User> = { role: verdict.role, orgUnitId: verdict.orgUnitId, active: verdict.active };
    if (verdict.password) patch.passwordHash = await hashPassword(verdict.password);
    await updateUserRow(tx, user.id, patch);
    if (verdict.password && !verdict.self) await deleteSessionsOfUser(tx, user.id);
    const after = await userById(tx, user.id);
    await audit(tx, ctx, {
      action: 'user.update',
      entity: 'user',
      entityId: user.id,
      before,
      after: { ...userView(after), ...(verdict.password ? { passwordReset: true } : {}) },
    });
    return after;
  });
}
