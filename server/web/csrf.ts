import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { cookieOptions, LOGIN_CSRF_COOKIE } from './session';

/**
 * CSRF protection for every form. After login: the synchronizer token pattern — each session has a
 * random secret (stored with the session) that every form posts back as `_csrf`. Before login (the
 * login form itself): a double-submit cookie, HttpOnly and SameSite=Strict, that the form repeats.
 */
export function tokensEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || !a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function loginCsrfToken(req: Request, res: Response): string {
  const existing = (req.cookies as Record<string, string> | undefined)?.[LOGIN_CSRF_COOKIE];
  if (typeof existing === 'string' && /^[A-Za-z0-9_-]{20,60}$/.test(existing)) return existing;
  const token = crypto.randomBytes(24).toString('base64url');
  res.cookie(LOGIN_CSRF_COOKIE, token, { ...cookieOptions(req), sameSite: 'strict' });
  return token;
}

export function loginCsrfValid(req: Request): boolean {
  const cookie = (req.cookies as Record<string, string> | undefined)?.[LOGIN_CSRF_COOKIE];
  return tokensEqual(cookie, (req.body as Record<string, unknown> | undefined)?._csrf);
}
