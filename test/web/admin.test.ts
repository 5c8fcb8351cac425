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

  it('/admin/rules lists every rule by its Korean name, parameters in words, no keys, JSON or internal notes', async () => {
    const page = await admin.agent.get('/admin/rules');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('href="/admin/rules"');
    for (const label of [
      '전용 상임위 보고 기한',
      '재계약 기준 종합성과평가 점수',
      '적격자심의 최저 점수',
      '미시정 반복 지적 한도',
      '정산 비목 초과 표시 비율',
    ])
      expect(page.text).to.contain(`>${label}</h2>`);
    expect(page.text).to.contain('2016-01-01 ~ 2022-06-30');
    expect(page.text).to.contain('최저 점수 75점');
    expect(page.text).to.contain('보고 기한 1분기 뒤');
    expect(page.text).to.contain('서울특별시의회 기본 조례');
    const main = page.text.slice(page.text.indexOf('<main'));
    for (const key of ['transfer_report_deadline', 'renewal_min_score', 'minScore', 'quartersAfter'])
      expect(main.replace(/name="[^"]*"|value="[a-z_]+"|for="[^"]*"|id="[^"]*"|aria-describedby="[^"]*"/g, ''), key).not.to.contain(key);
    expect(main).not.to.contain('&quot;');
    expect(main).not.to.contain('seed 문서');
    expect(main).not.to.contain('JSON');
    const officer = await webLogin(t.app, 'officer');
    expect((await officer.agent.get('/admin/rules')).status).to.equal(403);
    expect((await officer.agent.get('/')).text).not.to.contain('href="/admin/rules"');
  });

  it('adds a version through the typed form; a refused one shows the Korean message and the figures by the field and keeps what was typed', async () => {
    const form = {
      _csrf: admin.csrf,
      ruleKey: 'renewal_selection_min_score',
      effectiveFrom: '2026-01-01',
      param_minScore: '72.5',
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
    const after = await admin.agent.get(ok.headers.location);
    expect(after.text).to.contain('적격자심의 최저 점수 2026-01-01 버전을 추가했습니다');
    expect(after.text).to.contain('최저 점수 72.5점');

    const before = await t.ds.getRepository(RuleVersion).count();
    const refused = await admin.agent
      .post('/admin/rules')
      .type('form')
      .send({ ...form, effectiveFrom: '2025-06-01', source: '너무 이른 버전' });
    expect(refused.status).to.equal(409);
    expect(refused.text).to.contain('id="err-effectiveFrom"');
    expect(refused.text).to.contain('적격자심의 최저 점수의 새 버전은 최근 버전의 시행일 2026-01-01 뒤에 시작해야 합니다');
    expect(refused.text).to.contain('최근 버전 시행일: <strong>2026-01-01</strong>');
    expect(refused.text).to.contain('입력한 시행일: <strong>2025-06-01</strong>');
    expect(refused.text).to.contain('value="2025-06-01"');
    expect(refused.text).to.contain('너무 이른 버전</textarea>');
    expect(refused.text).to.contain('data-problem-summary');

    const notNumber = await admin.agent
      .post('/admin/rules')
      .type('form')
      .send({ ...form, effectiveFrom: '2027-01-01', param_minScore: '여든' });
    expect(notNumber.status).to.equal(422);
    expect(notNumber.text).to.contain('id="err-params.minScore"');
    expect(notNumber.text).to.contain('최저 점수는 소수 둘째 자리까지의 0 이상 점수여야 합니다');
    expect(notNumber.text).to.contain('value="여든"');
    const badShape = await admin.agent.post('/admin/rules').type('form').send({
      _csrf: admin.csrf,
      ruleKey: 'transfer_report_deadline',
      effectiveFrom: '2027-01-01',
      param_quartersAfter: '1.5',
      source: '시험',
    });
    expect(badShape.status).to.equal(422);
    expect(badShape.text).to.contain('id="err-params.quartersAfter"');
    expect(badShape.text).to.contain('보고 기한은 0~8 사이의 정수(분기 수)여야 합니다');
    expect(badShape.text).not.to.contain('quartersAfter는');
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
