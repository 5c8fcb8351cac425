import { expect } from 'chai';
import {
  assertRenewalFact,
  criteriaInForceKo,
  factsOfTerm,
  latestEvaluation,
  passesRenewalBar,
  RenewalFactRecord,
  RenewalRules,
  renewalFactsOf,
} from '../../domain/renewal';
import { refusal } from '../support/refusal';

const rule = <P>(id: number, effectiveFrom: string, effectiveTo: string | null, params: P) => ({
  id,
  effectiveFrom,
  effectiveTo,
  source: '지침',
  params,
});
const rules: RenewalRules = {
  evaluationMinScore: [rule(1, '2016-01-01', '2022-06-30', { minScore: 60 }), rule(2, '2022-07-01', null, { minScore: 70 })],
  selectionMinScore: [rule(3, '2016-01-01', null, { minScore: 80 })],
  uncorrectedRepeatLimit: [rule(4, '2016-01-01', null, { minRepeats: 3 })],
};

function fact(over: Partial<RenewalFactRecord>): RenewalFactRecord {
  return {
    id: 1,
    contractTermId: null,
    kind: 'misconduct',
    factDate: '2023-05-01',
    score: null,
    description: '횡령',
    decision: '벌금',
    committeeRelevant: null,
    committeeDecidedOn: null,
    reference: null,
    ...over,
  };
}

describe('domain: renewal facts and the verdict inputs', () => {
  it('each kind of fact carries what it needs and nothing of the others', () => {
    expect(() => assertRenewalFact({ kind: 'selection_score', score: '85.5' })).not.to.throw();
    expect(refusal(() => assertRenewalFact({ kind: 'selection_score' })).errors[0]).to.include({ field: 'score', rule: 'required' });
    expect(refusal(() => assertRenewalFact({ kind: 'selection_score', score: '100.01' })).errors[0].rule).to.equal('score');
    expect(refusal(() => assertRenewalFact({ kind: 'misconduct', score: '1', decision: 'x' })).errors[0].rule).to.equal('onlyForSelection');
    expect(refusal(() => assertRenewalFact({ kind: 'misconduct' })).errors[0]).to.include({ field: 'decision', rule: 'required' });
    expect(refusal(() => assertRenewalFact({ kind: 'audit_sanction', decision: '환수' })).errors[0]).to.include({
      field: 'committeeRelevant',
      rule: 'required',
    });
    expect(() => assertRenewalFact({ kind: 'audit_sanction', decision: '환수', committeeRelevant: false })).not.to.throw();
    expect(refusal(() => assertRenewalFact({ kind: 'misconduct', decision: 'x', committeeRelevant: true })).errors[0].rule).to.equal(
      'onlyForAuditSanction',
    );
  });

  it('a term is judged on its own facts known on the day, and on its latest evaluation', () => {
    const term = { id: 2, startDate: '2022-01-01' };
    const facts = [
      fact({ id: 1, factDate: '2021-12-31' }),
      fact({ id: 2, factDate: '2022-03-01' }),
      fact({ id: 3, factDate: '2021-06-01', contractTermId: 2 }),
      fact({ id: 4, factDate: '2022-04-01', contractTermId: 1 }),
      fact({ id: 5, factDate: '2024-01-01' }),
    ];
    expect(factsOfTerm(facts, term, '2023-12-31').map((f) => f.id)).to.deep.equal([2, 3]);
    expect(factsOfTerm(facts, null, '2023-12-31').map((f) => f.id)).to.deep.equal([1, 2]);
    const evs = [
      { id: 9, evaluatedOn: '2023-01-01' },
      { id: 3, evaluatedOn: '2023-06-01' },
      { id: 4, evaluatedOn: '2023-06-01' },
    ];
    expect(latestEvaluation(evs)!.id).to.equal(4);
    expect(latestEvaluation([])).to.equal(null);
  });

  it('gathers the latest selection score, misconduct, sanctions and the city decision; prints the bars in force', () => {
    const input = renewalFactsOf({
      evaluation: { id: 1, contractTermId: 2, total: '65.00', evaluatedOn: '2022-06-30', evaluatedBy: '평가단' },
      facts: [
        fact({ id: 1, kind: 'selection_score', score: '70.00', factDate: '2022-01-01', decision: null }),
        fact({ id: 2, kind: 'selection_score', score: '82.00', factDate: '2022-02-01', decision: null }),
        fact({ id: 3, kind: 'audit_sanction', decision: '환수', committeeRelevant: true, committeeDecidedOn: '2023-06-01' }),
        fact({ id: 4 }),
      ],
      repeatChains: [],
      decision: { id: 5, decidedOn: '2023-12-01', decision: 'retender', reason: '공개모집' },
    });
    expect(input.selectionScore).to.deep.equal({ id: 2, score: '82.00', date: '2022-02-01', description: '횡령' });
    expect(input.misconduct.map((m) => m.id)).to.deep.equal([4]);
    expect(input.auditSanctions[0]).to.include({ id: 3, committeeRelevant: true, committeeDecidedOn: '2023-06-01' });
    expect(input.cityDecision!.decision).to.equal('retender');
    expect(input.evaluation).to.deep.equal({ id: 1, total: '65.00', evaluatedOn: '2022-06-30', evaluatedBy: '평가단' });
    const criteria = criteriaInForceKo(rules, '2022-06-30', '2022-02-01');
    expect(criteria[0]).to.contain('60점 미만');
    expect(criteria[1]).to.contain('80점 미만');
    expect(criteria[2]).to.contain('3회 이상');
    expect(criteriaInForceKo(rules, '2015-01-01', null)[0]).to.contain('?점');
    expect(passesRenewalBar(rules, '65', '2022-06-30')).to.equal(true);
    expect(passesRenewalBar(rules, '65', '2022-07-01')).to.equal(false);
    expect(passesRenewalBar(rules, '65', '2015-01-01')).to.equal(null);
  });
});
