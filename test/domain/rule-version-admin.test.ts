import { expect } from 'chai';
import { DomainError } from '../../domain/errors';
import { checkNewRuleVersion, dayBefore, placeNewVersion } from '../../domain/rule-versions';

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('not refused');
};

describe('domain: adding a dated rule version', () => {
  it('a new version closes the open-ended latest one the day before it starts', () => {
    expect(dayBefore('2025-03-01')).to.equal('2025-02-28');
    expect(dayBefore('2024-03-01')).to.equal('2024-02-29');
    expect(placeNewVersion('transfer_report_deadline', '2025-04-01', { effectiveFrom: '2000-01-01', effectiveTo: null })).to.deep.equal({
      closeLatestOn: '2025-03-31',
    });
    expect(placeNewVersion('renewal_min_score', '2030-01-01', { effectiveFrom: '2016-01-01', effectiveTo: '2022-06-30' })).to.deep.equal({
      closeLatestOn: null,
    });
    expect(placeNewVersion('renewal_min_score', '2030-01-01', null)).to.deep.equal({ closeLatestOn: null });
  });

  it('refuses a version that does not start after the latest one, with the figures', () => {
    const err = refusal(() =>
      placeNewVersion('transfer_report_deadline', '2025-04-01', { effectiveFrom: '2025-04-01', effectiveTo: null }),
    );
    expect(err).to.include({ kind: 'conflict', code: 'not_after_latest_version' });
    expect(err.errors[0]).to.include({ field: 'effectiveFrom', rule: 'afterLatestVersion' });
    expect(err.figures).to.deep.equal({
      latestEffectiveFrom: '2025-04-01',
      latestEffectiveTo: '(없음)',
      requestedEffectiveFrom: '2025-04-01',
    });
    const ended = refusal(() => placeNewVersion('x_rule', '2025-01-01', { effectiveFrom: '2020-01-01', effectiveTo: '2025-06-30' }));
    expect(ended.errors[0].message_ko).to.contain('끝난 2025-06-30 뒤에');
  });

  it('a key the code does not read may only be continued', () => {
    expect(refusal(() => placeNewVersion('no_such_rule', '2030-01-01', null))).to.include({ code: 'unknown_rule' });
  });

  it('checks the fields and the parameters of a known rule, naming every problem', () => {
    expect(
      checkNewRuleVersion({ ruleKey: ' renewal_min_score ', effectiveFrom: '2030-01-01', params: { minScore: '80' }, source: ' 조례 ' }),
    ).to.deep.equal({
      ruleKey: 'renewal_min_score',
      effectiveFrom: '2030-01-01',
      params: { minScore: '80' },
      source: '조례',
    });
    const err = refusal(() =>
      checkNewRuleVersion({
        ruleKey: 'transfer_report_deadline',
        effectiveFrom: '2023-02-30',
        params: { quartersAfter: 9, extra: 1 },
        source: '',
      }),
    );
    expect(err).to.include({ kind: 'invalid', code: 'invalid_rule_version' });
    expect(err.errors.map((e) => e.field)).to.deep.equal(['effectiveFrom', 'source', 'params.extra', 'params.quartersAfter']);
    expect(
      refusal(() => checkNewRuleVersion({ ruleKey: 'renewal_min_score', effectiveFrom: '2030-01-01', params: [1], source: 'x' })).errors[0],
    ).to.include({
      field: 'params',
      rule: 'isObject',
    });
  });
});
