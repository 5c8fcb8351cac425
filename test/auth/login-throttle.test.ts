import { expect } from 'chai';
import type { Express } from 'express';
import supertest from 'supertest';
import { createApp } from '../../server/app';
import { LoginBudgets, loginName, loginVerdict } from '../../domain/login-throttle';
import { LoginThrottle, MemoryLoginAttempts, loginBudgetsFromEnv, useLoginThrottle } from '../../server/auth/login-throttle';
import { trustProxySetting } from '../../server/http/trust-proxy';
import { testApp, TestApp } from '../support/app';
import { csrfFrom, password } from '../web/helpers';

const MINUTE = 60_000;

/** One login through the form: a fresh agent (its own CSRF cookie), optionally an X-Forwarded-For header. */
async function login(app: Express, username: string, pass: string, forwardedFor?: string): Promise<number> {
  const agent = supertest.agent(app);
  const form = await agent.get('/login').expect(200);
  const req = agent.post('/login').type('form');
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  const res = await req.send({ username, password: pass, _csrf: csrfFrom(form.text), next: '/' });
  return res.status;
}

/** A fresh throttle for the test's database (the budgets of the environment unless told otherwise). */
function freshThrottle(t: TestApp, budgets: Partial<LoginBudgets> = {}, now?: () => number): MemoryLoginAttempts {
  const attempts = new MemoryLoginAttempts();
  useLoginThrottle(t.ds, new LoginThrottle(attempts, { ...loginBudgetsFromEnv({}), ...budgets }, now));
  return attempts;
}

/** The app as createApp makes it with TRUST_PROXY set to `value` (undefined: unset). */
function appWithTrustProxy(t: TestApp, value: string | undefined): Express {
  const saved = process.env.TRUST_PROXY;
  if (value === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = value;
  try {
    return createApp(t.ds, { web: true }).app;
  } finally {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
  }
}

describe('auth: failed-login budgets (issue 14, defect 3)', function () {
  this.timeout(300_000);
  let t: TestApp;
  let app: Express;
  before(async () => {
    t = await testApp({ web: true });
    app = appWithTrustProxy(t, undefined);
  });
  after(() => t.close());

  it('counts every spelling of a name against the one account: after 10 failures no variant signs in', async () => {
    freshThrottle(t);
    for (let i = 0; i < 10; i++) expect(await login(app, 'inspector', `wrong-${i}`)).to.equal(401);
    const right = password('inspector');
    for (const variant of ['inspector', ' inspector', 'inspector ', '\tinspector', 'INSPECTOR', '\u3000Inspector\n', 'inspector\r\n']) {
      expect(await login(app, variant, right), JSON.stringify(variant)).to.equal(429);
    }
    // another account is not touched by these failures
    expect(await login(app, 'council', password('council'))).to.equal(303);
  });

  it('one name is one account on SQLite and MariaDB alike: trimmed and lower-cased it signs in, other look-alikes never do', async () => {
    freshThrottle(t);
    expect(await login(app, ' Council ', password('council'))).to.equal(303);
    // full-width letters, a zero-width space inside, a trailing NUL: no account has such a name,
    // though MariaDB's collation would match some of them to "inspector"
    for (const lookAlike of ['ｉｎｓｐｅｃｔｏｒ', 'insp\u200Bector', 'inspector\u0000', 'inspe\u0301ctor']) {
      expect(await login(app, lookAlike, password('inspector')), JSON.stringify(lookAlike)).to.equal(401);
    }
  });

  it('stops password spraying over many names from one address (30 failures per address per 15 minutes)', async () => {
    freshThrottle(t);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push(await login(app, `spray-${i}`, 'Winter2026!'));
    expect(statuses.slice(0, 30)).to.deep.equal(Array(30).fill(401));
    expect(statuses[30]).to.equal(429);
    // the address is refused even with an account's right password: no more guesses from it
    expect(await login(app, 'officer', password('officer'))).to.equal(429);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY names the peer a proxy', async () => {
    freshThrottle(t, { perAddress: 3 });
    const addresses = ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'];
    const direct = await Promise.all(addresses.map(async (a, i) => login(app, `xff-${i}`, 'x', a)));
    // sequential would be clearer, but the budget must hold for attempts sent at once too
    expect(direct.filter((s) => s === 401)).to.have.length(3);
    expect(direct.filter((s) => s === 429)).to.have.length(1);

    freshThrottle(t, { perAddress: 3 });
    const behindProxy = appWithTrustProxy(t, 'loopback');
    for (const [i, a] of addresses.entries()) expect(await login(behindProxy, `xff-${i}`, 'x', a), a).to.equal(401);
    // the same address four times is the same client
    expect(await login(behindProxy, 'xff-9', 'x', addresses[0])).to.equal(401);
    expect(await login(behindProxy, 'xff-9', 'x', addresses[0])).to.equal(401);
    expect(await login(behindProxy, 'xff-9', 'x', addresses[0])).to.equal(429);
  });

  it('past the global budget, only a name and an address without a failure may try (spraying from many addresses)', async () => {
    freshThrottle(t, { global: 5 });
    const proxied = appWithTrustProxy(t, 'loopback');
    for (let i = 0; i < 5; i++) expect(await login(proxied, `spread-${i}`, 'x', `203.0.113.${i}`)).to.equal(401);
    // the service has seen 5 failures: an address that failed before may not try again …
    expect(await login(proxied, 'spread-new', 'x', '203.0.113.0')).to.equal(429);
    // … nor a name that failed before, from anywhere
    expect(await login(proxied, 'spread-1', 'x', '203.0.113.99')).to.equal(429);
    // while someone who has not failed signs in
    expect(await login(proxied, 'admin', password('admin'), '203.0.113.50')).to.equal(303);
  });

  it('attempts sent at once are counted before their passwords are tried: 20 at once give at most 10 guesses', async () => {
    freshThrottle(t);
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => login(app, 'officer2', `guess-${i}`)));
    expect(statuses.filter((s) => s === 401)).to.have.length(10);
    expect(statuses.filter((s) => s === 429)).to.have.length(10);
  });
});

