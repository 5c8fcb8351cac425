import { expect } from 'chai';
import { AuditRecord } from '../../entities/audit-record';
import { Disbursement } from '../../entities/consignment-disbursement';
import { LedgerEntry } from '../../entities/ledger-entry';
import { DomainError } from '../../domain/errors';
import { httpStatusOf } from '../../server/http/error-status';
import { RequestContext, systemContext } from '../../server/context';
import { createDisbursement, DisbursementInput, recordDisbursements } from '../../server/app/grants/disbursements';
import { inTransaction } from '../../server/db/transaction';
import { createConsignment } from '../../server/app/consignments/consignments';
import { paidTotal, totalsDrift } from '../../server/store/ledger/running-totals';
import { runSeedSteps } from '../../seeds/run-steps';
import { freshDatabase, TestDb } from '../support/db';
import { resolveConsignment } from '../../server/store/consignments/consignment-ref';

/**
 * Payments that arrive together are carried in one transaction (group commit). The seeded plan of
 * the e-commerce center for 2025 is 4 × 159,250,000 = 637,000,000 (= 예산현액), and quarters 1 and 2
 * are paid (318,500,000): 318,500,000 is left for quarter 4.
 */
describe('consignments: payments carried together in one transaction', function () {
  let db: TestDb;
  before(async () => {
    db = await freshDatabase();
    await runSeedSteps(
      db.ds,
      () => undefined,
      (f) => /^(010|020|040|090)-/.test(f),
    );
  });
  after(() => db.drop());

  const payment = (amount: number, extra: Partial<DisbursementInput> = {}): DisbursementInput => ({
    consignment: 'EC-C01',
    fiscalYear: 2025,
    quarter: 4,
    requestedOn: '2025-10-01',
    amount,
    paidOn: '2025-10-02',
    ...extra,
  });

  const settle = <T>(p: Promise<T>) =>
    p.then(
      (value) => value as T | DomainError,
      (e: DomainError) => e,
    );

  it('checks each payment of a group against what the ones before it left, so one transaction pays exactly what one-at-a-time would', async () => {
    const ctx = systemContext('grouped');
    const consignmentId = (await db.ds.getRepository(Disbursement).findOneByOrFail({ fiscalYear: 2025, quarter: 1 })).consignmentId;
    const before = await paidTotal(db.ds.manager, consignmentId, 2025);
    expect(before).to.equal(318_500_000);
    const amounts = [100_000_000, 200_000_000, 50_000_000, 18_500_000, 1];
    const outcomes = await inTransaction(db.ds, (tx) =>
      recordDisbursements(
        tx,
        amounts.map((a) => ({ ctx, input: payment(a) })),
      ),
    );
    const results = outcomes.map((o) => ('value' in o ? o.value : o.error));

    const [a, b, c, d, e] = results;
    for (const ok of [a, b, d]) expect(ok).to.be.instanceOf(Disbursement).and.to.include({ status: 'paid' });
    expect(c).to.be.instanceOf(DomainError);
    expect((c as DomainError).code).to.equal('exceeds_grant_plan');
    expect((c as DomainError).figures).to.include({ granted: 618_500_000, requested: 50_000_000, available: 18_500_000 });
    expect((e as DomainError).figures).to.include({ granted: 637_000_000, requested: 1, available: 0 });
    expect(await paidTotal(db.ds.manager, consignmentId, 2025)).to.equal(637_000_000);

    // each paid grant has its own 집행, naming it; the refused ones left nothing
    const paid = [a, b, d] as Disbursement[];
    for (const p of paid) {
      const entry = await db.ds.getRepository(LedgerEntry).findOneByOrFail({ id: p.ledgerEntryId! });
      expect(entry).to.include({ kind: 'execution', amount: p.paidAmount, sourceRef: `disbursement:${p.id}`, entryDate: '2025-10-02' });
      expect(await db.ds.getRepository(Disbursement).findOneByOrFail({ id: p.id })).to.include({
        ledgerEntryId: entry.id,
        paidAmount: p.paidAmount,
      });
    }
    expect(await db.ds.getRepository(Disbursement).countBy({ fiscalYear: 2025, quarter: 4 })).to.equal(3);
    expect((await totalsDrift(db.ds.manager)).drift).to.deep.equal([]);

    // the audit trail records each payment and its 집행, with the line as it stood before that one
    const audits = await db.ds.getRepository(AuditRecord).find({ where: { requestId: 'grouped' }, order: { id: 'ASC' } });
    expect(audits.filter((r) => r.action === 'disbursement.pay').map((r) => Number(r.entityId))).to.deep.equal(paid.map((p) => p.id));
    const executions = audits.filter((r) => r.action === 'ledger.execution');
    expect(executions.map((r) => Number(r.entityId))).to.deep.equal(paid.map((p) => p.ledgerEntryId));
    const executedBefore = executions.map((r) => (JSON.parse(r.before!) as { executed: number }).executed);
    expect(executedBefore[1] - executedBefore[0]).to.equal(100_000_000);
    expect(executedBefore[2] - executedBefore[1]).to.equal(200_000_000);
  });

  it('a consignment-year that cannot be paid refuses only its own requests in the group: no program-year that year, no funding program', async () => {
    const ctx = systemContext('grouped-3');
    await createConsignment(db.ds, ctx, {
      code: 'SELF-C1',
      name: '자립형 위탁사무 (시험)',
      consignmentType: 'facility',
      fundingType: 'self',
      orgCode: 'LFB-FAIR',
    });
    const consignmentId = (await resolveConsignment(db.ds.manager, 'EC-C01')).id;
    const before = await paidTotal(db.ds.manager, consignmentId, 2025);
    // the year's plan is fully granted by now (the test above), so a payment of EC-C01 in 2025 is refused for the plan
    const outcomes = await inTransaction(db.ds, (tx) =>
      recordDisbursements(tx, [
        { ctx, input: payment(1_000, { paidOn: undefined }) },
        { ctx, input: payment(1_000, { fiscalYear: 2030, requestedOn: '2030-10-01', paidOn: '2030-10-02' }) },
        { ctx, input: payment(1_000, { consignment: 'SELF-C1' }) },
        { ctx, input: payment(1_000, { consignment: 'NO-SUCH' }) },
        { ctx, input: payment(1_000) },
      ]),
    );
    const answers = outcomes.map((o) =>
      'value' in o ? (o.value as Disbursement).status : `${httpStatusOf(o.error as DomainError)} ${(o.error as DomainError).code}`,
    );
    expect(answers[0]).to.equal('requested');
    expect(answers[1], 'no program-year in 2030').to.match(/^404 /);
    expect(answers[2]).to.equal('422 fundingProgramRequired');
    expect(answers[3]).to.match(/^404 /);
    expect(answers[4]).to.equal('409 exceeds_grant_plan');
    expect((outcomes[4] as { error: DomainError }).error.figures).to.include({ granted: 637_000_000, available: 0 });
    expect(await paidTotal(db.ds.manager, consignmentId, 2025)).to.equal(before);
    expect(await db.ds.getRepository(Disbursement).countBy({ fiscalYear: 2030 })).to.equal(0);
    expect((await db.ds.getRepository(AuditRecord).findBy({ requestId: 'grouped-3' })).map((r) => r.action).sort()).to.deep.equal([
      'consignment.create',
      'disbursement.request',
    ]);
    expect((await totalsDrift(db.ds.manager)).drift).to.deep.equal([]);
  });

  it('a refusal of one of requests made together (another department, an unknown consignment, a bad quarter) answers only that one', async () => {
    const ctx = systemContext('grouped-2');
    const stranger: RequestContext = {
      actor: { id: null, name: 'other department', role: 'budget_officer', orgUnitId: -1 },
      requestId: 'grouped-2',
    };
    const results = await Promise.all(
      (
        [
          [ctx, payment(5, { paidOn: undefined })],
          [stranger, payment(5, { paidOn: undefined })],
          [ctx, payment(5, { paidOn: undefined, consignment: 'NO-SUCH' })],
          [ctx, payment(5, { paidOn: undefined, quarter: 5 })],
          [ctx, payment(5, { paidOn: undefined, decidedOn: '2025-10-03' })],
        ] as [RequestContext, DisbursementInput][]
      ).map(([c, input]) => settle(createDisbursement(db.ds, c, input))),
    );
    // a decision is checked against the plan to date (issue 17): the year's plan is fully granted by now
    // (the test above), so the decided one is refused with its figures, and only the request is recorded
    expect(results.map((r) => (r instanceof DomainError ? httpStatusOf(r) : (r as Disbursement).status))).to.deep.equal([
      'requested',
      403,
      404,
      422,
      409,
    ]);
    expect((results[4] as DomainError).code).to.equal('exceeds_grant_plan');
    const recorded = await db.ds.getRepository(Disbursement).find({ where: { fiscalYear: 2025, quarter: 4, requestedAmount: 5 } });
    expect(recorded.map((d) => d.status).sort()).to.deep.equal(['requested']);
    expect(await db.ds.getRepository(AuditRecord).countBy({ requestId: 'grouped-2' })).to.equal(1);
  });
});
