import { expect } from 'chai';
import {
  assertMayCorrect,
  assertScoresFit,
  assertTemplateInForce,
  assertTemplateValid,
  assertTermOfConsignment,
  assertWithinTerm,
  evaluationResult,
  gradeBandsText,
  nextTemplateVersion,
  templateInForce,
  templateProblems,
} from '../../domain/evaluation';
import { refusal } from '../support/refusal';

describe('domain: evaluation templates and score sheets', () => {
  const indicators = [
    { id: 1, name: '사업계획 달성', maxPoints: '15' },
    { id: 2, name: '예산 집행', maxPoints: '10.5' },
  ];

  it('a template needs groups with indicators of positive points, dates in order and score bands', () => {
    expect(templateProblems({ effectiveFrom: '2024-01-01', groups: [{ indicators: [{ maxPoints: '10' }] }] })).to.deep.equal([]);
    const err = refusal(() =>
      assertTemplateValid({
        effectiveFrom: '2024-01-01',
        effectiveTo: '2023-12-31',
        gradeBands: [{ grade: '우수', minScore: '-1' }],
        groups: [{ indicators: [] }, { indicators: [{ maxPoints: '0' }, { maxPoints: '1.234' }] }],
      }),
    );
    expect(err.code).to.equal('invalid_template');
    expect(err.kind).to.equal('invalid');
    expect(err.errors.map((e) => `${e.field}:${e.rule}`)).to.deep.equal([
      'effectiveTo:afterEffectiveFrom',
      'groups.0.indicators:notEmpty',
      'groups.1.indicators.0.maxPoints:positiveScore',
      'groups.1.indicators.1.maxPoints:positiveScore',
      'gradeBands.0.minScore:score',
    ]);
    expect(refusal(() => assertTemplateValid({ effectiveFrom: '2024-01-01', groups: [] })).errors[0].rule).to.equal('notEmpty');
  });

  it('versions follow the latest; bands are stored normalised; a version is in force from its first to its last day', () => {
    expect(nextTemplateVersion(undefined, null)).to.equal(1);
    expect(nextTemplateVersion(undefined, 3)).to.equal(4);
    expect(nextTemplateVersion(7, 3)).to.equal(7);
    expect(gradeBandsText([{ grade: '우수', minScore: '90' }])).to.equal('[{"grade":"우수","minScore":"90.00"}]');
    expect(gradeBandsText([])).to.equal(null);
    const t = { code: 'T', version: 2, name: '종합성과평가', effectiveFrom: '2024-01-01', effectiveTo: '2024-12-31' };
    expect(templateInForce(t, '2024-01-01')).to.equal(true);
    expect(templateInForce(t, '2024-12-31')).to.equal(true);
    expect(templateInForce(t, '2025-01-01')).to.equal(false);
    expect(templateInForce({ ...t, effectiveTo: null }, '2099-01-01')).to.equal(true);
    expect(refusal(() => assertTemplateInForce(t, '2023-12-31')).errors[0]).to.include({ field: 'templateId', rule: 'templateInForce' });
    expect(refusal(() => assertWithinTerm({ startDate: '2024-03-01' }, '2024-02-29')).errors[0]).to.include({
      field: 'evaluatedOn',
      rule: 'withinTerm',
    });
    expect(() => assertWithinTerm({ startDate: '2024-03-01' }, '2024-03-01')).not.to.throw();
  });

  it('every indicator of the template is scored once, within its points, with at most two decimals', () => {
    expect(() =>
      assertScoresFit(indicators, [
        { indicatorId: 1, score: '15' },
        { indicatorId: 2, score: '10.5' },
      ]),
    ).not.to.throw();
    const err = refusal(() =>
      assertScoresFit(indicators, [
        { indicatorId: 1, score: '15.01' },
        { indicatorId: 1, score: '-1' },
        { indicatorId: 9, score: '1' },
        { indicatorId: 1, score: '1.001' },
      ]),
    );
    expect(err.code).to.equal('invalid_scores');
    expect(err.errors.map((e) => `${e.field}:${e.rule}`)).to.deep.equal([
      'scores.0.score:atMostMaxPoints',
      'scores.1.indicatorId:scoredOnce',
      'scores.1.score:nonNegative',
      'scores.2.indicatorId:indicatorOfTemplate',
      'scores.3.indicatorId:scoredOnce',
      'scores.3.score:scoreDecimals',
      'scores:everyIndicatorScored',
    ]);
    expect(err.errors[0].message_ko).to.equal('「사업계획 달성」 배점(15점)을 넘습니다');
    expect(err.errors[6].message_ko).to.equal('「예산 집행」 지표의 점수가 없습니다');
  });

  it('the total is the exact sum of the scores and the grade the highest band it reaches', () => {
    const bands = [
      { grade: '보통', minScore: '70' },
      { grade: '우수', minScore: '90' },
    ];
    const scores = (a: string, b: string) => [
      { indicatorId: 1, score: a },
      { indicatorId: 2, score: b },
    ];
    expect(evaluationResult(scores('13.5', '8.6'), bands)).to.deep.equal({ total: '22.10', grade: null });
    expect(evaluationResult(scores('60', '10.5'), bands)).to.deep.equal({ total: '70.50', grade: '보통' });
    expect(evaluationResult(scores('80', '10'), bands)).to.deep.equal({ total: '90.00', grade: '우수' });
    expect(evaluationResult(scores('80', '10'), null)).to.deep.equal({ total: '90.00', grade: null });
  });

  it('a correction names a current evaluation of the same term; a form names a term of its consignment', () => {
    expect(() => assertMayCorrect(5, { id: 5, contractTermId: 1 }, 1, false)).not.to.throw();
    expect(refusal(() => assertMayCorrect(5, null, 1, false)).kind).to.equal('not_found');
    expect(refusal(() => assertMayCorrect(5, { id: 5, contractTermId: 2 }, 1, false)).errors[0].field).to.equal('supersedesId');
    const twice = refusal(() => assertMayCorrect(5, { id: 5, contractTermId: 1 }, 1, true));
    expect([twice.kind, twice.code]).to.deep.equal(['conflict', 'already_superseded']);
    expect(() => assertTermOfConsignment([3, 4], 4)).not.to.throw();
    expect(refusal(() => assertTermOfConsignment([3, 4], 5)).code).to.equal('term_of_consignment');
  });
});
