import { expect } from 'chai';
import {
  achievementOf,
  assertValueFigures,
  assertValueMayBeRecorded,
  currentValues,
  defaultPeriodLabel,
  valuePeriod,
} from '../../domain/performance-indicator';
import { refusal } from '../support/refusal';

describe('domain: performance indicator values (성과지표)', () => {
  it('a value covers the whole year unless an earlier day of that year is given', () => {
    expect(valuePeriod(2022)).to.deep.equal({ periodEnd: '2022-12-31', partial: false, periodLabel: '2022년' });
    expect(valuePeriod(2024, '2024-06-30')).to.deep.equal({ periodEnd: '2024-06-30', partial: true, periodLabel: '’24.6월' });
    expect(valuePeriod(2024, '2024-06-30', '상반기').periodLabel).to.equal('상반기');
    expect(defaultPeriodLabel(2023, '2023-09-30')).to.equal('’23.9월');
    const err = refusal(() => valuePeriod(2024, '2025-01-31'));
    expect(err.errors[0]).to.include({ field: 'periodEnd', rule: 'withinYear' });
  });

  it('target and actual are decimal text', () => {
    expect(() => assertValueFigures({ target: '1,234.5', actual: null })).not.to.throw();
    expect(refusal(() => assertValueFigures({ target: 'many' })).errors[0]).to.include({ field: 'target', rule: 'decimalText' });
    expect(refusal(() => assertValueFigures({ target: '1', actual: '1.2.3' })).errors[0].field).to.equal('actual');
  });

  it('one current value per period; a correction names a current value', () => {
    const current = [{ id: 7, periodEnd: '2023-12-31' }];
    expect(() => assertValueMayBeRecorded(1, current, '2024-12-31', null)).not.to.throw();
    expect(() => assertValueMayBeRecorded(1, current, '2023-12-31', 7)).not.to.throw();
    const twice = refusal(() => assertValueMayBeRecorded(1, current, '2023-12-31', undefined));
    expect([twice.kind, twice.code, twice.figures]).to.deep.equal(['conflict', 'value_exists', { existingId: 7 }]);
    expect(refusal(() => assertValueMayBeRecorded(1, current, '2023-12-31', 6)).code).to.equal('not_current_value');
  });

  it('values replaced by a correction are not current; achievement needs an actual', () => {
    const rows = [
      { id: 1, supersedesId: null },
      { id: 2, supersedesId: 1 },
      { id: 3, supersedesId: null },
    ];
    expect(currentValues(rows).map((r) => r.id)).to.deep.equal([2, 3]);
    expect(achievementOf('80', null, false)).to.deep.equal({ value: null, text: '-' });
    expect(achievementOf('80', '100', false).text).to.equal('125.00');
    expect(achievementOf('80', '100', true).text).to.equal('80.00');
  });
});
