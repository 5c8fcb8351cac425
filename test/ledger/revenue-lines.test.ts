import { expect } from 'chai';
import { testApp, TestApp } from '../support/app';
import { counts } from './fixtures';

/** Revenue lines (세입 과목) through the API: created by the collecting department, rolled up by parent. */
describe('ledger: revenue lines', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const line = (body: Record<string, unknown>) =>
    t
      .as('officer')
      .post('/api/revenue-lines')
      .send({ fiscalYear: 2025, orgCode: 'LFB-FAIR', budget: 500_000, currentBudget: 500_000, ...body });

  it('a department creates its lines and records 징수결정 and 수납 on a leaf; the parent adds up its leaves', async () => {
    const parent = await line({ code: 'R-FAIR', name: '공정경제 세외수입' });
    expect(parent.status, JSON.stringify(parent.body)).to.equal(201);
    const leaf = await line({ code: 'R-FAIR-1', name: '과태료', parentCode: 'R-FAIR', budget: 300_000, currentBudget: 300_000 });
    expect(leaf.status, JSON.stringify(leaf.body)).to.equal(201);
    expect(leaf.body).to.include({ parentId: parent.body.id, budget: 300_000 });
    expect(
      (
        await t
          .as('officer')
          .post(`/api/revenue-lines/${leaf.body.id}/entries`)
          .send({ kind: 'assessed', amount: 100_000, entryDate: '2025-05-01' })
      ).status,
    ).to.equal(201);
    expect(
      (
        await t
          .as('officer')
          .post(`/api/revenue-lines/${leaf.body.id}/entries`)
          .send({ kind: 'collected', amount: 70_000, entryDate: '2025-05-20' })
      ).status,
    ).to.equal(201);
    const over = await t
      .as('officer')
      .post(`/api/revenue-lines/${leaf.body.id}/entries`)
      .send({ kind: 'collected', amount: 30_001, entryDate: '2025-05-21' });
    expect(over.status).to.equal(409);
    expect(over.body.code).to.equal('exceeds_assessed');
    const rows = (await t.as('council').get('/api/revenue-lines').query({ year: 2025, org: 'LFB-FAIR' })).body.items as {
      code: string;
      figures: Record<string, number>;
    }[];
    expect(rows.find((r) => r.code === 'R-FAIR')!.figures).to.include({ assessed: 100_000, collected: 70_000, uncollected: 30_000 });
  });

  it('refuses another department, a closed year, a duplicate code and a malformed code, writing nothing', async () => {
    await line({ code: 'R-DUP', name: '중복 시험' }).expect(201);
    const before = await counts(t);
    const other = await line({ code: 'R-OTHER', name: '다른 부서', orgCode: 'SCB-COMM' });
    expect(other.status).to.equal(403);
    const closed = await line({ code: 'R-2024', name: '마감 연도', fiscalYear: 2024 });
    expect(closed.status).to.equal(409);
    expect(closed.body.code).to.equal('fiscal_year_closed');
    const dup = await line({ code: 'R-DUP', name: '중복 시험' });
    expect(dup.status).to.equal(409);
    expect(dup.body.errors[0].field).to.equal('code');
    const bad = await line({ code: 'R 1; DROP', name: '형식' });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0].field).to.equal('code');
    expect(await counts(t)).to.deep.equal(before);
  });

  it('another department cannot record revenue on the line', async () => {
    const mine = await line({ code: 'R-MINE', name: '내 과목' });
    expect(mine.status).to.equal(201);
    const res = await t
      .as('officer2')
      .post(`/api/revenue-lines/${mine.body.id}/entries`)
      .send({ kind: 'assessed', amount: 1_000, entryDate: '2025-06-01' });
    expect(res.status).to.equal(403);
  });
});
