import { expect } from 'chai';
import supertest from 'supertest';
import { AuditRecord } from '../../entities/audit-record';
import { ApiToken, User } from '../../entities/user';
import { actorCacheOf } from '../../server/auth/actor-cache';
import { sha256 } from '../../server/auth/passwords';
import { koreanDate } from '../../domain/api-tokens';
import { testApp, TestApp } from '../support/app';
import { csrfFrom, webLogin } from '../web/helpers';

const daysFromToday = (n: number) => {
  const d = new Date(`${koreanDate(new Date())}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe('auth: integration tokens — issued by an administrator, shown once, stored hashed, expiring, revocable', function () {
  this.timeout(120_000);
  let t: TestApp;
  let officer: User;
  const bearer = (token: string) => ({
    get: (url: string) => supertest(t.app).get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string) => supertest(t.app).post(url).set('Authorization', `Bearer ${token}`),
  });

  before(async () => {
    t = await testApp({ steps: (f) => /^(010|020|090)-/.test(f), web: true });
    officer = await t.ds.getRepository(User).findOneByOrFail({ username: 'officer' });
  });
  after(async () => t?.close());

  const issue = (body: Record<string, unknown>) => t.as('admin').post('/api/api-tokens').send(body);

  it('issue → use (as the user, with their role) → last use written, at most once a minute → revoke → 401 token_revoked', async () => {
    const res = await issue({ userId: officer.id, name: '회계시스템 연계', expiresOn: daysFromToday(30) });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const token = res.body.token as string;
    expect(token).to.match(/^lgr_[A-Za-z0-9_-]{43}$/);
    expect(res.body).to.include({
      name: '회계시스템 연계',
      userId: officer.id,
      username: 'officer',
      prefix: token.slice(0, 12),
      lastUsedAt: null,
    });
    const row = await t.ds.getRepository(ApiToken).findOneByOrFail({ id: res.body.id });
    expect(row.tokenHash).to.equal(sha256(token));
    expect(row.createdById).to.not.equal(null);
    // through the end of the expiry day in Korea
    expect(new Date(row.expiresAt!).toISOString()).to.equal(new Date(`${daysFromToday(31)}T00:00:00+09:00`).toISOString());

    const used = await bearer(token).get('/api/fiscal-years');
    expect(used.status).to.equal(200);
    // it acts as the officer: an administrator's route is refused for the role, not the token
    expect((await bearer(token).get('/api/users')).status).to.equal(403);
    const first = (await t.ds.getRepository(ApiToken).findOneByOrFail({ id: res.body.id })).lastUsedAt;
    expect(first, 'last use written').to.not.equal(null);
    await bearer(token).get('/api/fiscal-years').expect(200);
    const second = (await t.ds.getRepository(ApiToken).findOneByOrFail({ id: res.body.id })).lastUsedAt;
    expect(new Date(second!).getTime(), 'not written again within the minute').to.equal(new Date(first!).getTime());

    const revoked = await t.as('admin').post(`/api/api-tokens/${res.body.id}/revocation`).send({});
    expect(revoked.status, JSON.stringify(revoked.body)).to.equal(200);
    expect(revoked.body.revokedAt).to.be.a('string');
    const refused = await bearer(token).get('/api/fiscal-years');
    expect(refused.status).to.equal(401);
    expect(refused.body).to.include({ code: 'token_revoked', title_ko: '폐기된 인증 토큰입니다. 관리자에게 새 토큰을 요청하십시오' });
    const twice = await t.as('admin').post(`/api/api-tokens/${res.body.id}/revocation`).send({});
    expect(twice.status).to.equal(409);
    expect((await t.as('admin').post('/api/api-tokens/999999/revocation').send({})).status).to.equal(404);
  });

  it('an expired token → 401 token_expired; an unknown one → 401 invalid_token', async () => {
    const res = await issue({ userId: officer.id, name: '만료 시험', expiresOn: daysFromToday(1) });
    expect(res.status).to.equal(201);
    await bearer(res.body.token).get('/api/fiscal-years').expect(200);
    await t.ds.getRepository(ApiToken).update({ id: res.body.id }, { expiresAt: new Date(Date.now() - 1000) });
    // a valid token's user is remembered for AUTH_CACHE_MS (2 s): past that, the expiry is seen
    actorCacheOf(t.ds).clear();
    const expired = await bearer(res.body.token).get('/api/fiscal-years');
    expect(expired.status).to.equal(401);
    expect(expired.body.code).to.equal('token_expired');
    expect(expired.body.title_ko).to.equal('만료된 인증 토큰입니다. 관리자에게 새 토큰을 요청하십시오');
    const unknown = await bearer(`lgr_${'x'.repeat(43)}`).get('/api/fiscal-years');
    expect(unknown.status).to.equal(401);
    expect(unknown.body.code).to.equal('invalid_token');
  });

  it('refuses an expiry not after today or beyond two years, and an unknown user; only an administrator issues, lists or revokes', async () => {
    const today = await issue({ userId: officer.id, name: '오늘 만료', expiresOn: koreanDate(new Date()) });
    expect(today.status).to.equal(422);
    expect(today.body.errors[0]).to.include({ field: 'expiresOn', rule: 'afterToday' });
    const far = await issue({ userId: officer.id, name: '너무 긺', expiresOn: daysFromToday(800) });
    expect(far.status).to.equal(422);
    expect(far.body.errors[0]).to.include({ field: 'expiresOn', rule: 'withinMaxLifetime' });
    expect((await issue({ userId: 999999, name: '없는 사용자', expiresOn: daysFromToday(5) })).status).to.equal(404);
    const noName = await issue({ userId: officer.id, name: '', expiresOn: daysFromToday(5) });
    expect(noName.status).to.equal(400);
    expect(noName.body.errors[0].field).to.equal('name');
    for (const who of ['officer', 'inspector', 'council'] as const) {
      expect(
        (
          await t
            .as(who)
            .post('/api/api-tokens')
            .send({ userId: officer.id, name: 'x', expiresOn: daysFromToday(5) })
        ).status,
      ).to.equal(403);
      expect((await t.as(who).get('/api/api-tokens')).status).to.equal(403);
      expect((await t.as(who).post('/api/api-tokens/1/revocation').send({})).status).to.equal(403);
    }
  });

  it('the secret (and its hash) is never in the list nor in the audit records', async () => {
    const res = await issue({ userId: officer.id, name: '감사 시험', expiresOn: daysFromToday(10) });
    const token = res.body.token as string;
    const list = await t.as('admin').get('/api/api-tokens');
    expect(list.status).to.equal(200);
    const mine = list.body.items.find((i: { id: number }) => i.id === res.body.id);
    expect(mine).to.include({ name: '감사 시험', username: 'officer', prefix: token.slice(0, 12), revokedAt: null });
    expect(mine).to.have.keys([
      'id',
      'name',
      'prefix',
      'userId',
      'username',
      'createdAt',
      'createdById',
      'expiresAt',
      'lastUsedAt',
      'revokedAt',
    ]);
    const text = JSON.stringify(list.body);
    expect(text).to.not.contain(token);
    expect(text).to.not.contain(token.slice(12));
    expect(text).to.not.contain(sha256(token));
    await t.as('admin').post(`/api/api-tokens/${res.body.id}/revocation`).send({}).expect(200);
    const audits = await t.ds.getRepository(AuditRecord).findBy({ entity: 'api_token', entityId: String(res.body.id) });
    expect(audits.map((a) => a.action).sort()).to.deep.equal(['api_token.issue', 'api_token.revoke']);
    const logged = JSON.stringify(audits);
    expect(logged).to.not.contain(token.slice(12));
    expect(logged).to.not.contain(sha256(token));
  });

  it('the administrator’s page issues a token, shows it once, lists it without it, and revokes it', async () => {
    const { agent, csrf } = await webLogin(t.app, 'admin');
    const page = await agent.get('/admin/api-tokens').expect(200);
    expect(page.text).to.contain('토큰 발급');
    const bad = await agent
      .post('/admin/api-tokens')
      .type('form')
      .send({ _csrf: csrf, userId: String(officer.id), name: '화면 발급', expiresOn: '2001-01-01' });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.contain('만료일은 오늘');
    const made = await agent
      .post('/admin/api-tokens')
      .type('form')
      .send({ _csrf: csrf, userId: String(officer.id), name: '화면 발급', expiresOn: daysFromToday(20) });
    expect(made.status).to.equal(201);
    const token = /value="(lgr_[^"]+)"/.exec(made.text)?.[1];
    expect(token, 'the token is on the page once').to.be.a('string');
    await bearer(token!).get('/api/fiscal-years').expect(200);
    const list = await agent.get('/admin/api-tokens').expect(200);
    expect(list.text).to.contain('화면 발급');
    expect(list.text).to.not.contain(token!);
    const row = await t.ds.getRepository(ApiToken).findOneByOrFail({ label: '화면 발급' });
    const revoked = await agent
      .post(`/admin/api-tokens/${row.id}/revocation`)
      .type('form')
      .send({ _csrf: csrfFrom(list.text) });
    expect(revoked.status).to.equal(303);
    expect((await bearer(token!).get('/api/fiscal-years')).status).to.equal(401);
    expect((await agent.get(String(revoked.headers.location))).text).to.contain('토큰을 폐기했습니다');
  });
});
