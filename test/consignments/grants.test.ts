import { expect } from 'chai';
import { LedgerEntry } from '../../entities/ledger-entry';
import { Disbursement } from '../../entities/consignment-disbursement';
import { testApp, TestApp } from '../support/app';

/**
 * The grant plan and disbursements of the e-commerce center in 2025 (seeded: plan 4 × 159,250,000 =
 * 637,000,000 = 예산현액; quarters 1 and 2 paid, 318,500,000).
 */
const PLAN_QUARTER = 159_250_000;

describe('consignments: grant plan and disbursements', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  const paidIn2025 = async () => {
    const rows = await t.ds.getRepository(Disbursement).findBy({ fiscalYear: 2025, status: 'paid' });
    return rows.reduce((s, d) => s + (d.paidAmount ?? 0), 0);
  };
  const ledgerGrants = async () => {
    const rows = await t.ds.getRepository(LedgerEntry).findBy({ fiscalYear: 2025, kind: 'execution', expenseItem: '민간위탁금' });
    return rows.filter((e) => e.sourceRef?.startsWith('disbursement:')).reduce((s, e) => s + e.amount, 0);
  };
  const grant = (quarter: number, amount: number, extra: Record<string, unknown> = {}) => ({
    consignment: 'EC-C01',
    fiscalYear: 2025,
    quarter,
    requestedOn: '2025-07-01',
    amount,
    decidedOn: '2025-07-02',
    paidOn: '2025-07-03',
    ...extra,
  });

  it("refuses a plan above the appropriation's 예산현액, with the figures", async () => {
    const res = await t
      .as('officer')
      .post('/api/grant-plans')
      .send({
        consignment: 'EC-C01',
        fiscalYear: 2025,
        quarters: [PLAN_QUARTER, PLAN_QUARTER, PLAN_QUARTER, PLAN_QUARTER + 1],
        reason: '증액',
      })
      .expect(409);
    expect(res.body.code).to.equal('plan_exceeds_appropriation');
    expect(res.body.figures).to.deep.equal({ planTotal: 637_000_001, currentBudget: 637_000_000, excess: 1 });
    expect(res.body.title_ko).to.include('예산현액');
  });

  it('a change to an approved plan is a new version and needs a reason', async () => {
    const noReason = await t
      .as('officer')
      .post('/api/grant-plans')
      .send({ consignment: 'EC-C01', fiscalYear: 2025, quarters: [PLAN_QUARTER, PLAN_QUARTER, 200_000_000, 118_500_000] })
      .expect(422);
    expect(noReason.body.errors[0].field).to.equal('reason');
    const v2 = await t
      .as('officer')
      .post('/api/grant-plans')
      .send({
        consignment: 'EC-C01',
        fiscalYear: 2025,
        quarters: [PLAN_QUARTER, PLAN_QUARTER, 200_000_000, 118_500_000],
        reason: '하반기 모니터링 조기 착수',
      })
      .expect(201);
    expect(v2.body).to.include({ version: 2, status: 'draft', total: 637_000_000 });
    const approved = await t.as('officer').post(`/api/grant-plans/${v2.body.id}/approve`).send({ approvedOn: '2025-06-20' }).expect(201);
    expect(approved.body.status).to.equal('approved');
    const plans = await t.as('council').get('/api/grant-plans?consignment=EC-C01&year=2025').expect(200);
    expect(plans.body.map((p: { version: number; status: string }) => [p.version, p.status])).to.deep.equal([
      [1, 'superseded'],
      [2, 'approved'],
    ]);
    await t.as('officer').post(`/api/grant-plans/${v2.body.id}/approve`).send({ approvedOn: '2025-06-21' }).expect(409);
  });

  it('refuses a payment above the plan to date, naming the figures', async () => {
    const before = await paidIn2025();
    const res = await t.as('officer').post('/api/disbursements').send(grant(2, 1)).expect(409);
    expect(res.body.code).to.equal('exceeds_grant_plan');
    expect(res.body.figures).to.include({
      planToDate: 2 * PLAN_QUARTER,
      granted: 2 * PLAN_QUARTER,
      requested: 1,
      available: 0,
      quarter: 2,
    });
    expect(res.body.title_ko).to.include('318,500,000원');
    expect(await paidIn2025()).to.equal(before);
    // quarter 3 of plan v2 is 200,000,000
    const over = await t.as('officer').post('/api/disbursements').send(grant(3, 200_000_001)).expect(409);
    expect(over.body.figures).to.include({ planToDate: 518_500_000, granted: 318_500_000, requested: 200_000_001, available: 200_000_000 });
    expect(await paidIn2025()).to.equal(before);
  });

  it('request → decision → payment posts one 집행 to the funding program', async () => {
    const ledgerBefore = await ledgerGrants();
    const req = await t
      .as('officer')
      .post('/api/disbursements')
      .send({ consignment: 'EC-C01', fiscalYear: 2025, quarter: 3, requestedOn: '2025-07-01', amount: 100_000_000 })
      .expect(201);
    expect(req.body.status).to.equal('requested');
    await t.as('officer').post(`/api/disbursements/${req.body.id}/payment`).send({ paidOn: '2025-07-05' }).expect(409);
    const dec = await t
      .as('officer')
      .post(`/api/disbursements/${req.body.id}/decision`)
      .send({ decidedOn: '2025-07-03', approve: true, amount: 90_000_000 })
      .expect(201);
    expect(dec.body).to.include({ status: 'decided', decidedAmount: 90_000_000 });
    const paid = await t.as('officer').post(`/api/disbursements/${req.body.id}/payment`).send({ paidOn: '2025-07-05' }).expect(201);
    expect(paid.body).to.include({ status: 'paid', paidAmount: 90_000_000, paidOn: '2025-07-05' });
    expect(await ledgerGrants()).to.equal(ledgerBefore + 90_000_000);
    const entry = await t.ds.getRepository(LedgerEntry).findOneByOrFail({ id: paid.body.ledgerEntryId });
    expect(entry).to.include({ kind: 'execution', amount: 90_000_000, entryDate: '2025-07-05', sourceRef: `disbursement:${req.body.id}` });
    await t.as('officer').post(`/api/disbursements/${req.body.id}/payment`).send({ paidOn: '2025-07-06' }).expect(409);
  });

  it('a replayed request with the same Idempotency-Key pays once', async () => {
    const before = await paidIn2025();
    const body = grant(3, 1_234_567);
    const first = await t.as('officer').post('/api/disbursements').set('Idempotency-Key', 'q3-grant-a').send(body).expect(201);
    const replay = await t.as('officer').post('/api/disbursements').set('Idempotency-Key', 'q3-grant-a').send(body).expect(201);
    expect(replay.headers['idempotent-replayed']).to.equal('true');
    expect(replay.body.id).to.equal(first.body.id);
    // replays racing each other still pay once
    const racing = await Promise.all(
      [1, 2, 3, 4, 5].map(() => t.as('officer').post('/api/disbursements').set('Idempotency-Key', 'q3-grant-b').send(body)),
    );
    for (const r of racing) expect([201, 409]).to.include(r.status);
    expect(racing.filter((r) => r.status === 201 && !r.headers['idempotent-replayed']).length).to.equal(1);
    expect(await paidIn2025()).to.equal(before + 2 * 1_234_567);
  });

  it("a lump-sum grant (일괄·신속교부) may run ahead of the quarters up to the year's plan, with a reason", async () => {
    const plan = 637_000_000;
    const paid = await paidIn2025();
    const noReason = await t
      .as('officer')
      .post('/api/disbursements')
      .send(grant(3, 10_000_000, { lumpSum: true }))
      .expect(422);
    expect(noReason.body.errors[0].field).to.equal('lumpSumReason');
    const left = plan - paid;
    const ahead = await t
      .as('officer')
      .post('/api/disbursements')
      .send(grant(3, left - 1000, { lumpSum: true, lumpSumReason: '집행 신속화(예시)' }))
      .expect(201);
    expect(ahead.body).to.include({ lumpSum: true, lumpSumReason: '집행 신속화(예시)', status: 'paid' });
    const beyond = await t
      .as('officer')
      .post('/api/disbursements')
      .send(grant(4, 1001, { lumpSum: true, lumpSumReason: '추가' }))
      .expect(409);
    expect(beyond.body.figures).to.include({ planToDate: plan, available: 1000, lumpSum: true });
    expect(await paidIn2025()).to.equal(plan - 1000);
  });

  it('a plan may not drop below what was already granted', async () => {
    const res = await t
      .as('officer')
      .post('/api/grant-plans')
      .send({ consignment: 'EC-C01', fiscalYear: 2025, quarters: [100, 0, 0, 0], reason: '감액' })
      .expect(409);
    expect(res.body.code).to.equal('plan_below_paid');
  });
});

