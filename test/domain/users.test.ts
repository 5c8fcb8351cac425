import { expect } from 'chai';
import { DomainError } from '../../domain/errors';
import { decideNewUser, decideUserChange, needsDepartment } from '../../domain/users';

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('not refused');
};

describe('domain: the rules of user accounts', () => {
  const newUser = { username: 'officer3', displayName: '예산 주무관', role: 'budget_officer', orgUnitId: 7, password: 'a-long-password' };
  const facts = { departmentFound: true, usernameTaken: false };

  it('a new account keeps its department only for a budget officer or inspector', () => {
    expect(decideNewUser(newUser, facts)).to.deep.equal({
      username: 'officer3',
      displayName: '예산 주무관',
      role: 'budget_officer',
      orgUnitId: 7,
    });
    expect(decideNewUser({ ...newUser, role: 'council_staff' }, { ...facts, departmentFound: false }).orgUnitId).to.equal(null);
    expect(needsDepartment('inspector')).to.equal(true);
    expect(needsDepartment('admin')).to.equal(false);
  });

  it('names every broken rule of a new account at once, with its Korean message', () => {
    const err = refusal(() =>
      decideNewUser(
        { username: 'A!', displayName: ' ', role: 'boss', orgUnitId: null, password: 'short' },
        { departmentFound: false, usernameTaken: true },
      ),
    );
    expect(err).to.include({ kind: 'invalid', code: 'validation_failed', titleKo: '입력값이 올바르지 않습니다' });
    expect(err.errors.map((e) => [e.field, e.rule])).to.deep.equal([
      ['username', 'pattern'],
      ['displayName', 'required'],
      ['role', 'isIn'],
      ['password', 'minLength'],
      ['username', 'unique'],
    ]);
    const noDept = refusal(() => decideNewUser(newUser, { ...facts, departmentFound: false }));
    expect(noDept.errors[0]).to.include({ field: 'orgUnitId', message_ko: '예산 담당과 지도점검 담당은 부서가 필요합니다' });
  });

  const inspector = { id: 5, role: 'inspector' as const, orgUnitId: 7, active: true };

  it('a change leaves out what it does not name, clears the department of roles without one and takes a new password', () => {
    expect(decideUserChange(inspector, { active: false }, { actorId: 1, departmentFound: true })).to.deep.equal({
      role: 'inspector',
      orgUnitId: 7,
      active: false,
      password: null,
      self: false,
    });
    const council = decideUserChange(
      inspector,
      { role: 'council_staff', password: 'another-password' },
      { actorId: 1, departmentFound: false },
    );
    expect(council).to.include({ role: 'council_staff', orgUnitId: null, password: 'another-password' });
  });

  it('an administrator may not demote or deactivate themself; a department role needs a department; a password 12 to 200 characters', () => {
    const admin = { id: 1, role: 'admin' as const, orgUnitId: null, active: true };
    const self = refusal(() => decideUserChange(admin, { role: 'council_staff', active: false }, { actorId: 1, departmentFound: false }));
    expect(self).to.include({ kind: 'invalid', code: 'invalid_user_change' });
    expect(self.errors.map((e) => e.rule)).to.deep.equal(['notSelfDemotion', 'notSelfDeactivation']);
    const noDept = refusal(() =>
      decideUserChange(inspector, { role: 'budget_officer', orgUnitId: null }, { actorId: 1, departmentFound: false }),
    );
    expect(noDept.errors[0]).to.include({ field: 'orgUnitId', value: null });
    const short = refusal(() => decideUserChange(inspector, { password: 'short' }, { actorId: 1, departmentFound: true }));
    expect(short.errors[0]).to.include({ field: 'password', message_ko: '비밀번호는 12자 이상 200자 이하여야 합니다' });
  });
});
