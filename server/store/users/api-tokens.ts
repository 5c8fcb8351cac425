import { IsNull, type EntityManager } from 'typeorm';
import { ApiToken, User } from '../../../entities/user';
import { hydrate, selectColumns } from '../../db/lean';
import { lockRow } from '../../db/transaction';

/** Every statement on the api_tokens table (bearer tokens of the JSON API; only their SHA-256 is kept). */

export interface NewApiToken {
  userId: number;
  tokenHash: string;
  label: string;
  prefix?: string | null;
  expiresAt?: Date | null;
  createdById?: number | null;
}

export async function insertApiToken(em: EntityManager, t: NewApiToken): Promise<number> {
  const inserted = await em.insert(ApiToken, {
    userId: t.userId,
    tokenHash: t.tokenHash,
    label: t.label,
    createdAt: new Date(),
    revokedAt: null,
    prefix: t.prefix ?? null,
    expiresAt: t.expiresAt ?? null,
    lastUsedAt: null,
    createdById: t.createdById ?? null,
  });
  return inserted.identifiers[0].id as number;
}

/**
 * A token of this hash with its user, in one query, whatever its state (revoked, expired, the user
 * inactive): the verification decides (domain/api-tokens.ts tokenRefusal). Null for an unknown token.
 */
export async function tokenWithUser(em: EntityManager, tokenHash: string): Promise<{ token: ApiToken; user: User } | null> {
  const rows = (await em.query(
    `SELECT ${selectColumns(em, User, 'u', 'u_')}, ${selectColumns(em, ApiToken, 't', 't_')} FROM api_tokens t INNER JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`,
    [tokenHash],
  )) as Record<string, unknown>[];
  return rows.length ? { token: hydrate(em, ApiToken, rows[0], 't_'), user: hydrate(em, User, rows[0], 'u_') } : null;
}

/** Writes a token's last use unless a use after `since` is already written (another process may have). */
export async function stampLastUse(em: EntityManager, tokenHash: string, at: Date, since: Date): Promise<void> {
  await em
    .createQueryBuilder()
    .update(ApiToken)
    .set({ lastUsedAt: at })
    .where('token_hash = :tokenHash AND (last_used_at IS NULL OR last_used_at < :since)', { tokenHash, since })
    .execute();
}

/** Whether a token of this hash is still valid (not revoked), whoever's it is. */
export async function liveTokenExists(em: EntityManager, tokenHash: string): Promise<boolean> {
  return (await em.getRepository(ApiToken).findOneBy({ tokenHash, revokedAt: IsNull() })) !== null;
}

/** A token locked for update, or null. */
export function lockApiToken(em: EntityManager, id: number): Promise<ApiToken | null> {
  return lockRow(em, ApiToken, id);
}

/** Marks a token revoked. */
export async function setTokenRevoked(em: EntityManager, id: number, at: Date): Promise<void> {
  await em.update(ApiToken, { id }, { revokedAt: at });
}

/** A token by id, or null. */
export function apiTokenById(em: EntityManager, id: number): Promise<ApiToken | null> {
  return em.getRepository(ApiToken).findOneBy({ id });
}

/** Every token, newest first (never their hashes' use: the caller shows what it needs). */
export function allApiTokens(em: EntityManager): Promise<ApiToken[]> {
  return em.getRepository(ApiToken).find({ order: { createdAt: 'DESC', id: 'DESC' } });
}
