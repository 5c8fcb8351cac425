import { expect } from 'chai';
import { testApp, TestApp } from '../support/app';
import { counts, freshProgramYear } from './fixtures';

describe('ledger: a replayed POST with the same Idempotency-Key writes once', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('returns the first answer, writes one entry, and refuses the key with another body', async () => {
    const py = await freshProgramYear(t, { amount: 1_000_000 });
    const body = { programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 250_000, entryDate: '2025-05-02' };
    const first = await t.as('officer').post('/api/ledger-entries').set('Idempotency-Key', 'pay-2025-05-02-a').send(body);
    expect(first.status).to.equal(201);
    const before = await counts(t);
    const replay = await t.as('officer').post('/api/ledger-entries').set('Idempotency-Key', 'pay-2025-05-02-a').send(body);
    expect(replay.status).to.equal(201);
    expect(replay.headers['idempotent-replayed']).to.equal('true');
    expect(replay.body).to.deep.equal(first.body);
    expect(await counts(t)).to.deep.equal(before);
    const detail = await t.as('officer').get(`/api/program-years/${py.id}`);
    expect(detail.body.figures.total.executed).to.equal(250_000);

    const other = await t
      .as('officer')
      .post('/api/ledger-entries')
      .set('Idempotency-Key', 'pay-2025-05-02-a')
      .send({ ...body, amount: 1 });
    expect(other.status).to.equal(422);
    expect(other.body.code).to.equal('idempotency_key_reused');
    expect(await counts(t)).to.deep.equal(before);
  });

  it('a refused request is replayed as the same refusal, not run again', async () => {
    const py = await freshProgramYear(t, { amount: 10 });
    const body = { programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 11, entryDate: '2025-05-02' };
    const first = await t.as('officer').post('/api/ledger-entries').set('Idempotency-Key', 'too-much').send(body);
    expect(first.status).to.equal(409);
    const replay = await t.as('officer').post('/api/ledger-entries').set('Idempotency-Key', 'too-much').send(body);
    expect(replay.status).to.equal(409);
    expect(replay.body.code).to.equal('exceeds_current_budget');
  });

  it('keys are per user: the same key from another user is a different request', async () => {
    const py = await freshProgramYear(t, { org: 'SCB-COMM', officer: 'officer2' });
    const body = { programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 5, entryDate: '2025-05-02' };
    const a = await t.as('officer2').post('/api/ledger-entries').set('Idempotency-Key', 'shared-key').send(body);
    const b = await t.as('officer').post('/api/ledger-entries').set('Idempotency-Key', 'shared-key').send(body);
    expect(a.status).to.equal(201);
    expect(b.status).to.equal(403);
  });
});
