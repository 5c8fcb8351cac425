import { expect } from 'chai';
import { testApp, TestApp } from '../support/app';
import { counts, freshProgramYear } from './fixtures';
import { expenseLineFigures } from '../../server/app/ledger/ledger';
import { totalsDrift } from '../../server/store/ledger/running-totals';

/** A recorded 전용 · 이용 · 이체 is corrected by its reversal, never edited. */
describe('ledger: reversing a transfer', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const transfer = (py: { id: number; item: string }, amount: number) =>
    t.as('officer').post('/api/transfers').send({
      kind: 'item',
      transferDate: '2025-04-10',
      amount,
      fromProgramYearId: py.id,
      fromItem: py.item,
      toProgramYearId: py.id,
      toItem: '시설비',
      reason: '공사비 부족',
    });

  it('moves the amount back on both lines, with entries that name the ones they reverse, once', async () => {
    const py = await freshProgramYear(t, { amount: 1_000_000 });
    const tr = await transfer(py, 300_000);
    expect(tr.status, JSON.stringify(tr.body)).to.equal(201);
    const rev = await t
      .as('officer')
      .post(`/api/transfers/${tr.body.id}/reversal`)
      .send({ transferDate: '2025-04-12', reason: '편성목 착오' });
    expect(rev.status, JSON.stringify(rev.body)).to.equal(201);
    expect(rev.body).to.include({
      kind: 'item',
      amount: 300_000,
      reversalOfId: tr.body.id,
      fromItem: '시설비',
      toItem: py.item,
      transferDate: '2025-04-12',
    });
    expect(await expenseLineFigures(t.ds.manager, py.id, py.item)).to.include({ changes: 0, current: 1_000_000 });
    expect(await expenseLineFigures(t.ds.manager, py.id, '시설비')).to.include({ changes: 0, current: 0 });
    const entries = (await t.as('officer').get('/api/ledger-entries').query({ programYearId: py.id, pageSize: 50 })).body.items as {
      id: number;
      transferId: number | null;
      reversalOfId: number | null;
      amount: number;
    }[];
    const originals = entries.filter((e) => e.transferId === tr.body.id);
    const reversals = entries.filter((e) => e.transferId === rev.body.id);
    expect(reversals.map((e) => e.reversalOfId).sort()).to.deep.equal(originals.map((e) => e.id).sort());
    expect(reversals.map((e) => e.amount).sort((a, b) => a - b)).to.deep.equal([-300_000, 300_000]);

    const again = await t.as('officer').post(`/api/transfers/${tr.body.id}/reversal`).send({ transferDate: '2025-04-13', reason: '다시' });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('already_reversed');
    const ofReversal = await t
      .as('officer')
      .post(`/api/transfers/${rev.body.id}/reversal`)
      .send({ transferDate: '2025-04-13', reason: '다시' });
    expect(ofReversal.status).to.equal(409);
    expect(ofReversal.body.code).to.equal('reversal_of_reversal');
    const oneEntry = await t
      .as('officer')
      .post(`/api/ledger-entries/${originals[0].id}/reversal`)
      .send({ entryDate: '2025-04-13', reason: '한쪽만' });
    expect(oneEntry.status).to.equal(409);
    expect(oneEntry.body.code).to.equal('reverse_through_transfer');
    expect((await totalsDrift(t.ds.manager)).drift).to.deep.equal([]);
  });

  it('is refused when the receiving line has spent the money, or when dated before the transfer, and writes nothing', async () => {
    const py = await freshProgramYear(t, { amount: 1_000_000 });
    const tr = await transfer(py, 300_000);
    expect(tr.status).to.equal(201);
    const spent = await t
      .as('officer')
      .post('/api/ledger-entries')
      .send({ programYearId: py.id, expenseItem: '시설비', kind: 'execution', amount: 250_000, entryDate: '2025-05-01' });
    expect(spent.status, JSON.stringify(spent.body)).to.equal(201);
    const before = await counts(t);
    const refused = await t
      .as('officer')
      .post(`/api/transfers/${tr.body.id}/reversal`)
      .send({ transferDate: '2025-05-02', reason: '취소' });
    expect(refused.status).to.equal(409);
    expect(refused.body.code).to.equal('line_below_zero');
    expect(refused.body.figures.available).to.equal(50_000);
    const early = await t.as('officer').post(`/api/transfers/${tr.body.id}/reversal`).send({ transferDate: '2025-04-09', reason: '취소' });
    expect(early.status).to.equal(422);
    expect(early.body.errors[0]).to.include({ field: 'transferDate', rule: 'notBeforeTransfer' });
    expect(await counts(t)).to.deep.equal(before);
  });

  it('returns a whole program moved by 이체 to its department', async () => {
    const py = await freshProgramYear(t, { amount: 2_000_000 });
    const [target] = (await t.ds.query("SELECT id FROM org_units WHERE code = 'SCB-COMM'")) as { id: number }[];
    const moved = await t.as('officer').post('/api/transfers').send({
      kind: 'org',
      transferDate: '2025-03-01',
      amount: 2_000_000,
      fromProgramYearId: py.id,
      fromItem: py.item,
      toProgramYearId: py.id,
      toItem: py.item,
      toOrgUnitId: target.id,
      reason: '조직개편',
    });
    expect(moved.status, JSON.stringify(moved.body)).to.equal(201);
    const execution = (who: 'officer' | 'officer2') =>
      t
        .as(who)
        .post('/api/ledger-entries')
        .send({ programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 1_000, entryDate: '2025-03-05' });
    expect((await execution('officer')).status, 'the old department no longer owns it').to.equal(403);
    const back = await t
      .as('officer2')
      .post(`/api/transfers/${moved.body.id}/reversal`)
      .send({ transferDate: '2025-03-02', reason: '이체 착오' });
    expect(back.status, JSON.stringify(back.body)).to.equal(201);
    expect(back.body).to.include({ kind: 'org', fromOrgUnitId: target.id, reversalOfId: moved.body.id });
    expect((await execution('officer')).status).to.equal(201);
    expect((await execution('officer2')).status).to.equal(403);
  });
});
