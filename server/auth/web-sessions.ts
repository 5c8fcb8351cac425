import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { User } from '../../entities/user';
import type { WebSession } from '../../entities/web-session';
import type { Actor } from '../context';
import { inTransaction } from '../db/transaction';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionByTokenHash,
  insertSession,
  sessionByTokenHash,
} from '../store/sessions/web-sessions';
import { activeUserById } from '../store/users/users';
import { sha256 } from './passwords';
import { actorOf } from './tokens';

/**
 * DB-backed browser sessions. The cookie holds 32 random bytes; the table keeps only their SHA-256,
 * the user, the expiry and the session's CSRF secret. A new session is made at every login (no
 * fixation), logout deletes it, and an expired one is deleted when seen.
 */
export const SESSION_HOURS = Number(process.env.WEB_SESSION_HOURS ?? 8);

export interface LiveSession {
  session: WebSession;
  user: User;
  actor: Actor;
}

export async function createSession(ds: DataSource, userId: number): Promise<{ token: string; session: WebSession }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = new Date();
  // In a transaction of its own: on SQLite a bare write would join whatever transaction another
  // request has open on the shared connection, and vanish if that one rolls back.
  const session = await inTransaction(ds, async (em) => {
    const created = await insertSession(em, {
      tokenHash: sha256(token),
      userId,
      csrfSecret: crypto.randomBytes(24).toString('base64url'),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
    });
    // housekeeping: forget sessions that have run out
    await deleteExpiredSessions(em, now);
    return created;
  });
  return { token, session };
}

/** The live session of a cookie's token and its (active) user; null when there is none, it expired or the user was deactivated. */
export async function loadSession(ds: DataSource, token: string | null): Promise<LiveSession | null> {
  if (!token) return null;
  const session = await sessionByTokenHash(ds.manager, sha256(token));
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now()) {
    await inTransaction(ds, (em) => deleteSession(em, session.id));
    return null;
  }
  const user = await activeUserById(ds.manager, session.userId);
  if (!user) return null;
  return { session, user, actor: actorOf(user) };
}

/** Logout: the session of this token ends. */
export async function endSession(ds: DataSource, token: string): Promise<void> {
  await inTransaction(ds, (em) => deleteSessionByTokenHash(em, sha256(token)));
}
