import { expect } from 'chai';
import {
  assertCarryIdentity,
  assertNextYearTakes,
  carryIdentityBreaks,
  carryInsFor,
  carryTotals,
  planCarryForward,
  validOn,
} from '../../domain/year-operations';
import { refusal } from '../support/refusal';

describe('domain: year operations (opening, carry-over)', () => {
  const py = (id: number, parentId: number | null, owner: number, sortOrder = id, programId = id * 10) => ({
    id,
    programId,
    parentId,
    ownerOrgUnitId: owner,
    name: `사업 ${id}`,
    sortOrder,
  });

  it('planCarryForward: policy programs first; a program whose department or policy program does not continue is left behind', () => {
    const rows = [py(3, 1, 100, 2), py(1, null, 100, 1), py(2, null, 200, 3), py(4, 2, 100, 4), py(5, null, 100, 5, 50)];
    const plan = planCarryForward(
      rows,
      (org) => org === 100,
      (programId) => programId === 50,
    );
    expect(plan.carried.map((p) => p.id)).to.deep.equal([1, 3]);
    expect(plan.skipped.map((s) => [s.programYear.id, s.reasonKo])).to.deep.equal([
      [2, '새 연도에 소관 부서가 없음'],
      [4, '상위 정책사업이 이어지지 않음'],
    ]);
  });

  it('validOn: a dated row is valid on a day between its dates (inclusive)', () => {
    expect(validOn({ validFrom: '2019-01-01', validTo: null }, '2019-01-01')).to.equal(true);
    expect(validOn({ validFrom: '2000-01-01', validTo: '2018-12-31' }, '2019-01-01')).to.equal(false);
    expect(validOn({ validFrom: '2019-01-02', validTo: null }, '2019-01-01')).to.equal(false);
  });

  it('carryInsFor: one 전년이월 per 차년이월, dated 1 January, same line and type, naming its source', () => {
    const [c] = carryInsFor(2018, [
      { id: 7, programId: 3, expenseItem: '사무관리비', amount: 413_109_000, carryType: 'accident', reason: '채권 가압류' },
    ]);
    expect(c).to.deep.equal({
      programId: 3,
      expenseItem: '사무관리비',
      amount: 413_109_000,
      carryType: 'accident',
      entryDate: '2019-01-01',
      reason: '2018년 사고이월: 채권 가압류',
      sourceRef: 'carry_out:7',
    });
    const [long] = carryInsFor(2018, [
      { id: 8, programId: 3, expenseItem: 'x', amount: 1, carryType: 'explicit', reason: '가'.repeat(600) },
    ]);
    expect(long.reason).to.have.length(500);
  });

  it('carryTotals: per type (명시 · 사고 · 계속비), count and total', () => {
    const t = carryTotals([
      { amount: 7, carryType: 'explicit' },
      { amount: 3, carryType: 'accident' },
      { amount: 20, carryType: 'continuing' },
      { amount: 5, carryType: 'explicit' },
    ]);
    expect(t.byType.map((b) => [b.label, b.count, b.amount])).to.deep.equal([
      ['명시이월', 2, 12],
      ['사고이월', 1, 3],
      ['계속비이월', 1, 20],
    ]);
    expect([t.count, t.total]).to.deep.equal([4, 35]);
  });

  it('assertNextYearTakes: no carry-over needs no next year; otherwise it must exist and be open', () => {
    expect(() => assertNextYearTakes(null, 2025, 0)).not.to.throw();
    expect(() => assertNextYearTakes({ status: 'open' }, 2025, 2)).not.to.throw();
    const missing = refusal(() => assertNextYearTakes(null, 2025, 2));
    expect([missing.kind, missing.code, missing.titleKo]).to.deep.equal([
      'conflict',
      'next_year_not_open',
      '2025회계연도의 차년이월 2건을 넘길 2026회계연도가 아직 없습니다. 2026회계연도를 먼저 여십시오',
    ]);
    expect(refusal(() => assertNextYearTakes({ status: 'closed' }, 2025, 1)).code).to.equal('next_year_closed');
  });

  it('the cross-year identity: Σ 차년이월 of N = Σ 전년이월 of N+1 on every line', () => {
    const ok = { programId: 1, expenseItem: '사무관리비', carriedOut: 10, carriedIn: 10 };
    const off = { programId: 2, expenseItem: '시설비', carriedOut: 20, carriedIn: 19 };
    expect(carryIdentityBreaks([ok, off])).to.deep.equal([off]);
    expect(() => assertCarryIdentity(2025, [ok])).not.to.throw();
    const err = refusal(() => assertCarryIdentity(2025, [ok, off]));
    expect([err.kind, err.code]).to.deep.equal(['conflict', 'carry_identity_broken']);
    expect(err.figures).to.include({ lines: 1, carriedOut: 20, carriedIn: 19 });
  });
});
