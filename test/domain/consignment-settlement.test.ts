import { expect } from 'chai';
import { DomainError } from '../../domain/errors';
import {
  assertConfirmable,
  assertNotSettled,
  assertNotStale,
  assertSubmittable,
  checkOperatorEntry,
  checkSpendingCategory,
  overspends,
  returnDateOf,
  settlementFiguresOf,
} from '../../domain/consignment-settlement';

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('domain: consignment settlement (정산)', () => {
  const plan = { id: 3, total: 1_000 };
  const categories = [
    { code: 'personnel', name: '인건비', parentCode: null, amount: 600 },
    { code: 'project', name: '사업비', parentCode: null, amount: 400 },
    { code: 'project.a', name: '가', parentCode: 'project', amount: 400 },
  ];

  it('overspending is exact against the margin', () => {
    expect(overspends(1_000, 1_100, '10')).to.equal(false);
    expect(overspends(1_000, 1_101, '10')).to.equal(true);
    expect(overspends(1_000, 1_001, '0.05')).to.equal(true);
  });

  it('figures: 반납액 = 교부액 + 이자 − 집행액, spending by category with parents summing their sub-items', () => {
    const f = settlementFiguresOf(
      plan,
      categories,
      900,
      [
        { kind: 'spending', categoryCode: 'personnel', amount: 700 },
        { kind: 'spending', categoryCode: 'project.a', amount: 100 },
        { kind: 'interest', categoryCode: null, amount: 5 },
      ],
      '10',
    );
    expect(f).to.include({
      granted: 900,
      spent: 800,
      interest: 5,
      returnAmount: 105,
      principalReturn: 100,
      interestReturn: 5,
      flagged: true,
    });
    expect(f.lines.map((l) => [l.code, l.spent, l.overspent])).to.deep.equal([
      ['personnel', 700, true],
      ['project', 100, false],
      ['project.a', 100, false],
    ]);
  });

  it('a plan without categories is one line; spending on a dropped category is its own flagged line', () => {
    expect(settlementFiguresOf(plan, [], 0, [], '10').lines).to.have.length(1);
    const f = settlementFiguresOf(plan, categories, 0, [{ kind: 'spending', categoryCode: 'old', amount: 1 }], '10');
    expect(f.lines[f.lines.length - 1]).to.deep.include({ code: 'old', planned: 0, overspent: true });
  });

  it('submission needs a plan and spending within grants plus interest; review and confirmation keep the figures', () => {
    const none = settlementFiguresOf(null, [], 0, [], '10');
    expect(refusal(() => assertSubmittable(none, 2025)).code).to.equal('no_approved_plan');
    const over = settlementFiguresOf(plan, [], 10, [{ kind: 'spending', categoryCode: null, amount: 11 }], '10');
    expect(refusal(() => assertSubmittable(over, 2025)).figures).to.deep.equal({ granted: 10, interest: 0, spent: 11 });
    const stored = {
      id: 1,
      status: 'reviewed',
      grantPlanId: 3,
      granted: 10,
      spent: 11,
      interest: 0,
      submittedOn: '2025-12-01',
      reviewedOn: '2025-12-05',
    };
    expect(() => assertNotStale(stored, over)).not.to.throw();
    expect(refusal(() => assertNotStale({ ...stored, granted: 9 }, over)).code).to.equal('settlement_stale');
    expect(refusal(() => assertConfirmable(stored, '2025-12-04')).errors[0].rule).to.equal('notBeforeReview');
    expect(refusal(() => assertConfirmable({ ...stored, status: 'submitted' }, '2025-12-06')).code).to.equal('not_reviewed');
    expect(returnDateOf(2025, '2026-01-15')).to.equal('2025-12-31');
    expect(returnDateOf(2025, '2025-12-20')).to.equal('2025-12-20');
    expect(refusal(() => assertNotSettled({ id: 4, confirmedOn: '2026-01-15' }, 2025)).figures).to.deep.equal({
      fiscalYear: 2025,
      settlementId: 4,
    });
  });

  it('operator entries: a correction needs a note, interest has no category, spending names a leaf category of the plan', () => {
    expect(refusal(() => checkOperatorEntry({ quarter: 1, kind: 'spending', amount: -5 })).errors[0].field).to.equal('note');
    expect(refusal(() => checkOperatorEntry({ quarter: 1, kind: 'interest', amount: 5, categoryCode: 'x' })).errors[0].rule).to.equal(
      'interestHasNoCategory',
    );
    expect(() => checkSpendingCategory(categories, 'project.a')).not.to.throw();
    expect(refusal(() => checkSpendingCategory(categories, 'project')).errors[0].rule).to.equal('leafCategory');
    expect(refusal(() => checkSpendingCategory([], 'x')).errors[0].rule).to.equal('planCategory');
  });
});
