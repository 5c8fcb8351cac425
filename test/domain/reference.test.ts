import { expect } from 'chai';
import { DomainError } from '../../domain/errors';
import {
  assertAppropriable,
  assertNewAppropriation,
  assertNewOrgCode,
  assertNewProgramYear,
  assertOrgExistsInYear,
  assertPolicyParent,
  assertValidityPeriod,
  existsInYear,
} from '../../domain/reference';
import { isDepartmentScoped, unitsUnder } from '../../domain/access';

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (err instanceof DomainError) return `${err.kind}:${err.code}`;
    throw err;
  }
}

describe('domain: reference data (organisation units, programs, appropriations)', () => {
  it('an organisation unit exists in a year when its validity overlaps it', () => {
    const abolished = { name: '신속행정담당관', validFrom: '2015-01-01', validTo: '2018-12-31' };
    expect(existsInYear(abolished, 2018)).to.equal(true);
    expect(existsInYear(abolished, 2019)).to.equal(false);
    expect(existsInYear({ validFrom: '2020-07-01', validTo: null }, 2020)).to.equal(true);
    expect(existsInYear({ validFrom: '2020-07-01', validTo: null }, 2019)).to.equal(false);
    expect(codeOf(() => assertOrgExistsInYear(abolished, 2019))).to.equal('invalid:orgValidInYear');
    expect(codeOf(() => assertOrgExistsInYear(abolished, 2018))).to.equal(undefined);
  });

  it('validity may not end before it begins; codes and program-years are unique', () => {
    expect(codeOf(() => assertValidityPeriod('2020-01-01', '2019-12-31'))).to.equal('invalid:afterValidFrom');
    expect(codeOf(() => assertValidityPeriod('2020-01-01', null))).to.equal(undefined);
    expect(codeOf(() => assertNewOrgCode({ id: 1 }, 'X'))).to.equal('conflict:duplicate_code');
    expect(codeOf(() => assertNewOrgCode(null, 'X'))).to.equal(undefined);
    expect(codeOf(() => assertNewProgramYear({ id: 1 }, { code: 'P', name: '사업' }, 2025))).to.equal('conflict:duplicate_program_year');
    expect(codeOf(() => assertNewAppropriation({ id: 1 }, '민간위탁금'))).to.equal('conflict:duplicate_appropriation');
  });

  it('a unit program sits under a policy program; a policy program is not appropriated', () => {
    expect(codeOf(() => assertPolicyParent('unit'))).to.equal('invalid:parentIsPolicy');
    expect(codeOf(() => assertPolicyParent('policy'))).to.equal(undefined);
    expect(codeOf(() => assertAppropriable('policy'))).to.equal('invalid:notPolicy');
    expect(codeOf(() => assertAppropriable('unit'))).to.equal(undefined);
  });
});

describe('domain: department scope', () => {
  it('budget officers and inspectors are scoped; council staff, administrators and the system are not', () => {
    expect(isDepartmentScoped('budget_officer')).to.equal(true);
    expect(isDepartmentScoped('inspector')).to.equal(true);
    expect(isDepartmentScoped('council_staff')).to.equal(false);
    expect(isDepartmentScoped('admin')).to.equal(false);
    expect(isDepartmentScoped('system')).to.equal(false);
  });

  it('the units under a unit, at any depth, itself included', () => {
    const chart = [
      { id: 1, parentId: null },
      { id: 2, parentId: 1 },
      { id: 3, parentId: 2 },
      { id: 4, parentId: 1 },
      { id: 5, parentId: null },
    ];
    expect([...unitsUnder(chart, 2)].sort()).to.deep.equal([2, 3]);
    expect([...unitsUnder(chart, 1)].sort()).to.deep.equal([1, 2, 3, 4]);
    expect([...unitsUnder(chart, 5)]).to.deep.equal([5]);
  });
});
