import type { Express } from 'express';
import supertest from 'supertest';
import { DEMO_ACCOUNTS } from '../../seeds/demo-accounts';
import type { DemoUser } from '../support/app';

export const password = (user: DemoUser) => DEMO_ACCOUNTS.find((a) => a.username === user)!.password;

export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field on the page');
  return m[1];
}

/** Signs a demo user in through the login form; returns a cookie-keeping agent and the session's CSRF token. */
export async function webLogin(
  app: Express,
  user: DemoUser,
): Promise<{ agent: ReturnType<typeof supertest.agent>; csrf: string; cookie: string }> {
  const agent = supertest.agent(app);
  const form = await agent.get('/login').expect(200);
  const res = await agent
    .post('/login')
    .type('form')
    .send({ username: user, password: password(user), _csrf: csrfFrom(form.text), next: '/' });
  if (res.status !== 303) throw new Error(`login of ${user} failed: ${res.status}`);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('ledger_session='))!;
  const home = await agent.get('/').expect(200);
  return { agent, csrf: csrfFrom(home.text), cookie };
}

/** A path with its parameters filled with values that exist nowhere (a 404 still proves the role passed). */
export function dummyPath(path: string): string {
  return path
    .replace(/:year\b/g, '2099')
    .replace(/:name\b/g, 'no-such-report')
    .replace(/:[A-Za-z]+/g, '999999');
}
