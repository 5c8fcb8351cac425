import { expect } from 'chai';
import { LedgerEntry } from '../../entities/ledger-entry';
import { testApp, TestApp } from '../support/app';

/**
 * Year-end settlement of the e-commerce center's 2025 (seeded: 318,500,000 granted; sample Q1 spending
 * 146,770,000 and interest 118,420). 반납액 = 교부액 + 이자 − 집행액 to the won; a category that overspends
 * its plan by more than the margin is flagged; a confirmed settlement posts the return and locks the year.
 */
describe('consignments: settlement (정산)', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  const executed2025 = async () =>
    (await t.ds.getRepository(LedgerEntry).findBy({ fiscalYear: 2025, kind: 'execution', expenseItem: '민간위탁금' })).reduce(
      (s, e) => s + e.amount,
      0,
    );
  const spend = (categoryCode: string, amount: number, quarter = 2, note?: string) =>
    t
      .as('officer')
      .post('/api/operator-entries')
      .send({
        consignment: 'EC-C01',
        fiscalYear: 2025,
        quarter,
        kind: 'spending',
        categoryCode,
        amount,
        entryDate: '2025-06-30',
        ...(note ? { note } : {}),
      });

  it('operator spending names a leaf category of the plan; a correction needs a note', async () => {
    expect((await spend('nonexistent', 1000)).status).to.equal(422);
    expect((await spend('project', 1000)).status).to.equal(422); // has sub-items
    expect((await spend('personnel', -1000)).status).to.equal(422);
    expect(
      (
        await t.as('officer').post('/api/operator-entries').send({
          consignment: 'EC-C01',
          fiscalYear: 2025,
          quarter: 2,
          kind: 'interest',
          categoryCode: 'personnel',
          amount: 10,
          entryDate: '2025-06-30',
        })
      ).status,
    ).to.equal(422);
  });

  it('반납액 = 교부액 + 이자 − 집행액 to the won; an overspent category is flagged', async () => {
    await spend('personnel', 40_123_457).expect(201);
    await spend('project.monitoring', 31_234_567).expect(201);
    await spend('project.mall-evaluation', 7_654_321).expect(201);
    // 운영비 plan 62,000,000: Q1 14,870,000 + 53,500,001 = 68,370,001 > 62,000,000 × 1.1 = 68,200,000
    await spend('operating', 53_500_001).expect(201);
    await spend('personnel', -23_457, 2, '급여 정정').expect(201);
    await t
      .as('officer')
      .post('/api/operator-entries')
      .send({ consignment: 'EC-C01', fiscalYear: 2025, quarter: 2, kind: 'interest', amount: 97_531, entryDate: '2025-06-30' })
      .expect(201);

    const entries = (await t.as('officer').get('/api/operator-entries?consignment=EC-C01&year=2025').expect(200)).body as {
      kind: string;
      amount: number;
    }[];
    const spent = entries.filter((e) => e.kind === 'spending').reduce((s, e) => s + e.amount, 0);
    const interest = entries.filter((e) => e.kind === 'interest').reduce((s, e) => s + e.amount, 0);
    const granted = (
      (await t.as('officer').get('/api/disbursements?consignment=EC-C01&year=2025').expect(200)).body as { paidAmount: number | null }[]
    ).reduce((s, d) => s + (d.paidAmount ?? 0), 0);

    const res = await t
      .as('officer')
      .post('/api/consignment-settlements')
      .send({ consignment: 'EC-C01', fiscalYear: 2025, submittedOn: '2025-12-20' })
      .expect(201);
    expect(res.body).to.include({ status: 'submitted', granted, spent, interest, returnAmount: granted + interest - spent, flagged: true });
    expect(res.body.returnAmount).to.equal(
      318_500_000 + 118_420 + 97_531 - (146_770_000 + 40_123_457 + 31_234_567 + 7_654_321 + 53_500_001 - 23_457),
    );
    expect(res.body.principalReturn + res.body.interestReturn).to.equal(res.body.returnAmount);
    const lines = Object.fromEntries((res.body.lines as { code: string; spent: number; overspent: boolean }[]).map((l) => [l.code, l]));
    expect(lines.operating).to.include({ spent: 68_370_001, overspent: true });
    expect(lines.personnel.overspent).to.equal(false);
    expect(lines.project.spent).to.equal(52_300_000 + 31_234_567 + 7_654_321);
  });

  it('confirmation needs a review, refuses stale figures, posts the unspent grant to the ledger and locks the year', async () => {
    const [s] = (
      (await t.as('officer').get('/api/consignment-settlements?consignment=EC-C01&year=2025').expect(200)).body as {
        id: number;
        status: string;
        returnAmount: number;
        granted: number;
        spent: number;
      }[]
    ).filter((x) => x.status === 'submitted');
    await t.as('officer').post(`/api/consignment-settlements/${s.id}/confirm`).send({ confirmedOn: '2025-12-29' }).expect(409);
    await t
      .as('officer')
      .post(`/api/consignment-settlements/${s.id}/review`)
      .send({ reviewedOn: '2025-12-22', note: '운영비 초과 사유 확인' })
      .expect(201);

    // a spending recorded after submission makes the figures stale
    await spend('personnel', 1, 4).expect(201);
    const stale = await t
      .as('officer')
      .post(`/api/consignment-settlements/${s.id}/confirm`)
      .send({ confirmedOn: '2025-12-29' })
      .expect(409);
    expect(stale.body.code).to.equal('settlement_stale');
    const again = await t
      .as('officer')
      .post('/api/consignment-settlements')
      .send({ consignment: 'EC-C01', fiscalYear: 2025, submittedOn: '2025-12-23' })
      .expect(201);
    expect(again.body.returnAmount).to.equal(s.returnAmount - 1);
    await t.as('officer').post(`/api/consignment-settlements/${again.body.id}/review`).send({ reviewedOn: '2025-12-24' }).expect(201);

    const before = await executed2025();
    const confirmed = await t
      .as('officer')
      .post(`/api/consignment-settlements/${again.body.id}/confirm`)
      .send({ confirmedOn: '2026-01-15' })
      .expect(201);
    expect(confirmed.body.status).to.equal('confirmed');
    const principal = again.body.granted - again.body.spent;
    expect(confirmed.body.principalReturn).to.equal(principal);
    expect(await executed2025()).to.equal(before - principal);
    const entry = await t.ds.getRepository(LedgerEntry).findOneByOrFail({ id: confirmed.body.returnEntryId });
    expect(entry).to.include({ amount: -principal, entryDate: '2025-12-31', sourceRef: `consignment-settlement:${again.body.id}` });
  });

  it('a confirmed settlement refuses every later write to that consignment-year', async () => {
    const firstGrant = (await t.as('officer').get('/api/disbursements?consignment=EC-C01&year=2025').expect(200)).body[0].id as number;
    const writes = [
      t
        .as('officer')
        .post('/api/disbursements')
        .send({ consignment: 'EC-C01', fiscalYear: 2025, quarter: 4, requestedOn: '2025-10-01', amount: 1000 }),
      t
        .as('officer')
        .post('/api/disbursements')
        .send({ consignment: 'EC-C01', fiscalYear: 2025, quarter: 4, requestedOn: '2025-10-01', amount: 1000, paidOn: '2025-10-02' }),
      t
        .as('officer')
        .post('/api/grant-plans')
        .send({ consignment: 'EC-C01', fiscalYear: 2025, quarters: [159_250_000, 159_250_000, 159_250_000, 159_250_000], reason: '변경' }),
      spend('personnel', 1000, 4),
      t
        .as('officer')
        .post('/api/operator-entries')
        .send({ consignment: 'EC-C01', fiscalYear: 2025, quarter: 4, kind: 'interest', amount: 5, entryDate: '2025-12-31' }),
      t.as('officer').post('/api/consignment-settlements').send({ consignment: 'EC-C01', fiscalYear: 2025, submittedOn: '2025-12-30' }),
      t.as('officer').post(`/api/disbursements/${firstGrant}/decision`).send({ decidedOn: '2025-12-30', approve: false }),
      t.as('officer').post(`/api/disbursements/${firstGrant}/payment`).send({ paidOn: '2025-12-30' }),
    ];
    for (const w of writes) {
      const res = await w;
      expect(res.status, JSON.stringify(res.body)).to.equal(409);
      expect(res.body.code).to.equal('consignment_year_settled');
    }
    const report = await t.as('council').get('/api/reports/consignment-settlement?consignment=EC-C01&year=2025').expect(200);
    const kv = report.body.sections[0].items.find((i: { label: string }) => i.label === '정산 상태');
    expect(kv.text).to.include('확정');
    const cats = report.body.sections.find((x: { title?: string }) => x.title === '비목별 집행 내역').rows;
    expect(cats.find((r: { cells: { name: { text: string } } }) => r.cells.name.text === '운영비').cells.note.text).to.include('초과');
  });
});
