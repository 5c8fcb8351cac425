import { expect } from 'chai';
import {
  achievementRate,
  basisLineResult,
  changeRate,
  divRound,
  executionRate,
  formatAmount,
  formatInteger,
  MAX_AMOUNT,
  sumOfInput,
  sumWon,
  toUnit,
} from '../../domain/money';
import { DomainError } from '../../domain/errors';

describe('domain: money and rates (domain.md §3)', () => {
  it('rounds half away from zero, in integer arithmetic', () => {
    expect(divRound(5n, 2n)).to.equal(3n);
    expect(divRound(-5n, 2n)).to.equal(-3n);
    expect(divRound(4n, 3n)).to.equal(1n);
    expect(toUnit(1_499, 'thousand')).to.equal(1);
    expect(toUnit(1_500, 'thousand')).to.equal(2);
    expect(toUnit(-1_500, 'thousand')).to.equal(-2);
  });

  it('prints △ for negatives, thousands separators, and zero as the report asks', () => {
    expect(formatAmount(-24_802_000, 'thousand')).to.equal('△24,802');
    expect(formatAmount(47_810_398_000, 'thousand')).to.equal('47,810,398');
    expect(formatInteger(0, { zero: '-' })).to.equal('-');
    expect(formatInteger(0)).to.equal('0');
    expect(formatAmount(637_000_000, 'million')).to.equal('637');
  });

  it('집행률 to one decimal: 47,025,374 / 48,622,861 → 96.7; 100% stays 100.0', () => {
    expect(executionRate(47_025_374, 48_622_861).text).to.equal('96.7');
    expect(executionRate(756_000, 756_000).text).to.equal('100.0');
    expect(executionRate(1, 0).text).to.equal('-');
  });

  it('증감률 to two decimals with the documents’ special cases', () => {
    expect(changeRate(47_810_398, 54_438_155, 2).text).to.equal('13.86');
    expect(changeRate(718_684, 693_882, 2).text).to.equal('△3.45');
    expect(changeRate(519_778, 523_783, 0).text).to.equal('1');
    expect(changeRate(0, 3_500_000, 2).text).to.equal('100');
    expect(changeRate(0, 3_500_000, 2, { newItem: '순증' }).text).to.equal('순증');
    expect(changeRate(109_600, 0, 2).text).to.equal('△100');
    expect(changeRate(60_231, 60_231, 2).text).to.equal('-');
  });

  it('달성도 to two decimals, the right way round for lower-is-better indicators', () => {
    expect(achievementRate('87.8', '80.8').text).to.equal('92.03');
    expect(achievementRate('44,564', '59,830').text).to.equal('134.26');
    expect(achievementRate('10', '8', true).text).to.equal('125.00');
    expect(achievementRate('10', '12.5', true).text).to.equal('80.00');
  });

  it('산출근거 lines compute exactly: 12,500,000 × 1.1 = 13,750,000', () => {
    expect(basisLineResult(12_500_000, '1', '1.1')).to.equal(13_750_000);
    expect(basisLineResult(191_573_000, '1', '1')).to.equal(191_573_000);
    expect(basisLineResult(333, '3', '0.5')).to.equal(500); // 499.5 rounds half away from zero
  });

  it('sums stay exact and refuse to leave the safe integer range', () => {
    expect(sumWon([47_091_714_000, 718_684_000])).to.equal(47_810_398_000);
    expect(() => sumWon([Number.MAX_SAFE_INTEGER, 1]))
      .to.throw(DomainError)
      .with.property('code', 'sum_out_of_range');
  });

  it('a sum a request brings is checked against 10^15 before it is used, naming the field', () => {
    expect(sumOfInput([MAX_AMOUNT - 1, 1], 'quarters')).to.equal(MAX_AMOUNT);
    const err = (() => {
      try {
        sumOfInput(Array(100).fill(MAX_AMOUNT), 'categories');
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(err).to.be.instanceOf(DomainError);
    expect(err!.kind).to.equal('invalid');
    expect(err!.errors[0]).to.include({ field: 'categories', rule: 'sumWithinRange' });
  });
});
