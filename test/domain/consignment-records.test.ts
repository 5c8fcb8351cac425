import { expect } from 'chai';
import {
  assertConsentDates,
  assertContractTerm,
  assertNewBill,
  assertNewConsignment,
  assertNewOperator,
  assertStaffCount,
} from '../../domain/consignment-records';
import { refusal } from '../support/refusal';

describe('domain: a consignment’s records (operators, terms, consents, staff)', () => {
  it('refuses a second operator or consignment code, and a budget-funded consignment without its program', () => {
    expect(refusal(() => assertNewOperator('한국소비자연맹', { id: 1 })).code).to.equal('duplicate_operator');
    expect(() => assertNewOperator('한국소비자연맹', null)).to.not.throw();
    expect(refusal(() => assertNewConsignment({ code: 'EC', fundingType: 'self' }, { id: 1 })).code).to.equal('duplicate_code');
    const unfunded = refusal(() => assertNewConsignment({ code: 'EC', fundingType: 'budget', programCode: null }, null));
    expect([unfunded.kind, unfunded.errors[0].field, unfunded.errors[0].rule]).to.deep.equal(['invalid', 'programCode', 'required']);
    expect(() => assertNewConsignment({ code: 'EC', fundingType: 'budget', programCode: 'EC-U01' }, null)).to.not.throw();
  });

  it('a contract term ends after it starts, counts renewals only when it is one, once per start date', () => {
    const term = { startDate: '2024-01-01', endDate: '2026-12-31', selectionMethod: 'renewal', renewalCount: 1 };
    expect(() => assertContractTerm(term, null)).to.not.throw();
    expect(refusal(() => assertContractTerm({ ...term, endDate: '2023-12-31' }, null)).errors[0].rule).to.equal('afterStartDate');
    expect(refusal(() => assertContractTerm({ ...term, selectionMethod: 'open_tender' }, null)).errors[0].rule).to.equal('renewalOnly');
    expect(refusal(() => assertContractTerm(term, { id: 9 })).code).to.equal('duplicate_term');
  });

  it('a consent’s dates run submitted ≤ referred ≤ decided, and a decided bill has its date; a bill is recorded once', () => {
    expect(() =>
      assertConsentDates({ submittedOn: '2020-05-01', referredOn: '2020-05-10', decidedOn: '2020-06-01', result: 'passed' }),
    ).to.not.throw();
    expect(
      refusal(() => assertConsentDates({ submittedOn: '2020-05-10', referredOn: '2020-05-01', result: 'pending' })).errors[0].rule,
    ).to.equal('dateOrder');
    expect(refusal(() => assertConsentDates({ submittedOn: '2020-05-01', result: 'passed' })).errors[0].rule).to.equal('required');
    expect(refusal(() => assertNewBill('제1234호', { id: 3 })).code).to.equal('duplicate_bill');
  });

  it('a headcount is a whole number ≥ 0, once per year', () => {
    expect(() => assertStaffCount({ year: 2020, headcount: 0 }, null)).to.not.throw();
    expect(refusal(() => assertStaffCount({ year: 2020, headcount: -1 }, null)).errors[0].rule).to.equal('nonNegative');
    expect(refusal(() => assertStaffCount({ year: 2020, headcount: 1.5 }, null)).errors[0].rule).to.equal('nonNegative');
    expect(refusal(() => assertStaffCount({ year: 2020, headcount: 5 }, { id: 1 })).code).to.equal('duplicate_staff_year');
  });
});