describe('auth: the login throttle itself', () => {
  const budgets: LoginBudgets = { perUser: 2, perAddress: 3, global: 4, windowMs: 15 * MINUTE };

  it('normalises a login name once: trimmed, NFC, lower case; anything but a string is empty', () => {
    expect(loginName(' \tInspector\u3000\n')).to.equal('inspector');
    expect(loginName('e\u0301')).to.equal('\u00e9');
    expect(loginName(['inspector'])).to.equal('');
    expect(loginName('x'.repeat(10_000))).to.have.length(200);
  });

  it('the verdict: each budget, and past the global one only clean names and addresses', () => {
    expect(loginVerdict({ user: 2, address: 3, global: 4 }, budgets)).to.deep.equal({ allowed: true });
    expect(loginVerdict({ user: 3, address: 1, global: 1 }, budgets)).to.deep.equal({ allowed: false, budget: 'user' });
    expect(loginVerdict({ user: 1, address: 4, global: 1 }, budgets)).to.deep.equal({ allowed: false, budget: 'address' });
    expect(loginVerdict({ user: 1, address: 1, global: 99 }, budgets)).to.deep.equal({ allowed: true });
    expect(loginVerdict({ user: 2, address: 1, global: 5 }, budgets)).to.deep.equal({ allowed: false, budget: 'global' });
    expect(loginVerdict({ user: 1, address: 2, global: 5 }, budgets)).to.deep.equal({ allowed: false, budget: 'global' });
  });

  it('a sliding window: failures age out, successes and refusals do not count, memory stays bounded', async () => {
    let now = 1_000_000;
    const attempts = new MemoryLoginAttempts();
    const throttle = new LoginThrottle(attempts, budgets, () => now);
    const fail = async (name: string, address = 'a') => (await throttle.attempt(name, address)).allowed;
    expect(await fail('u')).to.equal(true);
    now += 5 * MINUTE;
    expect(await fail('u')).to.equal(true);
    expect(await fail('u'), 'third failure for u').to.equal(false);
    expect(await fail('u'), 'refusals do not count, nor keep the window open').to.equal(false);
    now += 10 * MINUTE + 1; // the first failure has left the window
    expect(await fail('u')).to.equal(true);
    expect(await fail('u')).to.equal(false);
    // a success is withdrawn: it never counts
    const ok = await throttle.attempt('v', 'b');
    expect(ok.allowed).to.equal(true);
    if (ok.allowed) await ok.withdraw();
    for (let i = 0; i < 2; i++) expect(await fail('v', 'b')).to.equal(true);
    // long after, a sweep leaves nothing behind
    now += 60 * MINUTE;
    attempts.sweep(now - budgets.windowMs);
    expect(attempts.size).to.deep.equal({ keys: 0, attempts: 0 });
  });

  it('reads its budgets from the environment', () => {
    expect(loginBudgetsFromEnv({})).to.deep.equal({ perUser: 10, perAddress: 30, global: 100, windowMs: 15 * MINUTE });
    expect(
      loginBudgetsFromEnv({ LOGIN_RATE_LIMIT: '5', LOGIN_ADDRESS_LIMIT: '7', LOGIN_GLOBAL_LIMIT: '9', LOGIN_WINDOW_MINUTES: '1' }),
    ).to.deep.equal({ perUser: 5, perAddress: 7, global: 9, windowMs: MINUTE });
    expect(loginBudgetsFromEnv({ LOGIN_RATE_LIMIT: '-1', LOGIN_ADDRESS_LIMIT: 'x' })).to.include({ perUser: 10, perAddress: 30 });
  });

  it('TRUST_PROXY: nobody by default; addresses, subnets and named ranges; a hop count or true is refused', () => {
    expect(trustProxySetting(undefined)).to.equal(false);
    expect(trustProxySetting('')).to.equal(false);
    expect(trustProxySetting('none')).to.equal(false);
    expect(trustProxySetting('loopback')).to.deep.equal(['loopback']);
    expect(trustProxySetting('10.0.0.0/8, 192.168.1.10,fd00::/8')).to.deep.equal(['10.0.0.0/8', '192.168.1.10', 'fd00::/8']);
    for (const bad of ['true', '1', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', '::1/129', 'loopback,']) {
      expect(() => trustProxySetting(bad), bad).to.throw(/TRUST_PROXY/);
    }
  });
});
