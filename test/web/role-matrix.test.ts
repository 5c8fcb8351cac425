import { expect } from 'chai';
import supertest from 'supertest';
import { In } from 'typeorm';
import { ROLES, Role } from '../../entities/user';
import { Program } from '../../entities/program';
import { ProgramYear } from '../../entities/program-year';
import { DEMO_ACCOUNTS } from '../../seeds/demo-accounts';
import { pageRoutes } from '../../server/web';
import { DemoUser, testApp, TestApp } from '../support/app';
import { dummyPath, webLogin } from './helpers';

const USER_OF_ROLE: Record<Role, DemoUser> = {
  budget_officer: 'officer',
  inspector: 'inspector',
  council_staff: 'council',
  admin: 'admin',
};

/**
 * Who may write the ledger, spelled out: a change to a role set of these routes must change this
 * table too, on purpose.
 */
const LEDGER_WRITE_MATRIX: Record<string, Role[]> = {
  'ledger-entries.create': ['budget_officer'],
  'ledger-entries.reverse': ['budget_officer'],
  'transfers.create': ['budget_officer'],
  'transfers.report': ['budget_officer'],
  'transfers.reverse': ['budget_officer'],
  'program-years.create': ['budget_officer'],
  'program-years.appropriate': ['budget_officer'],
  'revenue.post': ['budget_officer'],
  'revenue.create-line': ['budget_officer'],
  'programs.create': ['admin'],
  'org-units.create': ['admin'],
  'fiscal-years.open': ['admin'],
  'fiscal-years.close': ['admin'],
  'api-tokens.issue': ['admin'],
  'api-tokens.revoke': ['admin'],
  'rule-versions.create': ['admin'],
  'accounts.create': ['admin'],
  'accounts.settlement.put': ['budget_officer', 'admin'],
  'grantRequests.create': ['budget_officer'],
  'grantRequests.decide': ['budget_officer'],
  'grantRequests.pay': ['budget_officer'],
  'grantRequests.withdraw': ['budget_officer'],
};

/** The same table for the web forms that write. */
const PAGE_WRITE_MATRIX: Record<string, Role[]> = {
  'web.ledger.post-entry': ['budget_officer'],
  'web.ledger.reverse-entry': ['budget_officer'],
  'web.ledger.reverse-transfer': ['budget_officer'],
  'web.admin.create-user': ['admin'],
  'web.admin.create-org': ['admin'],
  'web.admin.update-user': ['admin'],
  'web.admin.create-rule': ['admin'],
  'web.admin.open-year': ['admin'],
  'web.admin.close-year': ['admin'],
  'web.admin.issue-api-token': ['admin'],
  'web.admin.revoke-api-token': ['admin'],
  'web.consignments.disburse': ['budget_officer'],
  'web.consignments.reverse-disbursement': ['budget_officer'],
  'web.evaluations.create': ['budget_officer', 'admin'],
  'web.consignments.create-plan': ['budget_officer'],
  'web.consignments.approve-plan': ['budget_officer'],
  'web.consignments.submit-settlement': ['budget_officer'],
  'web.consignments.review-settlement': ['budget_officer'],
  'web.consignments.confirm-settlement': ['budget_officer'],
  'web.inspections.create': ['inspector'],
  'web.inspections.save-area': ['inspector'],
  'web.inspections.add-finding': ['inspector'],
  'web.inspections.submit': ['inspector'],
  'web.inspections.approve': ['inspector'],
  'web.inspections.return': ['inspector'],
  'web.consignments.decide-request': ['budget_officer'],
  'web.consignments.pay-request': ['budget_officer'],
  'web.consignments.withdraw-request': ['budget_officer'],
  'web.inspections.finding-edit': ['inspector'],
  'web.inspections.finding-delete': ['inspector'],
  'web.inspections.finding-action-report': ['inspector'],
  'web.inspections.finding-verify': ['inspector'],
  'web.inspections.finding-request-more': ['inspector'],
  'web.inspections.finding-close': ['inspector'],
};

