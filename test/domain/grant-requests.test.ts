import { expect } from 'chai';
import {
  ageInDays,
  assertApprovable,
  assertRejectionReason,
  assertUndecided,
  assertWithdrawable,
  requestWarning,
} from '../../domain/grant-requests';
import { refusal } from '../support/refusal';

const plan = { id: 1, version: 1, q1: 100, q2: 100, q3: 100, q4: 100, total: 400 };
const req = { quarter: 2, lumpSum: false, requestedAmount: 80, fiscalYear: 2025 };

describe('domain: grant requests (신청 → 결정 → 교부 / 반려 / 철회)', () => {
  it('a request within the plan to date carries no warning; beyond it, a warning with the figures (paid + decided + pending + this)', () => {
    expect(requestWarning({ plan, paid: 100, decided: 0, pending: 0 }, { quarter: 2, amount: 100 })).to.equal(null);
    const w = requestWarning({ plan, paid: 100, decided: 50, pending: 30 }, { quarter: 2, amount: 30 })!;
    expect(w.code).to.equal('exceeds_plan_to_date');
    expect(w.figures).to.include({ planToDate: 200, total: 210, excess: 10, available: 20 });
    expect(w.message_ko).to.include('210원이').and.include('200원보다 10원 많습니다');
    // a lump sum is measured against the year's plan
    expect(requestWarning({ plan, paid: 100, decided: 0, pending: 0 }, { quarter: 1, amount: 300, lumpSum: true })).to.equal(null);
    expect(requestWarning({ plan: null, paid: 0, decided: 0, pending: 0 }, { quarter: 1, amount: 1 })!.code).to.equal('no_approved_plan');
  });

  it('an approval stays within the plan to date counting other decisions, with the figures', () => {
    const figures = { plan, paid: 100, committed: 0, lineBalance: 1000, currentBudget: 1000 };
    expect(assertApprovable(req, 80, figures)).to.equal(plan);
    const e = refusal(() => assertApprovable(req, 80, { ...figures, committed: 50 }));
    expect(e.code).to.equal('exceeds_grant_plan');
    expect(e.figures).to.include({ planToDate: 200, granted: 100, committed: 50, requested: 80, available: 50 });
    expect(refusal(() => assertApprovable(req, 81, { ...figures, plan: null })).code).to.equal('notAboveRequest');
    expect(refusal(() => assertApprovable(req, 80, { ...figures, plan: null })).code).to.equal('no_approved_plan');
  });

  it('an approval stays within 예산현액 less what other decisions committed', () => {
    const e = refusal(() => assertApprovable(req, 80, { plan, paid: 0, committed: 30, lineBalance: 100, currentBudget: 500 }));
    expect(e.code).to.equal('exceeds_current_budget');
    expect(e.figures).to.include({ currentBudget: 500, lineBalance: 100, committed: 30, requested: 80, available: 70 });
    expect(e.errors[0].message_ko).to.include('70원');
  });

  it('only an undecided request is decided; a rejection needs its reason', () => {
    assertUndecided({ id: 1, status: 'requested' });
    for (const status of ['decided', 'paid', 'rejected', 'withdrawn'])
      expect(refusal(() => assertUndecided({ id: 1, status })).code).to.equal('not_requested');
    expect(refusal(() => assertRejectionReason('  ')).errors[0].field).to.equal('reason');
    expect(assertRejectionReason(' 초과 ')).to.equal('초과');
  });

  it('철회 by its requester only, before payment', () => {
    assertWithdrawable({ id: 1, status: 'requested', requestedById: 7, createdById: 7 }, 7);
    assertWithdrawable({ id: 1, status: 'decided', requestedById: null, createdById: 7 }, 7);
    expect(refusal(() => assertWithdrawable({ id: 1, status: 'requested', requestedById: 7, createdById: 7 }, 8)).kind).to.equal(
      'forbidden',
    );
    for (const status of ['paid', 'rejected', 'withdrawn'])
      expect(refusal(() => assertWithdrawable({ id: 1, status, requestedById: 7, createdById: 7 }, 7)).code).to.equal('not_withdrawable');
  });

  it('a request’s age is counted in days', () => {
    expect(ageInDays('2025-07-01', '2025-07-11')).to.equal(10);
    expect(ageInDays('2025-07-01', '2025-07-01')).to.equal(0);
  });
});
