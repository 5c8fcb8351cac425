import { expect } from 'chai';
import { checkBasis } from '../../domain/basis';
import { refusal } from '../support/refusal';

describe('domain: the calculation basis (산출근거) adds up', () => {
  it('accepts lines that compute and add up, children to their parent and lines to the total', () => {
    expect(() =>
      checkBasis(
        [
          { description: '인건비', unitAmount: 12_500_000, multiplier: '1.1', amount: 13_750_000 },
          {
            description: '운영비',
            amount: 1_250_000,
            children: [
              { description: '사무용품', unitAmount: 50_000, quantity: '5', amount: 250_000 },
              { description: '임차료', amount: 1_000_000 },
            ],
          },
        ],
        15_000_000,
      ),
    ).not.to.throw();
  });

  it('refuses a line whose unit amount × quantity × multiplier is not its amount, with both figures', () => {
    const err = refusal(() =>
      checkBasis([{ description: '인건비', unitAmount: 12_500_000, multiplier: '1.1', amount: 13_700_000 }], 13_700_000),
    );
    expect(err.code).to.equal('basis_line_mismatch');
    expect(err.kind).to.equal('invalid');
    expect(err.figures).to.deep.equal({ computed: 13_750_000, stated: 13_700_000 });
    expect(err.errors[0]).to.include({ field: 'basis[0].amount', rule: 'basisLineComputes' });
    expect(err.titleKo).to.equal('산출근거 1번 줄의 계산 결과가 13,750,000원인데 13,700,000원으로 적혀 있습니다');
  });

  it('refuses children that do not add up to their parent, naming the path', () => {
    const err = refusal(() =>
      checkBasis(
        [
          {
            description: '운영비',
            amount: 300,
            children: [
              { description: 'a', amount: 100 },
              { description: 'b', amount: 100 },
            ],
          },
        ],
        300,
      ),
    );
    expect(err.code).to.equal('basis_sum_mismatch');
    expect(err.figures).to.deep.equal({ sum: 200, expected: 300 });
    expect(err.errors[0]).to.include({ field: 'basis[0].children', rule: 'basisAddsUp' });
  });

  it('refuses top-level lines that do not add up to the appropriation', () => {
    const err = refusal(() => checkBasis([{ description: 'a', amount: 1_000 }], 2_000));
    expect(err.code).to.equal('basis_sum_mismatch');
    expect(err.title).to.equal('basis: lines add up to 1000, not 2000');
    expect(err.titleKo).to.equal('산출근거 합계 1,000원이 2,000원과 다릅니다');
  });
});
