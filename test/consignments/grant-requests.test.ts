import { expect } from 'chai';
import { AuditRecord } from '../../entities/audit-record';
import { Disbursement } from '../../entities/consignment-disbursement';
import { LedgerEntry } from '../../entities/ledger-entry';
import { testApp, TestApp } from '../support/app';

/**
 * 교부 신청 → 결정 → 교부 / 반려 / 철회 over the seeded e-commerce center 2025: plan 4 × 159,250,000
 * (= 예산현액 637,000,000), quarters 1 and 2 paid (318,500,000), so the plan to quarter 3 leaves 159,250,000.
 */
const QUARTER = 159_250_000;

describe('grant requests: 신청 → 결정 → 교부, 반려, 철회', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  const request = (amount: number, extra: Record<string, unknown> = {}) =>
    t
      .as('officer')
      .post('/api/grant-requests')
      .send({ consignment: 'EC-C01', fiscalYear: 2025, quarter: 3, requestedOn: '2025-07-01', amount, ...extra });

  let big1: number;
  let big2: number;

  it('records a request beyond the plan to date, answered with a warning and its figures (the issue: 900,000,000 twice)', async () => {
    const first = await request(900_000_000).expect(201);
    expect(first.body).to.include({ status: 'requested', requestedAmount: 900_000_000, paidOn: null, decidedOn: null });
    expect(first.body.requestedById).to.be.a('number');
    expect(first.body.warning.code).to.equal('exceeds_plan_to_date');
    expect(first.body.warning.figures).to.include({ planToDate: 3 * QUARTER, paid: 2 * QUARTER, pending: 0, requested: 900_000_000 });
    expect(first.body.warning.message_ko).to.include('477,750,000원');
    big1 = first.body.id;
    const second = await request(900_000_000).expect(201);
    // the first request, still pending, counts against the second
    expect(second.body.warning.figures).to.include({ pending: 900_000_000, available: 0 });
    big2 = second.body.id;
    const small = await request(1_000).expect(201);
    expect(small.body.warning.code).to.equal('exceeds_plan_to_date');
    // nothing was paid or posted by a request
    const rows = await t.ds.getRepository(Disbursement).findBy({ fiscalYear: 2025, status: 'paid' });
    expect(rows.reduce((s, d) => s + Number(d.paidAmount), 0)).to.equal(2 * QUARTER);
  });

  it('lists pending requests with their age in days, for the roles that decide (and council staff who read)', async () => {
    const res = await t.as('officer').get('/api/grant-requests?consignment=EC-C01&asOf=2025-07-11').expect(200);
    const mine = res.body.items.find((r: { id: number }) => r.id === big1);
    expect(mine).to.include({ status: 'requested', statusKo: '신청', ageDays: 10, consignmentCode: 'EC-C01' });
    const other = await t.as('officer2').get('/api/grant-requests').expect(200);
    expect(other.body.items.map((r: { id: number }) => r.id)).to.not.include(big1);
    await t.as('inspector').get('/api/grant-requests').expect(403);
  });

  it('refuses an approval above the plan to date at decision time, with the figures', async () => {
    const res = await t
      .as('officer')
      .post(`/api/grant-requests/${big1}/decision`)
      .send({ decidedOn: '2025-07-02', approve: true })
      .expect(409);
    expect(res.body.code).to.equal('exceeds_grant_plan');
    expect(res.body.figures).to.include({
      planToDate: 3 * QUARTER,
      granted: 2 * QUARTER,
      committed: 0,
      requested: 900_000_000,
      available: QUARTER,
    });
    expect(res.body.errors[0].message_ko).to.include('159,250,000원');
    const row = await t.ds.getRepository(Disbursement).findOneByOrFail({ id: big1 });
    expect(row.status).to.equal('requested');
  });

  it('approves part of a request (dated, attributed, audited); a second decision is refused', async () => {
    const res = await t
      .as('officer')
      .post(`/api/grant-requests/${big1}/decision`)
      .send({ decidedOn: '2025-07-02', approve: true, amount: QUARTER })
      .expect(201);
    expect(res.body).to.include({ status: 'decided', decidedAmount: QUARTER, decidedOn: '2025-07-02' });
    expect(res.body.decidedById).to.be.a('number');
    const again = await t
      .as('officer')
      .post(`/api/grant-requests/${big1}/decision`)
      .send({ decidedOn: '2025-07-03', approve: true, amount: 1 })
      .expect(409);
    expect(again.body.code).to.equal('not_requested');
    const audits = await t.ds.getRepository(AuditRecord).findBy({ entity: 'disbursement', entityId: String(big1) } as never);
    expect(audits.map((a) => a.action)).to.include('disbursement.decide');
  });

  it('counts what other decisions committed: nothing is left to decide on the second request', async () => {
    const res = await t
      .as('officer')
      .post(`/api/grant-requests/${big2}/decision`)
      .send({ decidedOn: '2025-07-02', approve: true, amount: 1 })
      .expect(409);
    expect(res.body.figures).to.include({ committed: QUARTER, available: 0 });
  });

  it('rejects (반려) only with a reason', async () => {
    const noReason = await t
      .as('officer')
      .post(`/api/grant-requests/${big2}/decision`)
      .send({ decidedOn: '2025-07-02', approve: false })
      .expect(422);
    expect(noReason.body.errors[0].field).to.equal('reason');
    const res = await t
      .as('officer')
      .post(`/api/grant-requests/${big2}/decision`)
      .send({ decidedOn: '2025-07-02', approve: false, reason: '분기 계획 초과' })
      .expect(201);
    expect(res.body).to.include({ status: 'rejected', decisionReason: '분기 계획 초과' });
    await t.as('officer').post(`/api/grant-requests/${big2}/payment`).send({ paidOn: '2025-07-03' }).expect(409);
  });

  it('pays a decided request once: the ledger 집행 is posted, a second payment is refused', async () => {
    const res = await t.as('officer').post(`/api/grant-requests/${big1}/payment`).send({ paidOn: '2025-07-03' }).expect(201);
    expect(res.body).to.include({ status: 'paid', paidAmount: QUARTER, paidOn: '2025-07-03' });
    expect(res.body.paidById).to.be.a('number');
    const entry = await t.ds.getRepository(LedgerEntry).findOneByOrFail({ sourceRef: `disbursement:${big1}` });
    expect(entry).to.include({ kind: 'execution', amount: QUARTER });
    const twice = await t.as('officer').post(`/api/grant-requests/${big1}/payment`).send({ paidOn: '2025-07-04' }).expect(409);
    expect(twice.body.code).to.equal('not_decided');
    expect(twice.body.title_ko).to.equal('이미 교부되었습니다');
    expect(await t.ds.getRepository(LedgerEntry).countBy({ sourceRef: `disbursement:${big1}` })).to.equal(1);
  });

  it('a payment is refused before the decision', async () => {
    const r = await request(2_000).expect(201);
    const res = await t.as('officer').post(`/api/grant-requests/${r.body.id}/payment`).send({ paidOn: '2025-07-03' }).expect(409);
    expect(res.body.code).to.equal('not_decided');
  });

  it('철회 by its requester; not by someone else; not once decided and withdrawn', async () => {
    const r = await request(3_000).expect(201);
    // another department's officer does not even see it
    await t.as('officer2').post(`/api/grant-requests/${r.body.id}/withdrawal`).send({ withdrawnOn: '2025-07-05' }).expect(403);
    const early = await t.as('officer').post(`/api/grant-requests/${r.body.id}/withdrawal`).send({ withdrawnOn: '2025-06-30' }).expect(422);
    expect(early.body.errors[0].field).to.equal('withdrawnOn');
    const res = await t
      .as('officer')
      .post(`/api/grant-requests/${r.body.id}/withdrawal`)
      .send({ withdrawnOn: '2025-07-05', reason: '수탁기관 요청' })
      .expect(201);
    expect(res.body).to.include({ status: 'withdrawn', withdrawnOn: '2025-07-05' });
    await t.as('officer').post(`/api/grant-requests/${r.body.id}/decision`).send({ decidedOn: '2025-07-06', approve: true }).expect(409);
    await t.as('officer').post(`/api/grant-requests/${r.body.id}/withdrawal`).send({ withdrawnOn: '2025-07-06' }).expect(409);
  });

  it("another department's officer cannot decide or pay", async () => {
    const r = await request(4_000).expect(201);
    await t
      .as('officer2')
      .post(`/api/grant-requests/${r.body.id}/decision`)
      .send({ decidedOn: '2025-07-06', approve: false, reason: 'x' })
      .expect(403);
    await t.as('officer2').post(`/api/grant-requests/${r.body.id}/payment`).send({ paidOn: '2025-07-06' }).expect(403);
    await t
      .as('council')
      .post(`/api/grant-requests/${r.body.id}/decision`)
      .send({ decidedOn: '2025-07-06', approve: false, reason: 'x' })
      .expect(403);
  });
});
