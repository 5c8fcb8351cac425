import { expect } from 'chai';
import { DomainError } from '../../domain/errors';
import { assertLeafLine, assertWithinAssessed, revenueFigures, revenueTotal, revenueTree } from '../../domain/revenue';

describe('domain: revenue (세입) figures', () => {
  const line = { budget: 1_000, currentBudget: 1_200 };

  it('미수납액 = 징수결정액 − 수납액 − 불납결손액', () => {
    const f = revenueFigures(line, [
      { kind: 'assessed', amount: 900 },
      { kind: 'collected', amount: 700 },
      { kind: 'written_off', amount: 50 },
    ]);
    expect(f).to.deep.equal({
      budget: 1_000,
      currentBudget: 1_200,
      assessed: 900,
      collected: 700,
      refunded: 0,
      writtenOff: 50,
      uncollected: 150,
    });
  });

  it('refuses 수납액 + 불납결손액 over 징수결정액, with the figures before and the amount requested', () => {
    const entries = [
      { kind: 'assessed' as const, amount: 500 },
      { kind: 'collected' as const, amount: 400 },
    ];
    expect(assertWithinAssessed(line, entries, { kind: 'written_off', amount: 100 }).after.uncollected).to.equal(0);
    try {
      assertWithinAssessed(line, entries, { kind: 'collected', amount: 101 });
      expect.fail('expected a refusal');
    } catch (err) {
      expect(err).to.be.instanceOf(DomainError);
      const e = err as DomainError;
      expect(e.code).to.equal('exceeds_assessed');
      expect(e.kind).to.equal('conflict');
      expect(e.titleKo).to.equal('수납액과 불납결손액의 합이 징수결정액 500원을 넘습니다');
      expect(e.figures).to.deep.equal({
        budget: 1_000,
        currentBudget: 1_200,
        assessed: 500,
        collected: 400,
        refunded: 0,
        writtenOff: 0,
        uncollected: 100,
        requested: 101,
      });
    }
  });

  it('posts only to a leaf line', () => {
    expect(() => assertLeafLine(false)).not.to.throw();
    expect(() => assertLeafLine(true)).to.throw(DomainError, 'leaf line');
  });

  it('a parent adds up its leaves; depth follows the tree; 합계 counts only lines whose parent is not shown', () => {
    const lines = [
      { id: 1, parentId: null, budget: 300, currentBudget: 300 },
      { id: 2, parentId: 1, budget: 100, currentBudget: 100 },
      { id: 3, parentId: 1, budget: 200, currentBudget: 200 },
      { id: 4, parentId: null, budget: 50, currentBudget: 50 },
    ];
    const rows = revenueTree(lines, [
      { revenueLineId: 2, kind: 'assessed', amount: 80 },
      { revenueLineId: 2, kind: 'collected', amount: 60 },
      { revenueLineId: 3, kind: 'assessed', amount: 150 },
      { revenueLineId: 4, kind: 'assessed', amount: 10 },
    ]);
    expect(rows.map((r) => r.depth)).to.deep.equal([0, 1, 1, 0]);
    expect(rows[0].figures).to.deep.equal({
      budget: 300,
      currentBudget: 300,
      assessed: 230,
      collected: 60,
      refunded: 0,
      writtenOff: 0,
      uncollected: 170,
    });
    const total = revenueTotal(rows);
    expect(total).to.include({ budget: 350, assessed: 240, collected: 60, uncollected: 180 });
    // without the parent, its children are the top level
    expect(revenueTotal(rows.slice(1))).to.include({ budget: 350, assessed: 240 });
  });
});
