import { IsNull, type EntityManager } from 'typeorm';
import { ApiToken, User } from '../../../entities/user';
import { hydrate, selectColumns } from '../../db/lean';

/** Every statement on the api_tokens table (bearer tokens of the JSON API; only their SHA-256 is kept). */

export async function insertApiToken(em: EntityManager, userId: number, tokenHash: string, label: string): Promise<number> {
  const inserted = await em.insert(ApiToken, { userId, tokenHash, label, createdAt: new Date(), revokedAt: null });
  return inserted.identifiers[0].id as number;
}

/** The active user of a live (unrevoked) token, in one query; null for an unknown or revoked token or an inactive user. */
export async function userOfToken(em: EntityManager, tokenHash: string): Promise<User | null> {
  const rows = (await em.query(
    `SELECT ${selectColumns(em, User, 'u')} FROM users u INNER JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active = ?`,
    [tokenHash, 1],
  )) as Record<string, unknown>[];
  return rows.length ? hydrate(em, User, rows[0]) : null;
}

/** Whether a token of this hash is still valid (not revoked), whoever's it is. */
export async function liveTokenExists(em: EntityManager, tokenHash: string): Promise<boolean> {
  return (await em.getRepository(ApiToken).findOneBy({ tokenHash, revokedAt: IsNull() })) !== null;
}
