import type { Response } from 'express';
import { EVERYONE } from '../../access/roles';
import { signIn } from '../../auth/sign-in';
import { loginCsrfToken, loginCsrfValid } from '../csrf';
import { destroySession, LOGIN_CSRF_COOKIE, cookieOptions, sessionToken, setSessionCookie } from '../session';
import { views } from '../render';
import { PageDef } from '../types';

/** Only same-site paths may follow a login (no open redirect). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/login') ? next : '/';
}

/**
 * Too many failed logins (server/auth/login-throttle.ts: LOGIN_RATE_LIMIT per user name,
 * LOGIN_ADDRESS_LIMIT per address, LOGIN_GLOBAL_LIMIT in all, per 15 minutes): no password was tried.
 */
function tooManyAttempts(res: Response, retryAfterSeconds: number): void {
  res
    .status(429)
    .set('Retry-After', String(retryAfterSeconds))
    .type('html')
    .send(
      views().render('error.njk', {
        title: '로그인 시도가 너무 많습니다',
        message: '15분 뒤에 다시 시도하십시오.',
        status: 429,
        user: null,
        nav: [],
      }),
    );
}

const pages: PageDef[] = [
  {
    id: 'web.login.form',
    method: 'get',
    path: '/login',
    roles: 'public',
    handler: async ({ req, res, render, user }) => {
      if (user) return res.redirect(303, safeNext(req.query.next));
      render('login.njk', { title: '로그인', loginCsrf: loginCsrfToken(req, res), next: safeNext(req.query.next), username: '' });
    },
  },
  {
    id: 'web.login',
    method: 'post',
    path: '/login',
    roles: 'public',
    handler: async ({ req, res, ds, render }) => {
      const body = req.body as Record<string, unknown>;
      const username = typeof body.username === 'string' ? body.username.trim().slice(0, 60) : '';
      const password = typeof body.password === 'string' ? body.password.slice(0, 200) : '';
      const next = safeNext(body.next);
      if (!loginCsrfValid(req)) {
        return render(
          'login.njk',
          { title: '로그인', loginCsrf: loginCsrfToken(req, res), next, username, error: '보안 토큰이 맞지 않습니다. 다시 시도하십시오.' },
          403,
        );
      }
      // req.ip is the peer's address unless the peer is a proxy TRUST_PROXY names
      const signedIn = await signIn(ds, { username: body.username, password, ip: req.ip });
      if (!signedIn.ok && signedIn.reason === 'throttled') return tooManyAttempts(res, signedIn.retryAfterSeconds);
      if (!signedIn.ok) {
        return render(
          'login.njk',
          { title: '로그인', loginCsrf: loginCsrfToken(req, res), next, username, error: '아이디 또는 비밀번호가 올바르지 않습니다.' },
          401,
        );
      }
      res.clearCookie(LOGIN_CSRF_COOKIE, { ...cookieOptions(req), sameSite: 'strict' });
      setSessionCookie(req, res, signedIn.token);
      res.redirect(303, next);
    },
  },
  {
    id: 'web.logout',
    method: 'post',
    path: '/logout',
    roles: EVERYONE,
    handler: async ({ req, res, ds }) => {
      await destroySession(ds, sessionToken(req), res, req);
      res.redirect(303, '/login');
    },
  },
];

export default pages;
