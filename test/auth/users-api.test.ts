import { expect } from 'chai';
import supertest from 'supertest';
import { OrgUnit } from '../../entities/org-unit';
import { User } from '../../entities/user';
import { testApp, TestApp } from '../support/app';

describe('auth: user accounts through the API, by the same rules as the administrator’s page', function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async () => {
    t = await testApp({ steps: (f) => /^(010|020|090)-/.test(f) });
  });
  after(async () => t?.close());

  it('an administrator adds a user; a department role needs a department and a password has 12 characters', async () => {
    const dept = await t.ds.getRepository(OrgUnit).findOneByOrFail({ level: 'department', code: 'LFB-FAIR' });
    const body = {
      username: 'officer9',
      displayName: '시험 주무관',
      role: 'budget_officer',
      orgUnitId: dept.id,
      password: 'a-long-password-1',
    };
    const noDept = await t
      .as('admin')
      .post('/api/users')
      .send({ ...body, orgUnitId: null, password: 'short' });
    expect(noDept.status).to.equal(422);
    expect(noDept.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['orgUnitId', 'password']);
    expect(noDept.body.errors[0].message_ko).to.equal('예산 담당과 지도점검 담당은 부서가 필요합니다');
    const made = await t.as('admin').post('/api/users').send(body);
    expect(made.status, JSON.stringify(made.body)).to.equal(201);
    expect(made.body).to.include({ username: 'officer9', role: 'budget_officer', orgUnitId: dept.id, active: true });
    expect(made.body).to.not.have.property('passwordHash');
    const again = await t.as('admin').post('/api/users').send(body);
    expect(again.status).to.equal(422);
    expect(again.body.errors[0]).to.include({ field: 'username', rule: 'unique' });

    const list = await t.as('admin').get('/api/users');
    expect(list.status).to.equal(200);
    expect(list.body.items.map((u: { username: string }) => u.username)).to.include('officer9');
    expect(JSON.stringify(list.body)).to.not.contain('scrypt');
    expect((await t.as('officer').get('/api/users')).status).to.equal(403);
    expect((await t.as('council').post('/api/users').send(body)).status).to.equal(403);
  });

  it('an administrator changes a user (PATCH) but may not demote themself', async () => {
    const patch = (url: string) => supertest(t.app).patch(url).set('Authorization', `Bearer ${t.token.admin}`);
    const user = await t.ds.getRepository(User).findOneByOrFail({ username: 'officer9' });
    const off = await patch(`/api/users/${user.id}`).send({ active: false });
    expect(off.status, JSON.stringify(off.body)).to.equal(200);
    expect(off.body).to.include({ active: false, role: 'budget_officer' });
    const me = await t.ds.getRepository(User).findOneByOrFail({ username: 'admin' });
    const demote = await patch(`/api/users/${me.id}`).send({ role: 'council_staff' });
    expect(demote.status).to.equal(422);
    expect(demote.body.errors[0]).to.include({ field: 'role', rule: 'notSelfDemotion' });
    expect((await patch('/api/users/999999').send({ active: true })).status).to.equal(404);
  });
});
