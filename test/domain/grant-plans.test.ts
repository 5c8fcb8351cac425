import { expect } from 'chai';
import { DomainError } from '../../domain/errors';
import { assertChangeHasReason, assertDraft, assertLatestVersion, decidePlan, planToDate } from '../../domain/grant-plans';

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('domain: grant plans (교부계획)', () => {
  const figures = { currentBudget: 1_000, granted: 300 };

  it('accepts four quarters within 예산현액 and not below what was granted, and returns the total', () => {
    expect(decidePlan({ quarters: [100, 200, 300, 400] }, figures)).to.equal(1_000);
    expect(planToDate({ q1: 100, q2: 200, q3: 300, q4: 400 }, 2)).to.equal(300);
  });

  it('refuses a plan above 예산현액 with the figures, and one below what was granted', () => {
    const above = refusal(() => decidePlan({ quarters: [100, 200, 300, 401] }, figures));
    expect(above.code).to.equal('plan_exceeds_appropriation');
    expect(above.figures).to.deep.equal({ planTotal: 1_001, currentBudget: 1_000, excess: 1 });
    const below = refusal(() => decidePlan({ quarters: [100, 100, 50, 0] }, figures));
    expect(below.code).to.equal('plan_below_paid');
    expect(below.figures).to.deep.equal({ planTotal: 250, granted: 300 });
  });

  it('refuses malformed quarters and a plan granting nothing', () => {
    expect(refusal(() => decidePlan({ quarters: [1, 2, 3] }, figures)).errors[0].rule).to.equal('fourQuarters');
    expect(refusal(() => decidePlan({ quarters: [0, 0, 0, 0] }, figures)).errors[0].rule).to.equal('positiveTotal');
  });

  it('checks categories: top level adds up to the plan, sub-items to their parent', () => {
    const cats = [
      { code: 'personnel', name: '인건비', amount: 600 },
      { code: 'project', name: '사업비', amount: 400 },
      { code: 'project.a', name: '가', parentCode: 'project', amount: 150 },
      { code: 'project.b', name: '나', parentCode: 'project', amount: 250 },
    ];
    expect(decidePlan({ quarters: [250, 250, 250, 250], categories: cats }, figures)).to.equal(1_000);
    const off = refusal(() => decidePlan({ quarters: [250, 250, 250, 250], categories: cats.slice(0, 1) }, figures));
    expect(off.code).to.equal('categories_sum');
    expect(off.figures).to.deep.equal({ categoriesTotal: 600, planTotal: 1_000 });
    const children = refusal(() => decidePlan({ quarters: [250, 250, 250, 250], categories: cats.slice(0, 3) }, figures));
    expect(children.errors[0].rule).to.equal('childrenSum');
  });

  it('a change to an approved plan needs a reason; only the latest draft is approved', () => {
    expect(() => assertChangeHasReason(false, null)).not.to.throw();
    expect(refusal(() => assertChangeHasReason(true, ' ')).errors[0].rule).to.equal('required');
    expect(refusal(() => assertDraft({ version: 2, status: 'approved' })).titleKo).to.contain('이미 승인됨');
    expect(refusal(() => assertDraft({ version: 2, status: 'approved' })).code).to.equal('plan_not_draft');
    expect(refusal(() => assertLatestVersion(1)).code).to.equal('plan_outdated');
  });
});
