import { expect } from 'chai';
import { versionOn } from '../../domain/rule-versions';
import { compareDecimals, parseDecimal, plainDecimal } from '../../domain/money';

describe('domain: dated rule versions and exact decimals', () => {
  const history = [
    { id: 2, effectiveFrom: '2022-07-01', effectiveTo: null, minScore: '75' },
    { id: 1, effectiveFrom: '2016-01-01', effectiveTo: '2022-06-30', minScore: '60' },
  ];

  it('judges a date by the version in force on it, whatever the order given', () => {
    expect(versionOn(history, '2022-06-30')!.minScore).to.equal('60');
    expect(versionOn(history, '2022-07-01')!.minScore).to.equal('75');
    expect(versionOn(history, '2015-12-31')).to.equal(null);
  });

  it('a version that ended leaves a gap rather than reaching past its end', () => {
    expect(versionOn([history[1]], '2023-01-01')).to.equal(null);
  });

  it('compares decimals of different scales exactly', () => {
    expect(compareDecimals(parseDecimal('74.9'), parseDecimal('75'))).to.equal(-1);
    expect(compareDecimals(parseDecimal('75.00'), parseDecimal('75'))).to.equal(0);
    expect(compareDecimals(parseDecimal('83.44'), parseDecimal('83.4'))).to.equal(1);
    expect(plainDecimal({ scaled: -150n, scale: 2 })).to.equal('-1.50');
  });
});
