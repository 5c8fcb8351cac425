import { expect } from 'chai';
import { testApp, TestApp } from '../support/app';
import { freshProgramYear } from './fixtures';

describe('ledger: 전용 and the committee-report deadline', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('the seeded 2018 전용 (Feb, reported Nov) is known as reported late under the rule in force', async () => {
    const res = await t.as('council').get('/api/transfers').query({ year: 2018, kind: 'item' });
    expect(res.status).to.equal(200);
    expect(res.body.items).to.have.length(1);
    const tr = res.body.items[0];
    expect(tr).to.include({
      amount: 53_660_000,
      fromItem: '사무관리비',
      toItem: '시설비',
      reportStatus: 'reported_late',
      reportDeadline: '2018-06-30',
    });
    expect(tr.ruleVersionId).to.be.a('number');
  });

  it('a 전용 cannot take its source line below zero', async () => {
    const py = await freshProgramYear(t, { amount: 100_000 });
    await t
      .as('officer')
      .post('/api/ledger-entries')
      .send({ programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 80_000, entryDate: '2025-02-01' });
    const res = await t.as('officer').post('/api/transfers').send({
      kind: 'item',
      transferDate: '2025-02-10',
      amount: 20_001,
      fromProgramYearId: py.id,
      fromItem: py.item,
      toProgramYearId: py.id,
      toItem: '시설비',
      reason: '공사비 부족',
    });
    expect(res.status).to.equal(409);
    expect(res.body.code).to.equal('line_below_zero');
    expect(res.body.figures.available).to.equal(20_000);
  });

  it('an unreported 전용 becomes overdue after the end of the following quarter; reporting it records the date once', async () => {
    const py = await freshProgramYear(t, { amount: 100_000 });
    const res = await t.as('officer').post('/api/transfers').send({
      kind: 'item',
      transferDate: '2025-02-10',
      amount: 30_000,
      fromProgramYearId: py.id,
      fromItem: py.item,
      toProgramYearId: py.id,
      toItem: '시설비',
      reason: '공사비 부족',
    });
    expect(res.status).to.equal(201);
    const list = async (asOf: string) =>
      (await t.as('council').get('/api/transfers').query({ year: 2025, kind: 'item', asOf })).body.items.find(
        (x: { id: number }) => x.id === res.body.id,
      );
    expect((await list('2025-06-30')).reportStatus).to.equal('unreported');
    expect((await list('2025-07-01')).reportStatus).to.equal('unreported_overdue');
    const overdue = await t.as('council').get('/api/transfers').query({ year: 2025, status: 'unreported_overdue', asOf: '2025-07-01' });
    expect(overdue.body.items.map((x: { id: number }) => x.id)).to.include(res.body.id);
    const detail = await t.as('officer').get(`/api/program-years/${py.id}`);
    expect(detail.body.figures.items['시설비'].current).to.equal(30_000);
    expect(detail.body.figures.items[py.item].current).to.equal(70_000);
    expect(detail.body.figures.total.current).to.equal(100_000);
    const rep = await t.as('officer').post(`/api/transfers/${res.body.id}/committee-report`).send({ reportedOn: '2025-05-20' });
    expect(rep.status).to.equal(201);
    expect((await list('2025-12-31')).reportStatus).to.equal('reported');
    const twice = await t.as('officer').post(`/api/transfers/${res.body.id}/committee-report`).send({ reportedOn: '2025-05-21' });
    expect(twice.status).to.equal(409);
  });

  it('이용 between programs needs the council approval reference', async () => {
    const a = await freshProgramYear(t);
    const b = await freshProgramYear(t);
    const body = {
      kind: 'program',
      transferDate: '2025-04-01',
      amount: 10_000,
      fromProgramYearId: a.id,
      fromItem: a.item,
      toProgramYearId: b.id,
      toItem: b.item,
      reason: '사업 조정',
    };
    const refused = await t.as('officer').post('/api/transfers').send(body);
    expect(refused.status).to.equal(422);
    expect(refused.body.errors[0].field).to.equal('approvalRef');
    const ok = await t
      .as('officer')
      .post('/api/transfers')
      .send({ ...body, approvalRef: '제311회 정례회 의결' });
    expect(ok.status).to.equal(201);
  });
});
