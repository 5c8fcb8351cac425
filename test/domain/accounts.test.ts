import { expect } from 'chai';
import { addSettlementSummaries, executionBalance, legacyCategoryOf, settlementSummary } from '../../domain/accounts';
import { assertWithinAssessed, revenueFigures } from '../../domain/revenue';
import { formatAmount } from '../../domain/money';
import { refusal } from '../support/refusal';

describe('domain: accounts and the 결산 총괄', () => {
  // 부산광역시 서구 결산 총괄, 일반회계 row (단위: 원)
  const general = settlementSummary({
    revenueCurrentBudget: 473_391_085_570,
    expenditureCurrentBudget: 473_391_085_570,
    collected: 476_736_959_250,
    executed: 384_926_778_260,
    carriedOut: 51_316_783_340,
    subsidyReturned: 4_059_696_550,
    grantDifference: -62_937_790,
  });

  it('㉰ = ㉮ − ㉯ and ㉳ = ㉰ − ㉱ − (반납금 + 교부차액), a negative 교부차액 adding to the 순세계잉여금', () => {
    expect(general.surplus).to.equal(91_810_180_990);
    expect(general.subsidyAndGrant).to.equal(3_996_758_760);
    expect(general.netSurplus).to.equal(36_496_638_890);
    expect(formatAmount(general.grantDifference, 'won')).to.equal('△62,937,790');
  });

  it('the 합계 row adds every column, so its ㉰ and ㉳ obey the same identities', () => {
    const parking = settlementSummary({
      revenueCurrentBudget: 0,
      expenditureCurrentBudget: 11_660_432_610,
      collected: 11_695_306_147,
      executed: 5_990_311_670,
      carriedOut: 5_306_214_790,
      subsidyReturned: 28_350_830,
      grantDifference: 0,
    });
    expect(parking.netSurplus).to.equal(370_428_857);
    const total = addSettlementSummaries([general, parking]);
    expect(total.surplus).to.equal(total.collected - total.executed);
    expect(total.netSurplus).to.equal(total.surplus - total.carriedOut - total.subsidyAndGrant);
    expect(total.netSurplus).to.equal(36_496_638_890 + 370_428_857);
  });

  it('a deficit prints with △ (결산상 잉여금 below zero)', () => {
    const f = settlementSummary({
      revenueCurrentBudget: 0,
      expenditureCurrentBudget: 0,
      collected: 100,
      executed: 250,
      carriedOut: 0,
      subsidyReturned: 0,
      grantDifference: 0,
    });
    expect(f.surplus).to.equal(-150);
    expect(formatAmount(f.netSurplus, 'won')).to.equal('△150');
  });

  it('집행잔액 = 예산현액 − 지출액 누계; kinds map to the legacy categories', () => {
    expect(executionBalance(1_000, 250)).to.equal(750);
    expect(legacyCategoryOf('general')).to.equal('general');
    expect(legacyCategoryOf('public_enterprise')).to.equal('special');
    expect(legacyCategoryOf('other_special')).to.equal('special');
    expect(legacyCategoryOf('fund')).to.equal('fund');
  });
});

describe('domain: 환급 in the revenue identities', () => {
  const line = { budget: 1_000, currentBudget: 1_000 };
  const entries = [
    { kind: 'assessed' as const, amount: 1_000 },
    { kind: 'collected' as const, amount: 800 },
    { kind: 'written_off' as const, amount: 100 },
    { kind: 'refunded' as const, amount: 50 },
  ];

  it('수납액 is net of 환급, and 미수납액 = 징수결정액 − 수납액 − 불납결손액', () => {
    const f = revenueFigures(line, entries);
    expect(f.collected).to.equal(750);
    expect(f.refunded).to.equal(50);
    expect(f.writtenOff).to.equal(100);
    expect(f.uncollected).to.equal(150);
  });

  it('refuses a 환급 larger than the net 수납액', () => {
    const err = refusal(() => assertWithinAssessed(line, entries, { kind: 'refunded', amount: 751 }));
    expect(err.code).to.equal('exceeds_collected');
    expect(err.errors[0].field).to.equal('amount');
    expect(() => assertWithinAssessed(line, entries, { kind: 'refunded', amount: 750 })).to.not.throw();
  });
});
