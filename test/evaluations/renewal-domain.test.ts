import { expect } from 'chai';
import { compareDecimal, gradeFor, scoreProblem, sumScores } from '../../domain/evaluation';
import { RenewalFacts, RenewalRules, renewalVerdict, versionOn } from '../../domain/renewal';
import { achievementRate } from '../../domain/money';

/** Rule histories as the seed step stores them, but spelled out here so the test owns its facts. */
const RULES: RenewalRules = {
  evaluationMinScore: [
    { id: 1, effectiveFrom: '2016-01-01', effectiveTo: '2022-06-30', source: 'earlier', params: { minScore: 60 } },
    { id: 2, effectiveFrom: '2022-07-01', effectiveTo: null, source: 'current', params: { minScore: 75 } },
  ],
  selectionMinScore: [{ id: 3, effectiveFrom: '2016-01-01', effectiveTo: null, source: 'selection', params: { minScore: 70 } }],
  uncorrectedRepeatLimit: [{ id: 4, effectiveFrom: '2016-01-01', effectiveTo: null, source: 'repeat', params: { minRepeats: 3 } }],
};

const base = (over: Partial<RenewalFacts> = {}): RenewalFacts => ({
  evaluation: { id: 10, total: '83.44', evaluatedOn: '2024-06-28', evaluatedBy: '조직담당관' },
  selectionScore: null,
  repeatChains: [],
  misconduct: [],
  auditSanctions: [],
  cityDecision: null,
  ...over,
});

