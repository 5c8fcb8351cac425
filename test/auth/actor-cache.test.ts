import { expect } from 'chai';
import supertest from 'supertest';
import { User } from '../../entities/user';
import { ActorCache } from '../../server/auth/actor-cache';
import { Actor, systemContext } from '../../server/context';
import { issueToken, updateUser } from '../../server/app/admin/users';
import { testApp, TestApp } from '../support/app';

const officer: Actor = { id: 7, name: 'officer', role: 'budget_officer', orgUnitId: 3 };

describe('auth: the remembered actor of a bearer token', () => {
  it('is remembered for its lifetime only, as a copy nobody can change', () => {
    const cache = new ActorCache(2000);
    const actor = { ...officer };
    cache.remember('h', actor, 1_000);
    actor.role = 'admin';
    expect(cache.get('h', 2_999)).to.deep.equal(officer);
    expect(Object.isFrozen(cache.get('h', 2_999))).to.equal(true);
    expect(cache.get('h', 3_000), 'expired').to.equal(null);
    expect(cache.get('h', 1_500), 'an expired entry is gone').to.equal(null);
  });

  it('remembers nothing with a lifetime of 0, and lets the oldest entry go when full', () => {
    const off = new ActorCache(0);
    off.remember('h', officer, 0);
    expect(off.get('h', 0)).to.equal(null);
    const small = new ActorCache(1000, 2);
    small.remember('a', officer, 0);
    small.remember('b', officer, 0);
    small.remember('c', officer, 0);
    expect([small.get('a', 1), small.get('b', 1), small.get('c', 1)].map(Boolean)).to.deep.equal([false, true, true]);
  });

  it('looks a token up once for the requests that miss it together, and remembers nothing a change to a user overtook', async () => {
    const cache = new ActorCache(2000);
    let loads = 0;
    let finish!: (a: Actor | null) => void;
    const load = () => {
      loads++;
      return new Promise<Actor | null>((resolve) => (finish = resolve));
    };
    const together = [cache.resolve('h', load), cache.resolve('h', load), cache.resolve('h', load)];
    finish(officer);
    expect(await Promise.all(together)).to.deep.equal([officer, officer, officer]);
    expect(loads, 'one look-up for three requests').to.equal(1);
    expect(await cache.resolve('h', load), 'then remembered').to.deep.equal(officer);
    expect(loads).to.equal(1);

    const stale = new ActorCache(2000);
    const before = stale.resolve('h', load);
    stale.clear(); // a user changed while the look-up ran
    finish(officer);
    await before;
    expect(stale.get('h'), 'what the overtaken look-up read is not remembered').to.equal(null);
    const off = new ActorCache(0);
    await Promise.all([off.resolve('h', async () => (loads++, officer)), off.resolve('h', async () => (loads++, officer))]);
    expect(loads, 'with the cache off every request looks up on its own').to.equal(4);
  });

  describe('through the API', function () {
    let t: TestApp;
    before(async () => {
      t = await testApp({ steps: (f) => /^(010|020|040|090)-/.test(f) });
    });
    after(() => t.close());

    const officerId = async () => (await t.ds.getRepository(User).findOneByOrFail({ username: 'officer' })).id;
    const pay = () =>
      t
        .as('officer')
        .post('/api/disbursements')
        .send({ consignment: 'EC-C01', fiscalYear: 2025, quarter: 1, requestedOn: '2025-01-10', amount: 1000 });

    it('sees a change of role and a deactivation at the next request', async () => {
      expect((await t.as('officer').get('/api/fiscal-years')).status).to.equal(200);
      expect((await pay()).status, 'a budget officer may record a grant request').to.equal(201);
      const admin = { ...systemContext('test'), actor: { id: 0, name: 'admin', role: 'admin' as const, orgUnitId: null } };
      await updateUser(t.ds, admin, await officerId(), { role: 'council_staff' });
      expect((await pay()).status, 'council staff may not').to.equal(403);
      await updateUser(t.ds, admin, await officerId(), { active: false });
      expect((await t.as('officer').get('/api/fiscal-years')).status).to.equal(401);
    });

    it('does not remember a token it refused: one issued a moment later works at once', async () => {
      const fresh = 'test-token-issued-after-a-refusal';
      const call = () => supertest(t.app).get('/api/fiscal-years').set('Authorization', `Bearer ${fresh}`);
      expect((await call()).status).to.equal(401);
      const council = await t.ds.getRepository(User).findOneByOrFail({ username: 'council' });
      await issueToken(t.ds, council.id, 'test', fresh);
      expect((await call()).status).to.equal(200);
    });
  });
});
