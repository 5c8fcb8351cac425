import { expect } from 'chai';
import { DomainError } from '../../domain/errors';
import {
  assertReversal,
  assertReversible,
  checkDisbursementDates,
  decidePayment,
  decideRequest,
  requestTerms,
} from '../../domain/grant-payments';

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('domain: grant payments (위탁금 교부)', () => {
  const plan = { id: 7, version: 2, total: 1_000, q1: 250, q2: 250, q3: 250, q4: 250 };

  it('accepts a payment within the plan to date and says what the year will have granted', () => {
    const verdict = decidePayment({ plan, paid: 200 }, { fiscalYear: 2025, quarter: 2, lumpSum: false, amount: 300 });
    expect(verdict).to.deep.include({ accepted: true, limit: 500, paidAfter: 500 });
  });

  it('refuses a payment above the plan to date, with the figures', () => {
    const verdict = decidePayment({ plan, paid: 200 }, { fiscalYear: 2025, quarter: 2, lumpSum: false, amount: 301 });
    expect(verdict.accepted).to.equal(false);
    if (verdict.accepted) return;
    expect(verdict.refusal.code).to.equal('exceeds_grant_plan');
    expect(verdict.refusal.figures).to.deep.equal({
      planVersion: 2,
      planTotal: 1_000,
      quarter: 2,
      planToDate: 500,
      granted: 200,
      requested: 301,
      available: 300,
      lumpSum: false,
    });
  });

  it('a lump sum (일괄·신속교부) may draw up to the year’s plan; without an approved plan nothing is paid', () => {
    expect(decidePayment({ plan, paid: 0 }, { fiscalYear: 2025, quarter: 1, lumpSum: true, amount: 1_000 }).accepted).to.equal(true);
    const none = decidePayment({ plan: null, paid: 0 }, { fiscalYear: 2025, quarter: 1, lumpSum: false, amount: 1 });
    expect(none.accepted).to.equal(false);
    if (!none.accepted) expect(none.refusal.figures).to.deep.equal({ fiscalYear: 2025 });
  });

  it('a group is checked in order against what earlier items left', () => {
    let paid = 0;
    const answers = [200, 50, 10].map((amount) => {
      const v = decidePayment({ plan, paid }, { fiscalYear: 2025, quarter: 1, lumpSum: false, amount });
      if (v.accepted) paid = v.paidAfter;
      return v.accepted;
    });
    expect(answers).to.deep.equal([true, true, false]);
  });

  it('a request: its quarter, a lump sum’s reason, a decision not above it; and how far it goes', () => {
    expect(requestTerms({ quarter: 1, amount: 100, paidOn: '2025-02-01' })).to.deep.equal({
      status: 'paid',
      decidedOn: '2025-02-01',
      decidedAmount: 100,
      paidOn: '2025-02-01',
      paidAmount: 100,
    });
    expect(requestTerms({ quarter: 1, amount: 100 }).status).to.equal('requested');
    expect(refusal(() => requestTerms({ quarter: 5, amount: 1 })).errors[0].rule).to.equal('quarter');
    expect(refusal(() => requestTerms({ quarter: 1, amount: 1, lumpSum: true })).errors[0].field).to.equal('lumpSumReason');
    expect(refusal(() => requestTerms({ quarter: 1, amount: 1, decidedAmount: 2 })).errors[0].rule).to.equal('notAboveRequest');
    expect(
      refusal(() => checkDisbursementDates({ requestedOn: '2025-02-02', decidedOn: '2025-02-01', paidOn: null })).errors[0].field,
    ).to.equal('decidedOn');
  });

  it('decisions and reversals', () => {
    expect(decideRequest({ id: 1, status: 'requested', requestedAmount: 100 }, true, 80)).to.equal(80);
    expect(decideRequest({ id: 1, status: 'requested', requestedAmount: 100 }, false)).to.equal(0);
    expect(refusal(() => decideRequest({ id: 1, status: 'decided', requestedAmount: 100 }, true)).code).to.equal('not_requested');
    expect(refusal(() => assertReversible({ id: 1, status: 'decided', reversalOfId: null })).code).to.equal('not_paid');
    expect(refusal(() => assertReversible({ id: 2, status: 'paid', reversalOfId: 1 })).code).to.equal('reversal_of_reversal');
    expect(refusal(() => assertReversal({ id: 1, paidOn: '2025-03-01' }, true, '2025-03-02')).code).to.equal('already_reversed');
    expect(refusal(() => assertReversal({ id: 1, paidOn: '2025-03-01' }, false, '2025-02-28')).errors[0].rule).to.equal('notBeforePayment');
  });
});
