import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { endSession, SESSION_HOURS } from '../auth/web-sessions';

export { createSession, loadSession, type LiveSession } from '../auth/web-sessions';

/**
 * The cookies of a browser session (the sessions themselves are in server/auth/web-sessions.ts):
 * the session cookie carries the random token, the login form's cookie its CSRF token.
 */
export const SESSION_COOKIE = 'ledger_session';
export const LOGIN_CSRF_COOKIE = 'ledger_login_csrf';

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

export function sessionToken(req: Request): string | null {
  const raw = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return typeof raw === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(raw) ? raw : null;
}

export async function destroySession(ds: DataSource, token: string | null, res: Response, req: Request): Promise<void> {
  if (token) await endSession(ds, token);
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, cookieOptions(req, SESSION_HOURS * 3600_000));
}