describe('role matrix: every API route and every page × every role', function () {
  this.timeout(180_000);
  let t: TestApp;
  const sessions = {} as Record<DemoUser, { agent: ReturnType<typeof supertest.agent>; csrf: string }>;

  before(async () => {
    t = await testApp({ web: true });
    for (const a of DEMO_ACCOUNTS) sessions[a.username as DemoUser] = await webLogin(t.app, a.username as DemoUser);
  });
  after(async () => t?.close());

  it('the explicit ledger write matrix matches the routes', () => {
    for (const [id, roles] of Object.entries(LEDGER_WRITE_MATRIX)) {
      const route = t.routes.find((r) => r.id === id);
      expect(route, `route ${id}`).to.exist;
      expect([...route!.roles].sort(), id).to.deep.equal([...roles].sort());
    }
    for (const [id, roles] of Object.entries(PAGE_WRITE_MATRIX)) {
      const page = pageRoutes().find((p) => p.id === id);
      expect(page, `page ${id}`).to.exist;
      expect([...(page!.roles as Role[])].sort(), id).to.deep.equal([...roles].sort());
    }
  });

  it('council staff may write nothing: no API write route and no page form admits them', () => {
    const writes = t.routes.filter((r) => r.method !== 'get' && r.roles.includes('council_staff')).map((r) => r.id);
    expect(writes).to.deep.equal([]);
    const forms = pageRoutes()
      .filter((p) => p.method === 'post' && p.roles !== 'public' && p.id !== 'web.logout' && p.roles.includes('council_staff'))
      .map((p) => p.id);
    expect(forms).to.deep.equal([]);
  });

  it('API: 403 exactly for the roles a route does not admit (bearer tokens)', async () => {
    const agent = supertest(t.app);
    const failures: string[] = [];
    for (const route of t.routes) {
      const url = `/api${dummyPath(route.path)}`;
      for (const role of ROLES) {
        const req = agent[route.method](url).set('Authorization', `Bearer ${t.token[USER_OF_ROLE[role]]}`);
        const res = await (route.method === 'get' ? req : req.send({}));
        const allowed = route.roles.includes(role);
        if (allowed ? res.status === 401 || res.status === 403 : res.status !== 403)
          failures.push(`${route.method.toUpperCase()} ${url} as ${role}: ${res.status} (allowed: ${allowed})`);
      }
      const anonymous = await agent[route.method](url);
      if (anonymous.status !== 401) failures.push(`${route.method.toUpperCase()} ${url} without a token: ${anonymous.status}`);
    }
    expect(failures).to.deep.equal([]);
    expect(t.routes.length).to.be.greaterThan(20);
  });

  it('pages: 403 exactly for the roles a page does not admit (browser sessions, with CSRF)', async () => {
    const failures: string[] = [];
    const pages = pageRoutes().filter((p) => p.roles !== 'public' && p.id !== 'web.logout');
    for (const page of pages) {
      const url = dummyPath(page.path);
      for (const role of ROLES) {
        const { agent, csrf } = sessions[USER_OF_ROLE[role]];
        const res = page.method === 'get' ? await agent.get(url) : await agent.post(url).type('form').send({ _csrf: csrf });
        const allowed = (page.roles as readonly Role[]).includes(role);
        if (allowed ? res.status === 401 || res.status === 403 : res.status !== 403)
          failures.push(`${page.method.toUpperCase()} ${url} as ${role}: ${res.status} (allowed: ${allowed})`);
      }
      const anonymous = page.method === 'get' ? await supertest(t.app).get(url) : await supertest(t.app).post(url).type('form').send({});
      const expected = page.method === 'get' ? 303 : 401;
      if (anonymous.status !== expected) failures.push(`${page.method.toUpperCase()} ${url} without a session: ${anonymous.status}`);
      if (page.method === 'get' && !String(anonymous.headers.location).startsWith('/login?next='))
        failures.push(`${url}: no redirect to the login`);
    }
    expect(failures).to.deep.equal([]);
    expect(pages.length).to.be.greaterThan(5);
  });

  it('a budget officer cannot read or write another department’s program (403), on the pages and the API', async () => {
    const program = await t.ds.getRepository(Program).findOneByOrFail({ name: '서울시 전자상거래센터 운영' });
    const py = await t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: program.id, fiscalYear: 2025 });
    const own = sessions.officer;
    const other = sessions.officer2;
    expect((await own.agent.get(`/ledger/${py.id}`)).status).to.equal(200);
    expect((await other.agent.get(`/ledger/${py.id}`)).status).to.equal(403);
    const form = { _csrf: other.csrf, expenseItem: '민간위탁금', kind: 'execution', amount: '1000', entryDate: '2025-03-02' };
    expect((await other.agent.post(`/ledger/${py.id}/entries`).type('form').send(form)).status).to.equal(403);
    const body = { programYearId: py.id, expenseItem: '민간위탁금', kind: 'execution', amount: 1000, entryDate: '2025-03-02' };
    const api = await t.as('officer2').post('/api/ledger-entries').send(body);
    expect(api.status).to.equal(403);
    // and the officer's own department list does not show the other department's programs
    const list = await other.agent.get('/ledger?year=2025');
    expect(list.text).not.to.contain(`/ledger/${py.id}"`);
    const ownList = await own.agent.get('/ledger?year=2025');
    expect(ownList.text).to.contain(`/ledger/${py.id}"`);
  });

  it('a budget officer cannot read or write another department’s consignment (403), on the pages and the API', async () => {
    const { Consignment } = await import('../../entities/consignment');
    const { Disbursement } = await import('../../entities/consignment-disbursement');
    const c = await t.ds.getRepository(Consignment).findOneByOrFail({ code: 'EC-C01' });
    expect((await sessions.officer.agent.get(`/consignments/${c.id}`)).status).to.equal(200);
    expect((await sessions.officer2.agent.get(`/consignments/${c.id}`)).status).to.equal(403);
    const before = await t.ds.getRepository(Disbursement).count();
    const form = {
      _csrf: sessions.officer2.csrf,
      fiscalYear: '2025',
      quarter: '3',
      requestedOn: '2025-07-01',
      paidOn: '2025-07-02',
      amount: '1000',
    };
    expect((await sessions.officer2.agent.post(`/consignments/${c.id}/disbursements`).type('form').send(form)).status).to.equal(403);
    expect((await t.as('officer2').get(`/api/consignments/${c.code}`)).status).to.equal(403);
    const api = await t
      .as('officer2')
      .post('/api/disbursements')
      .send({ consignment: c.code, fiscalYear: 2025, quarter: 3, requestedOn: '2025-07-01', paidOn: '2025-07-02', amount: 1000 });
    expect(api.status).to.equal(403);
    expect(await t.ds.getRepository(Disbursement).count()).to.equal(before);
    // the other department's list does not show it; council staff see it but cannot post
    expect((await sessions.officer2.agent.get('/consignments')).text).not.to.contain(`/consignments/${c.id}"`);
    expect((await sessions.council.agent.get(`/consignments/${c.id}`)).status).to.equal(200);
    expect(
      (
        await sessions.council.agent
          .post(`/consignments/${c.id}/disbursements`)
          .type('form')
          .send({ ...form, _csrf: sessions.council.csrf })
      ).status,
    ).to.equal(403);
  });

  it('a form posted without the session’s CSRF token is refused (403) and changes nothing', async () => {
    const program = await t.ds.getRepository(Program).findOneByOrFail({ name: '서울시 전자상거래센터 운영' });
    const py = await t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: program.id, fiscalYear: 2025 });
    const { LedgerEntry } = await import('../../entities/ledger-entry');
    const before = await t.ds.getRepository(LedgerEntry).countBy({ programYearId: In([py.id]) });
    const form = { expenseItem: '민간위탁금', kind: 'execution', amount: '1000', entryDate: '2025-03-02' };
    expect((await sessions.officer.agent.post(`/ledger/${py.id}/entries`).type('form').send(form)).status).to.equal(403);
    expect(
      (
        await sessions.officer.agent
          .post(`/ledger/${py.id}/entries`)
          .type('form')
          .send({ ...form, _csrf: sessions.officer2.csrf })
      ).status,
    ).to.equal(403);
    expect(await t.ds.getRepository(LedgerEntry).countBy({ programYearId: py.id })).to.equal(before);
  });

  it('a browser session reads the API (GET) but cannot write through it', async () => {
    const get = await sessions.council.agent.get('/api/reports');
    expect(get.status).to.equal(200);
    const post = await sessions.officer.agent.post('/api/ledger-entries').send({});
    expect(post.status).to.equal(401);
  });
});