describe('evaluations/domain: the renewal verdict', () => {
  it('judges the same score by the rule in force on the evaluation date (74.9: excluded under 75, allowed under 60)', () => {
    const current = renewalVerdict(base({ evaluation: { id: 1, total: '74.90', evaluatedOn: '2023-03-15', evaluatedBy: 'x' } }), RULES);
    expect(current.renewalAllowed).to.equal(false);
    expect(current.outcome).to.equal('retender_required');
    expect(current.reasons.map((r) => r.number)).to.deep.equal([1]);
    expect(current.reasons[0].evidence).to.deep.include({ evaluationId: 1, total: '74.90' });
    expect((current.reasons[0].evidence.rule as { ruleVersionId: number }).ruleVersionId).to.equal(2);

    const earlier = renewalVerdict(base({ evaluation: { id: 2, total: '74.90', evaluatedOn: '2021-11-30', evaluatedBy: 'x' } }), RULES);
    expect(earlier.renewalAllowed).to.equal(true);
    expect(earlier.reasons).to.deep.equal([]);

    // the boundary days of the two versions
    expect(
      renewalVerdict(base({ evaluation: { id: 3, total: '74.9', evaluatedOn: '2022-06-30', evaluatedBy: 'x' } }), RULES).renewalAllowed,
    ).to.equal(true);
    expect(
      renewalVerdict(base({ evaluation: { id: 4, total: '74.9', evaluatedOn: '2022-07-01', evaluatedBy: 'x' } }), RULES).renewalAllowed,
    ).to.equal(false);
    // exactly the bar passes; one hundredth below fails
    expect(
      renewalVerdict(base({ evaluation: { id: 5, total: '75.00', evaluatedOn: '2023-01-01', evaluatedBy: 'x' } }), RULES).renewalAllowed,
    ).to.equal(true);
    expect(
      renewalVerdict(base({ evaluation: { id: 6, total: '59.99', evaluatedOn: '2020-01-01', evaluatedBy: 'x' } }), RULES).reasons[0].code,
    ).to.equal('low_evaluation_score');
  });

  it('says ① could not be judged when no rule is in force or there is no evaluation', () => {
    const old = renewalVerdict(base({ evaluation: { id: 1, total: '50', evaluatedOn: '2010-01-01', evaluatedBy: 'x' } }), RULES);
    expect(old.reasons).to.deep.equal([]);
    expect(old.notJudged.map((n) => n.code)).to.include('no_rule_in_force');
    const none = renewalVerdict(base({ evaluation: null }), RULES);
    expect(none.notJudged.map((n) => n.code)).to.include('no_evaluation');
    const noInspections = renewalVerdict(base({ repeatChains: null }), RULES);
    expect(noInspections.notJudged.map((n) => n.code)).to.include('no_inspection_data');
  });

  it('gives reason ③ with the ids of the findings when a finding went uncorrected 3 times', () => {
    const v = renewalVerdict(
      base({
        repeatChains: [
          { title: '입찰공고 나라장터 미게시', findingIds: [11, 17, 23], uncorrectedCount: 3 },
          { title: '만족도 조사 표본 부족', findingIds: [12, 18], uncorrectedCount: 2 },
          { title: '정당한 사유가 인정된 지적', findingIds: [13, 19, 24], uncorrectedCount: 3, justified: true },
        ],
      }),
      RULES,
    );
    expect(v.renewalAllowed).to.equal(false);
    expect(v.reasons).to.have.length(1);
    expect(v.reasons[0]).to.include({ number: 3, mark: '③', code: 'uncorrected_repeat_finding' });
    expect(v.reasons[0].evidence.findingIds).to.deep.equal([11, 17, 23]);
    expect(v.reasons[0].messageKo).to.contain('3회');
  });

  it('lists every reason that applies, in the guideline order, each with its evidence', () => {
    const v = renewalVerdict(
      base({
        evaluation: { id: 9, total: '70.00', evaluatedOn: '2024-06-01', evaluatedBy: 'x' },
        selectionScore: { id: 21, score: '69.99', date: '2024-09-01' },
        repeatChains: [{ title: 'a', findingIds: [1, 2, 3, 4], uncorrectedCount: 4 }],
        misconduct: [{ id: 31, date: '2023-05-02', decision: '벌금 500만원', description: '사업비 횡령' }],
        auditSanctions: [
          {
            id: 41,
            date: '2023-08-01',
            decision: '환수 300만원',
            description: '감사 지적',
            committeeRelevant: true,
            committeeDecidedOn: '2023-10-01',
          },
          { id: 42, date: '2023-09-01', decision: '주의', description: '경미한 지적', committeeRelevant: false },
        ],
      }),
      RULES,
    );
    expect(v.reasons.map((r) => r.number)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(v.reasons.find((r) => r.number === 4)!.evidence).to.include({ factId: 31, date: '2023-05-02', decision: '벌금 500만원' });
    expect(v.reasons.find((r) => r.number === 5)!.evidence).to.include({ factId: 41 });
    expect(v.summaryKo).to.contain('①②③④⑤');
  });

  it('records the city choosing a re-tender although renewal was allowed (seed 001: 83.44)', () => {
    const v = renewalVerdict(
      base({ cityDecision: { id: 5, decidedOn: '2024-08-12', decision: 'retender', reason: '관성적 운영 우려' } }),
      RULES,
    );
    expect(v.renewalAllowed).to.equal(true);
    expect(v.outcome).to.equal('retender_chosen');
    expect(v.summaryKo).to.contain('83.44').and.contain('관성적 운영 우려');
    const plain = renewalVerdict(base(), RULES);
    expect(plain.outcome).to.equal('renewal_allowed');
  });

  it('picks rule versions by date, honouring effectiveTo', () => {
    expect(versionOn(RULES.evaluationMinScore, '2015-12-31')).to.equal(null);
    expect(versionOn(RULES.evaluationMinScore, '2016-01-01')!.params.minScore).to.equal(60);
    expect(versionOn(RULES.evaluationMinScore, '2030-01-01')!.params.minScore).to.equal(75);
  });
});

describe('evaluations/domain: scores and achievements', () => {
  it('a total is exactly the sum of the indicator scores (no floating-point drift)', () => {
    expect(sumScores(['0.1', '0.2'])).to.equal('0.30');
    expect(sumScores(['13.50', '8.60', '20.34', '12.50', '16.30', '8.20', '4.00'])).to.equal('83.44');
    // random scores: the decimal total equals the integer sum of hundredths
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const hundredths = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => Math.floor(rand() * 2000));
      const texts = hundredths.map((h) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`);
      const expected = hundredths.reduce((a, b) => a + b, 0);
      expect(sumScores(texts)).to.equal(`${Math.floor(expected / 100)}.${String(expected % 100).padStart(2, '0')}`);
    }
    expect(() => sumScores(['1.234'])).to.throw(RangeError);
  });

  it('compares decimals exactly and checks a score against its maximum', () => {
    expect(compareDecimal('74.9', '75')).to.equal(-1);
    expect(compareDecimal('75.00', '75')).to.equal(0);
    expect(scoreProblem('15.01', '15')).to.equal('above_max');
    expect(scoreProblem('-1', '15')).to.equal('negative');
    expect(scoreProblem('1.001', '15')).to.equal('decimals');
    expect(scoreProblem('15', '15.00')).to.equal(null);
  });

  it('grades a total by the highest band it reaches', () => {
    const bands = [
      { grade: 'A', minScore: '90' },
      { grade: 'B', minScore: '80' },
      { grade: 'C', minScore: '0' },
    ];
    expect(gradeFor('83.44', bands)).to.equal('B');
    expect(gradeFor('90.00', bands)).to.equal('A');
    expect(gradeFor('79.99', bands)).to.equal('C');
    expect(gradeFor('50', null)).to.equal(null);
  });

  it('computes a lower-is-better achievement the right way round', () => {
    expect(achievementRate('10', '8', true).text).to.equal('125.00');
    expect(achievementRate('10', '8', false).text).to.equal('80.00');
    expect(achievementRate('87.8', '80.8').text).to.equal('92.03');
  });
});
