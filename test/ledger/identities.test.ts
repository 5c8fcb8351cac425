import { expect } from 'chai';
import { testApp, TestApp } from '../support/app';
import { counts, freshProgramYear } from './fixtures';

describe('ledger: identities are enforced on every write', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const execute = (
    py: { id: number; item: string },
    amount: number,
    user: 'officer' | 'officer2' = 'officer',
    extra: Record<string, unknown> = {},
  ) =>
    t
      .as(user)
      .post('/api/ledger-entries')
      .send({ programYearId: py.id, expenseItem: py.item, kind: 'execution', amount, entryDate: '2025-03-15', ...extra });

  it('an execution above 예산현액 is refused with 409 and the figures, and changes nothing', async () => {
    const py = await freshProgramYear(t, { amount: 1_000_000 });
    expect((await execute(py, 600_000)).status).to.equal(201);
    const before = await counts(t);
    const res = await execute(py, 400_001);
    expect(res.status).to.equal(409);
    expect(res.type).to.equal('application/problem+json');
    expect(res.body.code).to.equal('exceeds_current_budget');
    expect(res.body.errors[0].field).to.equal('amount');
    expect(res.body.title_ko).to.match(/예산현액/);
    expect(res.body.figures).to.deep.equal({
      currentBudget: 1_000_000,
      executed: 600_000,
      carriedOut: 0,
      requested: 400_001,
      available: 400_000,
    });
    expect(await counts(t)).to.deep.equal(before);
    expect((await execute(py, 400_000)).status).to.equal(201);
  });

  it('a carry-over counts against 예산현액 too, and needs its type and reason', async () => {
    const py = await freshProgramYear(t, { amount: 500_000 });
    expect((await execute(py, 300_000)).status).to.equal(201);
    const noType = await t.as('officer').post('/api/ledger-entries').send({
      programYearId: py.id,
      expenseItem: py.item,
      kind: 'carry_out',
      amount: 100_000,
      entryDate: '2025-12-31',
      reason: '사고이월',
    });
    expect(noType.status).to.equal(422);
    expect(noType.body.errors[0].field).to.equal('carryType');
    const over = await t.as('officer').post('/api/ledger-entries').send({
      programYearId: py.id,
      expenseItem: py.item,
      kind: 'carry_out',
      amount: 200_001,
      entryDate: '2025-12-31',
      reason: '채권 가압류',
      carryType: 'accident',
    });
    expect(over.status).to.equal(409);
    const ok = await t.as('officer').post('/api/ledger-entries').send({
      programYearId: py.id,
      expenseItem: py.item,
      kind: 'carry_out',
      amount: 200_000,
      entryDate: '2025-12-31',
      reason: '채권 가압류',
      carryType: 'accident',
    });
    expect(ok.status).to.equal(201);
    const detail = await t.as('officer').get(`/api/program-years/${py.id}`);
    expect(detail.body.figures.total).to.include({ current: 500_000, executed: 300_000, carriedOut: 200_000, balance: 0 });
  });

  it('a correction is a reversing entry; an entry is reversed once only', async () => {
    const py = await freshProgramYear(t, { amount: 100_000 });
    const exec = await execute(py, 70_000);
    const rev = await t
      .as('officer')
      .post(`/api/ledger-entries/${exec.body.id}/reversal`)
      .send({ entryDate: '2025-03-16', reason: '금액 착오' });
    expect(rev.status).to.equal(201);
    expect(rev.body).to.include({ amount: -70_000, reversalOfId: exec.body.id, kind: 'execution' });
    const again = await t
      .as('officer')
      .post(`/api/ledger-entries/${exec.body.id}/reversal`)
      .send({ entryDate: '2025-03-16', reason: '중복' });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('already_reversed');
    const detail = await t.as('officer').get(`/api/program-years/${py.id}`);
    expect(detail.body.figures.total.executed).to.equal(0);
    const entries = await t.as('officer').get('/api/ledger-entries').query({ programYearId: py.id });
    expect(entries.body.items).to.have.length(2); // the original stays, next to its reversal
  });

  it('a reduction can never take a line below zero (negative 추경 via reversal of a carry-in)', async () => {
    const py = await freshProgramYear(t, { amount: 100_000 });
    const carryIn = await t
      .as('officer')
      .post('/api/ledger-entries')
      .send({ programYearId: py.id, expenseItem: py.item, kind: 'carry_in', amount: 50_000, entryDate: '2025-01-02' });
    expect(carryIn.status).to.equal(201);
    expect((await execute(py, 120_000)).status).to.equal(201);
    const rev = await t
      .as('officer')
      .post(`/api/ledger-entries/${carryIn.body.id}/reversal`)
      .send({ entryDate: '2025-03-20', reason: '이월 착오' });
    expect(rev.status).to.equal(409);
    expect(rev.body.code).to.equal('line_below_zero');
  });

  it('a closed fiscal year refuses every write, corrections included', async () => {
    const res = await t.as('council').get('/api/program-years').query({ year: 2018, org: 'SCB-COMM' });
    const py = res.body.items.find((p: { kind: string }) => p.kind === 'unit');
    const before = await counts(t);
    const post = await t
      .as('officer2')
      .post('/api/ledger-entries')
      .send({ programYearId: py.id, expenseItem: '사무관리비', kind: 'execution', amount: 1, entryDate: '2018-12-30' });
    expect(post.status).to.equal(409);
    expect(post.body.code).to.equal('fiscal_year_closed');
    const entries = await t.as('council').get('/api/ledger-entries').query({ programYearId: py.id });
    const rev = await t
      .as('officer2')
      .post(`/api/ledger-entries/${entries.body.items[0].id}/reversal`)
      .send({ entryDate: '2018-12-31', reason: '정정' });
    expect(rev.status).to.equal(409);
    expect(rev.body.code).to.equal('fiscal_year_closed');
    expect(await counts(t)).to.deep.equal(before);
  });

  it("a budget officer cannot write, nor read the detail of, another department's program (403)", async () => {
    const py = await freshProgramYear(t, { org: 'SCB-COMM', officer: 'officer2' });
    const res = await execute(py, 1, 'officer');
    expect(res.status).to.equal(403);
    expect((await execute(py, 1, 'officer2')).status).to.equal(201);
    expect((await t.as('officer').get(`/api/program-years/${py.id}`)).status).to.equal(403);
    expect((await t.as('officer2').get(`/api/program-years/${py.id}`)).status).to.equal(200);
    expect((await t.as('council').get(`/api/program-years/${py.id}`)).status).to.equal(200);
  });

  it('council staff and inspectors cannot write the ledger (403)', async () => {
    const py = await freshProgramYear(t);
    for (const user of ['council', 'inspector', 'admin'] as const) {
      const res = await t
        .as(user)
        .post('/api/ledger-entries')
        .send({ programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 1, entryDate: '2025-03-15' });
      expect(res.status, user).to.equal(403);
    }
  });

  it('every change leaves an audit record with who, when, before and after', async () => {
    const py = await freshProgramYear(t);
    const exec = await execute(py, 1234);
    const audit = await t
      .as('admin')
      .get('/api/audit-records')
      .query({ entity: 'ledger_entry', entityId: String(exec.body.id) });
    expect(audit.body.items).to.have.length(1);
    const rec = audit.body.items[0];
    expect(rec.actorName).to.equal('officer');
    expect(rec.action).to.equal('ledger.execution');
    expect(JSON.parse(rec.after)).to.include({ amount: 1234 });
    expect(JSON.parse(rec.before)).to.include({ executed: 0, current: py.amount });
    expect(new Date(rec.at).getTime()).to.be.closeTo(Date.now(), 60_000);
  });
});
