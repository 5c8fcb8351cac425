import { expect } from 'chai';
import {
  assertApprovable,
  assertDraft,
  assertInspectionDates,
  assertRevisable,
  assertSubmittable,
  rateItem,
  selfApprovalVerdict,
} from '../../domain/inspection';
import { refusal } from '../support/refusal';

describe('domain: the life of an inspection', () => {
  it('edits only a draft; an approved inspection is read-only', () => {
    expect(() => assertDraft('draft')).not.to.throw();
    const approved = refusal(() => assertDraft('approved'));
    expect(approved.code).to.equal('inspection_approved');
    expect(approved.kind).to.equal('conflict');
    expect(approved.figures).to.deep.equal({ status: 'approved' });
    expect(refusal(() => assertDraft('submitted')).code).to.equal('inspection_not_draft');
  });

  it('submits a draft once every item is rated and the inspection was held', () => {
    const unrated = refusal(() => assertSubmittable({ status: 'draft', unrated: 2, actualDate: '2025-07-01' }));
    expect(unrated.code).to.equal('unrated_items');
    expect(unrated.figures).to.deep.equal({ unrated: 2 });
    expect(refusal(() => assertSubmittable({ status: 'draft', unrated: 0, actualDate: null })).errors[0].field).to.equal('actualDate');
    expect(() => assertSubmittable({ status: 'draft', unrated: 0, actualDate: '2025-07-01' })).not.to.throw();
  });

  it('approves only a submitted inspection; the filer approves only as the department’s sole inspector', () => {
    expect(refusal(() => assertApprovable('approved')).code).to.equal('inspection_approved');
    expect(refusal(() => assertApprovable('draft')).code).to.equal('inspection_not_submitted');
    expect(selfApprovalVerdict({ approverIsFiler: false, otherInspectors: 3 })).to.deep.equal({ selfApproved: false });
    // issue 17: the sole inspector approving their own filing states why
    expect(refusal(() => selfApprovalVerdict({ approverIsFiler: true, otherInspectors: 0 })).errors[0].field).to.equal(
      'selfApprovalReason',
    );
    expect(refusal(() => selfApprovalVerdict({ approverIsFiler: true, otherInspectors: 0, reason: '  ' })).kind).to.equal('invalid');
    expect(selfApprovalVerdict({ approverIsFiler: true, otherInspectors: 0, reason: '부서 유일 점검자' })).to.deep.equal({
      selfApproved: true,
    });
    expect(refusal(() => selfApprovalVerdict({ approverIsFiler: true, otherInspectors: 1 })).kind).to.equal('forbidden');
  });

  it('revises an approved inspection once, and not one already corrected', () => {
    expect(refusal(() => assertRevisable({ status: 'draft', supersededById: null, pendingRevisionId: null })).code).to.equal(
      'inspection_not_approved',
    );
    expect(refusal(() => assertRevisable({ status: 'approved', supersededById: 9, pendingRevisionId: null })).figures).to.deep.equal({
      supersededById: 9,
    });
    expect(refusal(() => assertRevisable({ status: 'approved', supersededById: null, pendingRevisionId: 4 })).figures).to.deep.equal({
      revisionId: 4,
    });
  });

  it('wants the reason when the inspection came after its planned date', () => {
    const dates = { periodFrom: '2025-01-01', periodTo: '2025-06-30', plannedDate: '2025-07-01', actualDate: '2025-07-15' };
    expect(refusal(() => assertInspectionDates({ ...dates, postponementReason: ' ' })).errors[0].field).to.equal('postponementReason');
    expect(() => assertInspectionDates({ ...dates, postponementReason: '기관 사정' })).not.to.throw();
    expect(refusal(() => assertInspectionDates({ ...dates, periodTo: '2024-12-31', postponementReason: 'x' })).errors[0].rule).to.equal(
      'afterPeriodFrom',
    );
  });

  describe('rating an item', () => {
    const scale = ['적정', '일부 미흡', '부적정'];
    const criterion = { label: '조사 비율', kind: 'ratio' as const, comparator: 'gte' as const, threshold: '10', unit: '%' };
    const base = { field: 'results[0]', itemCode: 'I1', scale, criterion, rating: null, ratingGiven: false, figuresGiven: true };

    it('judges figures and rates an unrated item by the verdict', () => {
      const met = rateItem({ ...base, figures: { numerator: '150', denominator: '1000' } });
      expect(met).to.deep.equal({ rating: '적정', criterionValue: '15.0', criterionMet: true });
      const notMet = rateItem({ ...base, figures: { numerator: '80', denominator: '1000' } });
      expect(notMet).to.deep.equal({ rating: '일부 미흡', criterionValue: '8.0', criterionMet: false });
    });

    it('refuses the first label for a criterion not met, a label off the scale, and figures without a criterion', () => {
      const notMet = refusal(() =>
        rateItem({ ...base, rating: '적정', ratingGiven: true, figures: { numerator: '80', denominator: '1000' } }),
      );
      expect(notMet.errors[0]).to.include({ field: 'results[0].rating', rule: 'criterionNotMet' });
      expect(refusal(() => rateItem({ ...base, rating: '우수', figures: null })).errors[0].rule).to.equal('ratingScale');
      expect(refusal(() => rateItem({ ...base, criterion: null, figures: { value: '3' } })).errors[0].rule).to.equal('noCriterion');
    });
  });
});
