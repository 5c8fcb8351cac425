import { expect } from 'chai';
import { figures } from '../../domain/ledger';
import { assertLineTakes, assertNotYetReversed, assertPostable, assertReversibleInLedger } from '../../domain/entries';
import { assertDateInYear, assertYearClosable, assertYearNew, assertYearWritable } from '../../domain/fiscal-year';
import {
  assertCommitteeReport,
  assertNotAReversal,
  assertReversalDate,
  assertTransferAllowed,
  assertTransferNotYetReversed,
  assertWholeProgramAmount,
  ownerAfterMoves,
} from '../../domain/transfers';
import { refusal } from '../support/refusal';

/** The DomainError fn throws (fails when it does not throw one). */
// 예산현액 1,000,000; 집행 600,000; 차년이월 100,000 → 집행잔액 300,000
const line = figures({ budget: 1_000_000, carryIn: 0, changes: 0, executed: 600_000, carriedOut: 100_000 });

describe('domain: fiscal years', () => {
  it('refuses writes into a missing or closed year, with the year as figure', () => {
    expect(refusal(() => assertYearWritable(null, 2030)).kind).to.equal('not_found');
    const closed = refusal(() => assertYearWritable({ year: 2018, status: 'closed' }, 2018));
    expect(closed).to.include({ kind: 'conflict', code: 'fiscal_year_closed', titleKo: '2018 회계연도는 마감되어 수정할 수 없습니다' });
    expect(closed.figures).to.deep.equal({ fiscalYear: 2018 });
    expect(assertYearWritable({ year: 2025, status: 'open' }, 2025)).to.deep.equal({ year: 2025, status: 'open' });
  });

  it('opens a year once and closes it once', () => {
    expect(refusal(() => assertYearNew({ year: 2025, status: 'open' }, 2025)).code).to.equal('fiscal_year_exists');
    expect(() => assertYearNew(null, 2026)).not.to.throw();
    expect(refusal(() => assertYearClosable({ year: 2025, status: 'closed' }, 2025)).titleKo).to.equal(
      '2025 회계연도는 이미 마감되었습니다',
    );
  });

  it('keeps dates inside their year (1 Jan – 31 Dec)', () => {
    expect(() => assertDateInYear('2025-12-31', 2025)).not.to.throw();
    const e = refusal(() => assertDateInYear('2026-01-01', 2025, 'paidOn'));
    expect(e).to.include({ kind: 'invalid', code: 'date_outside_fiscal_year' });
    expect(e.errors[0]).to.include({ field: 'paidOn', rule: 'withinFiscalYear', value: '2026-01-01' });
  });
});

describe('domain: entries', () => {
  it('an execution may not exceed 집행잔액, a reduction may not take the line below zero', () => {
    expect(() => assertLineTakes(line, 'execution', 300_000)).not.to.throw();
    const over = refusal(() => assertLineTakes(line, 'execution', 300_001));
    expect(over.code).to.equal('exceeds_current_budget');
    expect(over.figures).to.include({ currentBudget: 1_000_000, requested: 300_001, available: 300_000 });
    expect(refusal(() => assertLineTakes(line, 'supplementary', -300_001)).code).to.equal('line_below_zero');
    expect(() => assertLineTakes(line, 'supplementary', 5_000_000)).not.to.throw();
  });

  it('a carry-over needs its type, and a carry-over, 예비비 or 변경사용 a reason', () => {
    const base = { amount: 1, entryDate: '2025-05-01' };
    expect(refusal(() => assertPostable(line, 2025, { ...base, kind: 'carry_out', reason: '사유' })).errors[0].field).to.equal('carryType');
    expect(refusal(() => assertPostable(line, 2025, { ...base, kind: 'reserve' })).errors[0].field).to.equal('reason');
    expect(refusal(() => assertPostable(line, 2024, { ...base, kind: 'execution' })).code).to.equal('date_outside_fiscal_year');
    expect(() => assertPostable(line, 2025, { ...base, kind: 'carry_out', carryType: 'explicit', reason: '사유' })).not.to.throw();
  });

  it('an entry is reversed in the ledger only when it is its own record, and once', () => {
    const own = { id: 7, kind: 'execution' as const, amount: 10, transferId: null, reversalOfId: null, sourceRef: null };
    expect(() => assertReversibleInLedger(own)).not.to.throw();
    expect(refusal(() => assertReversibleInLedger({ ...own, transferId: 3 })).code).to.equal('reverse_through_transfer');
    expect(refusal(() => assertReversibleInLedger({ ...own, reversalOfId: 2 })).code).to.equal('reversal_of_reversal');
    const paid = refusal(() => assertReversibleInLedger({ ...own, sourceRef: 'disbursement:4' }));
    expect(paid.code).to.equal('reverse_through_source');
    expect(paid.figures).to.deep.equal({ sourceRef: 'disbursement:4' });
    expect(refusal(() => assertNotYetReversed(own, true)).code).to.equal('already_reversed');
  });
});