describe('login, session cookie and logout', function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async () => {
    t = await testApp({ web: true });
  });
  after(async () => t?.close());

  it('sets an HttpOnly SameSite=Lax cookie, stores only a hash of it, and logout ends the session', async () => {
    const { agent, csrf, cookie } = await webLogin(t.app, 'officer');
    expect(cookie)
      .to.match(/HttpOnly/i)
      .and.to.match(/SameSite=Lax/i)
      .and.to.match(/Path=\//);
    const token = /^ledger_session=([^;]+)/.exec(cookie)![1];
    const rows = await t.ds.query('SELECT token_hash FROM web_sessions');
    expect(rows.map((r: { token_hash: string }) => r.token_hash)).to.not.include(token);
    const { sha256 } = await import('../../server/auth/passwords');
    expect(rows.map((r: { token_hash: string }) => r.token_hash)).to.include(sha256(decodeURIComponent(token)));
    await agent.post('/logout').type('form').send({ _csrf: csrf }).expect(303);
    const after = await agent.get('/');
    expect(after.status).to.equal(303);
    expect(after.headers.location).to.match(/^\/login/);
    expect((await t.ds.query('SELECT token_hash FROM web_sessions')).length).to.equal(rows.length - 1);
  });

  it('an expired session no longer opens pages or the API', async () => {
    const { agent } = await webLogin(t.app, 'council');
    expect((await agent.get('/reports')).status).to.equal(200);
    const { WebSession } = await import('../../entities/web-session');
    await t.ds
      .getRepository(WebSession)
      .createQueryBuilder()
      .update()
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .execute();
    const page = await agent.get('/reports');
    expect(page.status).to.equal(303);
    expect((await agent.get('/api/reports')).status).to.equal(401);
  });

  it('refuses a wrong password with 401 and the login form without its CSRF cookie', async () => {
    const agent = supertest.agent(t.app);
    const form = await agent.get('/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const bad = await agent.post('/login').type('form').send({ username: 'officer', password: 'wrong', _csrf: csrf });
    expect(bad.status).to.equal(401);
    expect(bad.text).to.contain('아이디 또는 비밀번호가 올바르지 않습니다');
    expect(bad.headers['set-cookie'] ?? []).to.satisfy((c: string[]) => !c.some((x) => x.startsWith('ledger_session=')));
    const noCsrf = await supertest(t.app)
      .post('/login')
      .type('form')
      .send({ username: 'officer', password: 'officer-demo-2026', _csrf: csrf });
    expect(noCsrf.status).to.equal(403);
  });

  it('rate-limits failed logins (429 after 10 failures for one name)', async () => {
    const agent = supertest.agent(t.app);
    const form = await agent.get('/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await agent.post('/login').type('form').send({ username: 'rate-probe', password: 'x', _csrf: csrf })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).to.equal(true);
    expect(statuses[10]).to.equal(429);
  });

  it('does not follow a login to another site', async () => {
    const agent = supertest.agent(t.app);
    const form = await agent.get('/login?next=//evil.example/x');
    expect(form.text).to.contain('name="next" value="/"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const res = await agent
      .post('/login')
      .type('form')
      .send({ username: 'council', password: 'council-demo-2026', _csrf: csrf, next: 'https://evil.example/' });
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal('/');
  });

  it('sends the security headers and no-store on pages', async () => {
    const res = await supertest(t.app).get('/login');
    expect(res.headers['content-security-policy']).to.contain("default-src 'self'");
    expect(res.headers['x-content-type-options']).to.equal('nosniff');
    expect(res.headers['cache-control']).to.equal('no-store');
    expect(res.text).to.contain('<html lang="ko">');
  });
});
