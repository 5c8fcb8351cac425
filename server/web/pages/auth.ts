import type { Request, Response } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
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
 * Failed logins per client address and user name: LOGIN_RATE_LIMIT (default 10) per 15 minutes.
 * Successful logins do not count.
 */
export const loginLimiter = rateLimit({
  windowMs: 15 * 60_000,
  limit: Number(process.env.LOGIN_RATE_LIMIT ?? 10),
  skipSuccessfulRequests: true,
  standardHeaders: 'draft-7',
  legacyHeaders: false,
  keyGenerator: (req: Request) =>
    `${ipKeyGenerator(req.ip ?? '')}|${String((req.body as Record<string, unknown>)?.username ?? '')
      .slice(0, 60)
      .toLowerCase()}`,
  handler: (_req: Request, res: Response) => {
    res
      .status(429)
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
  },
});

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
      await new Promise<void>((resolve, reject) => loginLimiter(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
      if (res.headersSent) return;
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
      const signedIn = await signIn(ds, username, password);
      if (!signedIn) {
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
