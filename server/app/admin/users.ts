import { DataSource, EntityManager } from 'typeorm';
import { OrgUnit } from '../../../entities/org-unit';
import { ApiToken, ROLES, Role, User } from '../../../entities/user';
import { WebSession } from '../../../entities/web-session';
import { DomainError, FieldProblem, notFound } from '../../../domain/errors';
import { Actor, RequestContext, systemContext } from '../../context';
import { inTransaction, lockRow, within } from '../../db/transaction';
import { hydrate, selectColumns } from '../../db/lean';
import { hashPassword, newToken, sha256 } from '../../auth/passwords';
import { audit } from '../../store/audit';
import { actorCacheOf } from '../../auth/actor-cache';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  orgUnitId?: number | null;
  password: string;
}

/** Creates a user (password hashed with scrypt) and its audit record in one transaction. */
export async function createUser(ds: DataSource, input: NewUser, ctx: RequestContext = systemContext('users')): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ds, async (em) => {
    const user = em.getRepository(User).create({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      orgUnitId: input.orgUnitId ?? null,
      passwordHash,
      active: true,
      createdAt: new Date(),
    });
    await em.save(user);
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
    const inserted = await em.insert(ApiToken, { userId, tokenHash: sha256(token), label, createdAt: new Date(), revokedAt: null });
    await audit(em, ctx, {
      action: 'api_token.issue',
      entity: 'api_token',
      entityId: inserted.identifiers[0].id as number,
      after: { userId, label },
    });
  });
  return token;
}

export function actorOf(user: User): Actor {
  return { id: user.id, name: user.username, role: user.role, orgUnitId: user.orgUnitId };
}

export async function actorForToken(ds: DataSource, token: string): Promise<Actor | null> {
  const tokenHash = sha256(token);
  return actorCacheOf(ds).resolve(tokenHash, async () => {
    // the live token joined to its active user, in one query
    const em = ds.manager;
    const rows = (await em.query(
      `SELECT ${selectColumns(em, User, 'u')} FROM users u INNER JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active = ?`,
      [tokenHash, 1],
    )) as Record<string, unknown>[];
    return rows.length ? actorOf(hydrate(em, User, rows[0])) : null;
  });
}

export interface UserChanges {
  role?: Role;
  /** the department of a budget officer or inspector; cleared for the other roles */
  orgUnitId?: number | null;
  active?: boolean;
  /** a new password (12 characters or more); absent or empty leaves it as it is */
  password?: string | null;
}

/** Roles that work for one department and so need one. */
export const DEPARTMENT_ROLES: readonly Role[] = ['budget_officer', 'inspector'];

const userView = (u: User) => ({ id: u.id, username: u.username, role: u.role, orgUnitId: u.orgUnitId, active: u.active });

/**
 * An administrator changes a user's role, department, active flag or password. An administrator
 * may not deactivate or demote themself (the city would be left without the one who can undo it).
 * A password reset ends the user's browser sessions (other than the administrator's own).
 */
export async function updateUser(
  ds: DataSource,
  ctx: RequestContext,
  userId: number,
  changes: UserChanges,
  em?: EntityManager,
): Promise<User> {
  // forgotten before the change and again once it has committed, so no request here can remember
  // the old role in between (another process sees it when its entry expires, within AUTH_CACHE_MS)
  actorCacheOf(ds).clear();
  const updated = await changeUser(ds, ctx, userId, changes, em);
  actorCacheOf(ds).clear();
  return updated;
}

async function changeUser(ds: DataSource, ctx: RequestContext, userId: number, changes: UserChanges, em?: EntityManager): Promise<User> {
  return within(ds, em, async (tx) => {
    const user = await lockRow(tx, User, userId);
    if (!user) throw notFound(`User ${userId}`, `사용자 ${userId}`, 'userId');
    const before = userView(user);
    const problems: FieldProblem[] = [];
    const bad = (field: string, rule: string, message: string, messageKo: string, value?: unknown) =>
      problems.push({ field, rule, message, message_ko: messageKo, value });

    const role = changes.role ?? user.role;
    if (!(ROLES as readonly string[]).includes(role))
      bad('role', 'isIn', `role must be one of ${ROLES.join(', ')}`, '역할을 고르십시오', changes.role);
    const active = changes.active ?? user.active;
    const self = ctx.actor.id === user.id;
    if (self && role !== user.role)
      bad(
        'role',
        'notSelfDemotion',
        'An administrator may not change their own role',
        '관리자는 자기 자신의 역할을 바꿀 수 없습니다 (다른 관리자에게 요청하십시오)',
        role,
      );
    if (self && !active)
      bad(
        'active',
        'notSelfDeactivation',
        'An administrator may not deactivate themself',
        '관리자는 자기 자신의 계정을 중지할 수 없습니다',
        active,
      );

    let orgUnitId: number | null = changes.orgUnitId === undefined ? user.orgUnitId : changes.orgUnitId;
    if (DEPARTMENT_ROLES.includes(role)) {
      const org = orgUnitId != null ? await tx.getRepository(OrgUnit).findOneBy({ id: orgUnitId, level: 'department' }) : null;
      if (!org)
        bad(
          'orgUnitId',
          'required',
          'A budget officer or inspector needs a department',
          '예산 담당과 지도점검 담당은 부서가 필요합니다',
          orgUnitId,
        );
    } else {
      orgUnitId = null;
    }

    const password = changes.password ?? '';
    if (password && (password.length < 12 || password.length > 200))
      bad('password', 'minLength', 'The password must be 12 to 200 characters', '비밀번호는 12자 이상 200자 이하여야 합니다');
    if (problems.length)
      throw new DomainError('invalid', 'invalid_user_change', 'The user cannot be changed so', '사용자를 변경하지 못했습니다', problems);

    const patch: Partial<User> = { role, orgUnitId, active };
    if (password) patch.passwordHash = await hashPassword(password);
    await tx.getRepository(User).update({ id: user.id }, patch);
    if (password && !self) await tx.getRepository(WebSession).delete({ userId: user.id });
    const after = await tx.getRepository(User).findOneByOrFail({ id: user.id });
    await audit(tx, ctx, {
      action: 'user.update',
      entity: 'user',
      entityId: user.id,
      before,
      after: { ...userView(after), ...(password ? { passwordReset: true } : {}) },
    });
    return after;
  });
}
