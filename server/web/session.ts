import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { DataSource, LessThan } from 'typeorm';
import { User } from '../../entities/user';
import { WebSession } from '../../entities/web-session';
import { sha256 } from '../auth/passwords';
import { Actor } from '../context';
import { actorOf } from '../app/admin/users';
import { inTransaction } from '../db/transaction';

/**
 * DB-backed browser sessions. The cookie holds 32 random bytes; the table keeps only their SHA-256,
 * the user, the expiry and the session's CSRF secret. A new session is made at every login (no
 * fixation), logout deletes it, and an expired one is deleted when seen.
 */
export const SESSION_COOKIE = 'ledger_session';
export const LOGIN_CSRF_COOKIE = 'ledger_login_csrf';
const SESSION_HOURS = Number(process.env.WEB_SESSION_HOURS ?? 8);

export interface LiveSession {
  session: WebSession;
  user: User;
  actor: Actor;
}

/** Secure cookies when the request came over https (trust proxy is set) or when COOKIE_SECURE=1. */
export function cookieOptions(req: Request, maxAgeMs?: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: req.secure || process.env.COOKIE_SECURE === '1',
    path: '/',
    ...(maxAgeMs ? { maxAge: maxAgeMs } : {}),
  };
}

export async function createSession(ds: DataSource, userId: number): Promise<{ token: string; session: WebSession }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = new Date();
  // In a transaction of its own: on SQLite a bare write would join whatever transaction another
  // request has open on the shared connection, and vanish if that one rolls back.
  const session = await inTransaction(ds, async (em) => {
    const repo = em.getRepository(WebSession);
    const created = repo.create({
      tokenHash: sha256(token),
      userId,
      csrfSecret: crypto.randomBytes(24).toString('base64url'),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
    });
    await repo.save(created);
    // housekeeping: forget sessions that have run out
    await repo.delete({ expiresAt: LessThan(now) });
    return created;
  });
  return { token, session };
}

export function sessionToken(req: Request): string | null {
  const raw = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return typeof raw === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(raw) ? raw : null;
}

export async function loadSession(ds: DataSource, token: string | null): Promise<LiveSession | null> {
  if (!token) return null;
  const repo = ds.getRepository(WebSession);
  const session = await repo.findOneBy({ tokenHash: sha256(token) });
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now()) {
    await inTransaction(ds, (em) => em.getRepository(WebSession).delete({ id: session.id }));
    return null;
  }
  const user = await ds.getRepository(User).findOneBy({ id: session.userId, active: true });
  if (!user) return null;
  return { session, user, actor: actorOf(user) };
}

export async function destroySession(ds: DataSource, token: string | null, res: Response, req: Request): Promise<void> {
  if (token) await inTransaction(ds, (em) => em.getRepository(WebSession).delete({ tokenHash: sha256(token) }));
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, cookieOptions(req, SESSION_HOURS * 3600_000));
}
