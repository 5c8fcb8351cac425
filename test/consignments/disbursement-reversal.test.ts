import { expect } from 'chai';
import { testApp, TestApp } from '../support/app';
import { LedgerEntry } from '../../entities/ledger-entry';
import { paidTotal, totalsDrift } from '../../server/store/ledger/running-totals';
import { grantStatus } from '../../server/queries/consignments/grants';
import { counts } from '../ledger/fixtures';

/** A paid grant is corrected by its reversal (교부 취소): payment, paid total and ledger move together. */
describe('consignments: reversing a paid grant', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const pay = (amount: number, paidOn = '2025-10-02') =>
    t
      .as('officer')
      .post('/api/disbursements')
      .send({ consignment: 'EC-C01', fiscalYear: 2025, quarter: 4, requestedOn: '2025-10-01', amount, paidOn });

  it('posts the opposite amounts, reverses the 집행, lowers the paid total, and frees the plan again', async () => {
    const paid = await pay(2_000_000);
    expect(paid.status, JSON.stringify(paid.body)).to.equal(201);
    const consignmentId = paid.body.consignmentId as number;
    const before = await paidTotal(t.ds.manager, consignmentId, 2025);

    const rev = await t
      .as('officer')
      .post(`/api/disbursements/${paid.body.id}/reversal`)
      .send({ reversedOn: '2025-10-05', reason: '금액 착오' });
    expect(rev.status, JSON.stringify(rev.body)).to.equal(201);
    expect(rev.body).to.include({ status: 'paid', paidAmount: -2_000_000, paidOn: '2025-10-05', reversalOfId: paid.body.id, quarter: 4 });
    expect(await paidTotal(t.ds.manager, consignmentId, 2025)).to.equal(before - 2_000_000);
    const entry = await t.ds.getRepository(LedgerEntry).findOneByOrFail({ id: rev.body.ledgerEntryId });
    expect(entry).to.include({
      kind: 'execution',
      amount: -2_000_000,
      entryDate: '2025-10-05',
      reversalOfId: paid.body.ledgerEntryId,
      sourceRef: `disbursement:${rev.body.id}`,
    });
    expect((await totalsDrift(t.ds.manager)).drift).to.deep.equal([]);
    // the grant-status report counts the reversal in its quarter
    expect((await grantStatus(t.ds.manager, consignmentId, 2025)).granted).to.equal(before - 2_000_000);

    const again = await t
      .as('officer')
      .post(`/api/disbursements/${paid.body.id}/reversal`)
      .send({ reversedOn: '2025-10-06', reason: '다시' });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('already_reversed');
    const ofReversal = await t
      .as('officer')
      .post(`/api/disbursements/${rev.body.id}/reversal`)
      .send({ reversedOn: '2025-10-06', reason: '다시' });
    expect(ofReversal.status).to.equal(409);
    expect(ofReversal.body.code).to.equal('reversal_of_reversal');
    // the right amount can now be paid
    expect((await pay(1_500_000, '2025-10-06')).status).to.equal(201);
  });

  it('refuses an unpaid grant and a date before the payment, writing nothing', async () => {
    const paid = await pay(1_000, '2025-10-10');
    expect(paid.status).to.equal(201);
    const requested = await t
      .as('officer')
      .post('/api/disbursements')
      .send({ consignment: 'EC-C01', fiscalYear: 2025, quarter: 4, requestedOn: '2025-10-01', amount: 1_000 });
    expect(requested.status).to.equal(201);
    const before = await counts(t);
    const early = await t
      .as('officer')
      .post(`/api/disbursements/${paid.body.id}/reversal`)
      .send({ reversedOn: '2025-10-09', reason: '착오' });
    expect(early.status).to.equal(422);
    expect(early.body.errors[0]).to.include({ field: 'reversedOn', rule: 'notBeforePayment' });
    const unpaid = await t
      .as('officer')
      .post(`/api/disbursements/${requested.body.id}/reversal`)
      .send({ reversedOn: '2025-10-11', reason: '착오' });
    expect(unpaid.status).to.equal(409);
    expect(unpaid.body.code).to.equal('not_paid');
    expect(
      await t
        .as('council')
        .post(`/api/disbursements/${paid.body.id}/reversal`)
        .send({ reversedOn: '2025-10-11', reason: '착오' })
        .then((r) => r.status),
    ).to.equal(403);
    expect(await counts(t)).to.deep.equal(before);
  });
});