describe('domain: transfers (전용 · 이용 · 이체)', () => {
  const py = (id: number, fiscalYear = 2025) => ({ id, fiscalYear });
  const item = { kind: 'item' as const, transferDate: '2025-04-01', amount: 100, fromItem: '운영비', toItem: '시설비' };

  it('전용 stays within one program between two items; 이용 joins two programs with council approval; 이체 names the department', () => {
    expect(assertTransferAllowed(item, py(1), py(1))).to.deep.equal({ wholeProgram: false });
    expect(refusal(() => assertTransferAllowed(item, py(1), py(2))).code).to.equal('transferItemRule');
    expect(refusal(() => assertTransferAllowed({ ...item, toItem: '운영비' }, py(1), py(1))).code).to.equal('transferItemRule');
    expect(refusal(() => assertTransferAllowed({ ...item, kind: 'program' }, py(1), py(1))).code).to.equal('transferProgramRule');
    expect(refusal(() => assertTransferAllowed({ ...item, kind: 'program' }, py(1), py(2))).code).to.equal('councilApprovalRequired');
    expect(refusal(() => assertTransferAllowed({ ...item, kind: 'org' }, py(1), py(1))).errors[0].field).to.equal('toOrgUnitId');
    expect(assertTransferAllowed({ ...item, kind: 'org', toOrgUnitId: 9 }, py(1), py(1))).to.deep.equal({ wholeProgram: true });
  });

  it('both sides in one year, dated in it, reported not before it happened', () => {
    expect(refusal(() => assertTransferAllowed(item, py(1), py(1, 2026))).code).to.equal('sameFiscalYear');
    expect(refusal(() => assertTransferAllowed({ ...item, transferDate: '2026-01-02' }, py(1), py(1))).code).to.equal(
      'date_outside_fiscal_year',
    );
    expect(refusal(() => assertTransferAllowed({ ...item, reportedOn: '2025-03-31' }, py(1), py(1))).code).to.equal('notBeforeTransfer');
    expect(refusal(() => assertWholeProgramAmount(99, 100)).titleKo).to.equal('사업 전체 이체 금액은 예산액 100원이어야 합니다');
  });

  it('a transfer is reversed once, not a reversal, and not before it happened', () => {
    const t = { id: 5, fiscalYear: 2025, transferDate: '2025-04-01', reversalOfId: null };
    expect(refusal(() => assertNotAReversal({ ...t, reversalOfId: 4 })).code).to.equal('reversal_of_reversal');
    expect(refusal(() => assertTransferNotYetReversed(t, true)).code).to.equal('already_reversed');
    expect(refusal(() => assertReversalDate(t, '2025-03-31')).code).to.equal('notBeforeTransfer');
    expect(() => assertReversalDate(t, '2025-04-01')).not.to.throw();
  });

  it('only a 전용 is reported to the committee, once', () => {
    const t = { id: 5, kind: 'item' as const, transferDate: '2025-04-01', reportedOn: null };
    expect(refusal(() => assertCommitteeReport({ ...t, kind: 'program' }, '2025-05-01')).code).to.equal('onlyItemTransfers');
    expect(refusal(() => assertCommitteeReport({ ...t, reportedOn: '2025-04-02' }, '2025-05-01')).code).to.equal('already_reported');
    expect(() => assertCommitteeReport(t, '2025-05-01')).not.to.throw();
  });

  it('a program belongs to the target of its latest whole-program 이체 not reversed', () => {
    expect(ownerAfterMoves(1, [])).to.equal(1);
    expect(ownerAfterMoves(1, [{ id: 10, reversalOfId: null, toOrgUnitId: 2 }])).to.equal(2);
    const undone = [
      { id: 10, reversalOfId: null, toOrgUnitId: 2 },
      { id: 11, reversalOfId: 10, toOrgUnitId: 1 },
    ];
    expect(ownerAfterMoves(1, undone)).to.equal(1);
    expect(ownerAfterMoves(1, [...undone, { id: 12, reversalOfId: null, toOrgUnitId: 3 }])).to.equal(3);
  });
});
