import { expect } from 'chai';
import supertest from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../../server/app';
import { openDatabase } from '../../server/db/data-source';
import { DatabaseLoginAttempts, LoginThrottle, loginBudgetsFromEnv } from '../../server/auth/login-throttle';
import { actorForToken } from '../../server/auth/tokens';
import { actorCacheOf } from '../../server/auth/actor-cache';
import { sha256 } from '../../server/auth/passwords';
import { testApp, TestApp } from '../support/app';
import { dbUrlOf } from '../support/server-process';

/**
 * Two app processes over one database, played by two data sources (each has its own token cache and
 * throttle, as two processes would): the failed logins and the revocation of remembered sign-ins
 * are shared through the database (issue 19).
 */
describe('auth: state shared by several app processes through the database', function () {
  this.timeout(120_000);
  let t: TestApp;
  let other: DataSource;
  before(async () => {
    t = await testApp();
    other = await openDatabase(dbUrlOf(t.ds));
  });
  after(async () => {
    await other?.destroy();
    await t?.close();
  });

  it("counts one process's failed logins in the other's budget, and a withdrawal in both", async () => {
    const budgets = { ...loginBudgetsFromEnv({}), perUser: 3 };
    const a = new LoginThrottle(new DatabaseLoginAttempts(t.ds), budgets);
    const b = new LoginThrottle(new DatabaseLoginAttempts(other), budgets);
    const first = await a.attempt('shared-name', '198.51.100.1');
    expect(first.allowed).to.equal(true);
    expect((await b.attempt('shared-name', '198.51.100.2')).allowed).to.equal(true);
    expect((await a.attempt('shared-name', '198.51.100.3')).allowed).to.equal(true);
    // the fourth, wherever it arrives, is past the user's budget
    const refused = await b.attempt('shared-name', '198.51.100.4');
    expect(refused).to.include({ allowed: false, budget: 'user' });
    // the first one's password was right after all: withdrawn, it no longer counts anywhere
    if (first.allowed) await first.withdraw();
    expect((await b.attempt('shared-name', '198.51.100.5')).allowed).to.equal(true);
  });

  it('a change to a user made through one process ends what the other remembers within the poll window, not the cache lifetime', async () => {
    const token = t.token.council;
    const before = await actorForToken(other, token);
    expect(before?.role).to.equal('council_staff');
    // remembered for an hour: only the revocation epoch can make the other process forget it
    actorCacheOf(other).remember(sha256(token), before!, Date.now() + 3_600_000);
    const admin = supertest(createApp(t.ds).app);
    const users = await admin.get('/api/users').set('Authorization', `Bearer ${t.token.admin}`).expect(200);
    const council = (users.body.items as { id: number; username: string }[]).find((u) => u.username === 'council')!;
    await admin.patch(`/api/users/${council.id}`).set('Authorization', `Bearer ${t.token.admin}`).send({ active: false }).expect(200);
    // the revocation epoch is read every 250 ms (AUTH_EPOCH_POLL_MS)
    await new Promise((r) => setTimeout(r, 400));
    expect(await actorForToken(other, token)).to.equal(null);
    const epoch = (await t.ds.query('SELECT epoch FROM auth_epoch WHERE id = 1')) as { epoch: number }[];
    expect(Number(epoch[0].epoch)).to.be.greaterThan(0);
  });
});
