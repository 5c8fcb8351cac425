import { expect } from 'chai';
import { parseDate, parseWon } from '../../domain/import-cells';

describe('imports: how a cell becomes an amount or a date (domain/import-cells.ts)', () => {
  const value = (r: unknown) => (r as { value?: unknown }).value;
  const rule = (r: unknown) => (r as { problem?: { rule: string } }).problem?.rule;

  it('accepts 1234, 1,234, 1,234원 and integer numeric cells', () => {
    expect(['1234', '1,234', '1,234원', ' 1,234 원 ', 1234, '0'].map((x) => value(parseWon(x)))).to.deep.equal([
      1234, 1234, 1234, 1234, 1234, 0,
    ]);
    expect(value(parseWon('12,345,678'))).to.equal(12_345_678);
  });

  it('refuses grouping that is not in thousands, decimals, signs and words', () => {
    for (const bad of ['10,50', '1,0,0', '1,2345', ',123', '123,', '12.5', '1e3', '-5', '₩1,000', '천원', '', '01234'])
      expect(rule(parseWon(bad)), bad).to.equal('wonFormat');
    expect(rule(parseWon(12.5))).to.equal('integerWon');
    expect(rule(parseWon(-5))).to.equal('notNegative');
    expect(rule(parseWon('0', { positive: true }))).to.equal('positive');
    expect(rule(parseWon('10,000,000,000,000,000'))).to.equal('wonRange');
  });

  it('a signed column takes - and △ (a negative 교부차액)', () => {
    expect(value(parseWon('△12,000', { signed: true }))).to.equal(-12_000);
    expect(value(parseWon('-1,234원', { signed: true }))).to.equal(-1234);
    expect(value(parseWon(-5, { signed: true }))).to.equal(-5);
  });

  it('dates are date cells or real YYYY-MM-DD days', () => {
    expect(value(parseDate('2027-02-28'))).to.equal('2027-02-28');
    expect(value(parseDate(new Date(Date.UTC(2027, 1, 28))))).to.equal('2027-02-28');
    for (const bad of ['2027-02-29', '2027-2-1', '27-02-01', '2027/02/01', 20270201])
      expect(rule(parseDate(bad)), String(bad)).to.equal('calendarDate');
  });
});
