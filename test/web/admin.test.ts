import { expect } from 'chai';
import { AuditRecord } from '../../entities/audit-record';
import { OrgUnit } from '../../entities/org-unit';
import { RuleVersion } from '../../entities/rule-version';
import { User } from '../../entities/user';
import { verifyPassword } from '../../server/auth/passwords';
import { testApp, TestApp } from '../support/app';
import { csrfFrom, webLogin } from './helpers';

describe('web: the administrator’s pages (rule versions, users)', function () {
  this.timeout(60_000);
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof webLogin>>;
  before(async () => {
    t = await testApp({ web: true });
    admin = await webLogin(t.app, 'admin');
  });
  after(async () => t?.close());

  it('/admin/rules lists every rule with its versions and is linked from the admin navigation', async () => {
    const page = await admin.agent.get('/admin/rules');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('href="/admin/rules"');
    for (const key of ['transfer_report_deadline', 'renewal_min_score', 'renewal_selection_min_score', 'renewal_uncorrected_repeat_limit'])
      expect(page.text).to.contain(`id="rule-${key}"`);
    expect(page.text).to.contain('2016-01-01 ~ 2022-06-30');
    expect(page.text).to.contain('{&quot;minScore&quot;:75}');
    expect(page.text).to.contain('서울특별시의회 기본 조례');
    const officer = await webLogin(t.app, 'officer');
    expect((await officer.agent.get('/admin/rules')).status).to.equal(403);
    expect((await officer.agent.get('/')).text).not.to.contain('href="/admin/rules"');
  });

  it('adds a version through the form; a refused one shows the Korean message and the figures by the field and keeps what was typed', async () => {
    const form = {
      _csrf: admin.csrf,
      ruleKey: 'renewal_selection_min_score',
      effectiveFrom: '2026-01-01',
      params: '{"minScore": "72.5"}',
      source: '시험 개정 (예시)',
    };
    const ok = await admin.agent.post('/admin/rules').type('form').send(form);
    expect(ok.status, ok.text).to.equal(303);
    const rows = await t.ds
      .getRepository(RuleVersion)
      .find({ where: { ruleKey: 'renewal_selection_min_score' }, order: { effectiveFrom: 'ASC' } });
    expect(rows.map((r) => [r.effectiveFrom, r.effectiveTo, r.params])).to.deep.equal([
      ['2016-01-01', '2025-12-31', '{"minScore":70}'],
      ['2026-01-01', null, '{"minScore":"72.5"}'],
    ]);

    const before = await t.ds.getRepository(RuleVersion).count();
    const refused = await admin.agent
      .post('/admin/rules')
      .type('form')
      .send({ ...form, effectiveFrom: '2025-06-01', source: '너무 이른 버전' });
    expect(refused.status).to.equal(409);
    expect(refused.text).to.contain('id="err-effectiveFrom"');
    expect(refused.text).to.contain('최근 버전의 시행일 2026-01-01 뒤에 시작해야 합니다');
    expect(refused.text).to.contain('최근 버전 시행일: <strong>2026-01-01</strong>');
    expect(refused.text).to.contain('입력한 시행일: <strong>2025-06-01</strong>');
    expect(refused.text).to.contain('value="2025-06-01"');
    expect(refused.text).to.contain('너무 이른 버전</textarea>');
    expect(refused.text).to.match(/<option value="renewal_selection_min_score" selected>/);

    const notJson = await admin.agent
      .post('/admin/rules')
      .type('form')
      .send({ ...form, effectiveFrom: '2027-01-01', params: 'minScore=80' });
    expect(notJson.status).to.equal(422);
    expect(notJson.text).to.contain('매개변수는 JSON 객체로 입력하십시오');
    expect(notJson.text).to.contain('minScore=80</textarea>');
    const badShape = await admin.agent
      .post('/admin/rules')
      .type('form')
      .send({ ...form, ruleKey: 'transfer_report_deadline', effectiveFrom: '2027-01-01', params: '{"quartersAfter": "one"}' });
    expect(badShape.status).to.equal(422);
    expect(badShape.text).to.contain('id="err-params.quartersAfter"');
    expect(await t.ds.getRepository(RuleVersion).count()).to.equal(before);

    const noCsrf = await admin.agent
      .post('/admin/rules')
      .type('form')
      .send({ ...form, _csrf: undefined, effectiveFrom: '2028-01-01' });
    expect(noCsrf.status).to.equal(403);
    expect(await t.ds.getRepository(RuleVersion).count()).to.equal(before);
  });

  it('an admin changes a user’s role; the user’s token then acts with the new role (and the change is audited)', async () => {
    const council = await t.ds.getRepository(User).findOneByOrFail({ username: 'council' });
    expect((await t.as('council').get('/api/audit-records')).status).to.equal(403);
    const list = await admin.agent.get('/admin/users');
    expect(list.text).to.contain(`href="/admin/users/${council.id}/edit"`);
    const page = await admin.agent.get(`/admin/users/${council.id}/edit`);
    expect(page.text).to.contain(`action="/admin/users/${council.id}"`);
    const res = await admin.agent
      .post(`/admin/users/${council.id}`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), role: 'admin', orgUnitId: '', active: '1', password: '' });
    expect(res.status, res.text).to.equal(303);
    expect((await t.as('council').get('/api/audit-records')).status).to.equal(200);
    const audit = await t.ds
      .getRepository(AuditRecord)
      .findOneOrFail({ where: { entity: 'user', entityId: String(council.id), action: 'user.update' }, order: { id: 'DESC' } });
    expect(JSON.parse(audit.before!).role).to.equal('council_staff');
    expect(JSON.parse(audit.after!).role).to.equal('admin');

    // back to council staff: the token loses the admin role again
    await admin.agent
      .post(`/admin/users/${council.id}`)
      .type('form')
      .send({ _csrf: admin.csrf, role: 'council_staff', orgUnitId: '', active: '1' })
      .expect(303);
    expect((await t.as('council').get('/api/audit-records')).status).to.equal(403);
  });

  it('a budget officer needs a department; a password reset and a deactivation take effect', async () => {
    const inspector = await t.ds.getRepository(User).findOneByOrFail({ username: 'inspector' });
    const dept = await t.ds.getRepository(OrgUnit).findOneByOrFail({ level: 'department', code: 'LFB-FAIR' });
    const noDept = await admin.agent
      .post(`/admin/users/${inspector.id}`)
      .type('form')
      .send({ _csrf: admin.csrf, role: 'budget_officer', orgUnitId: '', active: '1' });
    expect(noDept.status).to.equal(422);
    expect(noDept.text).to.contain('예산 담당과 지도점검 담당은 부서가 필요합니다');
    expect(noDept.text).to.match(/<select id="role" name="role"[^>]*><option value="budget_officer" selected>/);
    const shortPw = await admin.agent
      .post(`/admin/users/${inspector.id}`)
      .type('form')
      .send({ _csrf: admin.csrf, role: 'inspector', orgUnitId: String(dept.id), active: '1', password: 'short' });
    expect(shortPw.status).to.equal(422);
    expect(shortPw.text).to.contain('비밀번호는 12자 이상');
    expect((await t.ds.getRepository(User).findOneByOrFail({ id: inspector.id })).role).to.equal('inspector');

    const session = await webLogin(t.app, 'inspector');
    const reset = await admin.agent
      .post(`/admin/users/${inspector.id}`)
      .type('form')
      .send({ _csrf: admin.csrf, role: 'inspector', orgUnitId: String(dept.id), active: '1', password: 'a-new-password-2026' });
    expect(reset.status).to.equal(303);
    const after = await t.ds.getRepository(User).findOneByOrFail({ id: inspector.id });
    expect(await verifyPassword('a-new-password-2026', after.passwordHash)).to.equal(true);
    expect((await session.agent.get('/')).status).to.equal(303); // the old browser session ended
    const audit = await t.ds
      .getRepository(AuditRecord)
      .findOneOrFail({ where: { entity: 'user', entityId: String(inspector.id) }, order: { id: 'DESC' } });
    expect(audit.after).to.not.contain('scrypt');
    expect(JSON.parse(audit.after!).passwordReset).to.equal(true);

    expect((await t.as('inspector').get('/api/inspections')).status).to.not.equal(401);
    await admin.agent
      .post(`/admin/users/${inspector.id}`)
      .type('form')
      .send({ _csrf: admin.csrf, role: 'inspector', orgUnitId: String(dept.id), active: '0' })
      .expect(303);
    expect((await t.as('inspector').get('/api/inspections')).status).to.equal(401);
    expect((await admin.agent.get('/admin/users')).text).to.contain('중지');
  });

  it('an admin cannot deactivate or demote themself', async () => {
    const me = await t.ds.getRepository(User).findOneByOrFail({ username: 'admin' });
    const off = await admin.agent
      .post(`/admin/users/${me.id}`)
      .type('form')
      .send({ _csrf: admin.csrf, role: 'admin', orgUnitId: '', active: '0' });
    expect(off.status).to.equal(422);
    expect(off.text).to.contain('관리자는 자기 자신의 계정을 중지할 수 없습니다');
    const demote = await admin.agent
      .post(`/admin/users/${me.id}`)
      .type('form')
      .send({ _csrf: admin.csrf, role: 'council_staff', orgUnitId: '', active: '1' });
    expect(demote.status).to.equal(422);
    expect(demote.text).to.contain('관리자는 자기 자신의 역할을 바꿀 수 없습니다');
    const still = await t.ds.getRepository(User).findOneByOrFail({ id: me.id });
    expect(still).to.include({ role: 'admin', active: true });
    expect((await t.as('admin').get('/api/audit-records')).status).to.equal(200);
    expect((await admin.agent.get('/admin/users/')).status).to.equal(200);
  });

  it('refuses a user that does not exist (404) and non-admins (403)', async () => {
    expect(
      (
        await admin.agent
          .post('/admin/users/999999')
          .type('form')
          .send({ _csrf: admin.csrf, role: 'inspector', orgUnitId: '', active: '1' })
      ).status,
    ).to.equal(404);
    const officer = await webLogin(t.app, 'officer');
    const me = await t.ds.getRepository(User).findOneByOrFail({ username: 'officer' });
    expect(
      (
        await officer.agent
          .post(`/admin/users/${me.id}`)
          .type('form')
          .send({ _csrf: officer.csrf, role: 'admin', orgUnitId: '', active: '1' })
      ).status,
    ).to.equal(403);
    expect((await t.ds.getRepository(User).findOneByOrFail({ id: me.id })).role).to.equal('budget_officer');
  });
});