describe('consignments: 50 concurrent payments', function () {
  let t: TestApp;
  before(async function () {
    t = await testApp();
  });
  after(async () => t?.close());

  // On SQLite every transaction is serialised, but the requests are still carried in groups (group commit)
  it('50 concurrent payment requests never take the grants above the plan; each is answered 201 or 409', async function () {
    const amount = 10_000_000;
    const available = 637_000_000 - 318_500_000; // quarter 4 of the seeded plan: the whole year
    const server = t.app.listen(0);
    try {
      const port = (server.address() as { port: number }).port;
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          fetch(`http://127.0.0.1:${port}/api/disbursements`, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              Authorization: `Bearer ${t.token.officer}`,
              'Idempotency-Key': `concurrent-${i}`,
            },
            body: JSON.stringify({
              consignment: 'EC-C01',
              fiscalYear: 2025,
              quarter: 4,
              requestedOn: '2025-10-01',
              amount,
              paidOn: '2025-10-02',
            }),
          }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: string; figures?: { available: number } } })),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(
        statuses.every((s) => s === 201 || s === 409),
        `statuses ${statuses.join(',')}`,
      ).to.equal(true);
      const ok = statuses.filter((s) => s === 201).length;
      expect(ok).to.equal(Math.floor(available / amount));
      for (const r of responses.filter((x) => x.status === 409)) expect(r.body.code).to.equal('exceeds_grant_plan');
      const paid = (await t.ds.getRepository(Disbursement).findBy({ fiscalYear: 2025, status: 'paid' })).reduce(
        (s, d) => s + (d.paidAmount ?? 0),
        0,
      );
      expect(paid).to.be.at.most(637_000_000);
      expect(paid).to.equal(318_500_000 + ok * amount);
      const ledger = (
        await t.ds.getRepository(LedgerEntry).findBy({ fiscalYear: 2025, kind: 'execution', expenseItem: '민간위탁금' })
      ).filter((e) => e.sourceRef?.startsWith('disbursement:'));
      expect(ledger.reduce((s, e) => s + e.amount, 0)).to.equal(paid);
      expect(await t.ds.getRepository(Disbursement).countBy({ fiscalYear: 2025 })).to.equal(2 + ok);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
