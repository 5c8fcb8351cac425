import { expect } from 'chai';
import { IdempotencyRecord } from '../../entities/idempotency-record';
import { LedgerEntry } from '../../entities/ledger-entry';
import { Disbursement } from '../../entities/consignment-disbursement';
import { User } from '../../entities/user';
import { createApp } from '../../server/app';
import { canonicalJson, canonicalJsonHash } from '../../server/http/canonical-json';
import { cap, purgeExpiredIdempotencyRecords, STORED_BODY_CAP } from '../../server/http/idempotency';
import supertest from 'supertest';
import { testApp, TestApp } from '../support/app';
import { freshProgramYear } from '../ledger/fixtures';
import { roundTrips } from '../support/round-trips';

const HOUR = 3600 * 1000;

describe('idempotency: canonical request hash', () => {
  it('writes objects with their keys sorted, at any depth, and hashes the same body in another order the same', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }], e: undefined })).to.equal('{"a":[{"c":null,"d":"x"}],"b":1}');
    expect(canonicalJsonHash({ a: 1, b: { c: 2, d: 3 } })).to.equal(canonicalJsonHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(canonicalJsonHash({ a: 1 })).not.to.equal(canonicalJsonHash({ a: 2 }));
    expect(canonicalJsonHash([1, 2])).not.to.equal(canonicalJsonHash([2, 1]));
  });

  it('hashes a body nested 200,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = i % 2 ? [deep] : { k: deep };
    expect(canonicalJsonHash(deep)).to.match(/^[0-9a-f]{64}$/);
  });
});

describe('idempotency: stored bodies are capped', () => {
  it('a refusal echoing a 1.9 MB value is stored shortened, keeping its code, fields and rules', () => {
    const problem = JSON.stringify({
      type: 'urn:ledger:problem:validation_failed',
      status: 400,
      code: 'validation_failed',
      errors: [{ field: 'consignment', rule: 'maxLength', message: 'x'.repeat(1_900_000), message_ko: '가'.repeat(30_000) }],
    });
    const stored = cap(400, problem);
    expect(Buffer.byteLength(stored.responseBody!)).to.be.at.most(STORED_BODY_CAP);
    expect(stored.truncated).to.equal(true);
    const body = JSON.parse(stored.responseBody!);
    expect(body).to.include({ code: 'validation_failed', status: 400 });
    expect(body.errors[0]).to.include({ field: 'consignment', rule: 'maxLength' });
    expect(cap(201, '{"id":1}')).to.deep.equal({ status: 201, responseBody: '{"id":1}', truncated: false });
  });
});

describe('idempotency: keys through the API', function () {
  let t: TestApp;
  let officerId: number;
  before(async () => {
    t = await testApp();
    officerId = (await t.ds.getRepository(User).findOneByOrFail({ username: 'officer' })).id;
  });
  after(() => t.close());

  const entries = (programYearId: number) => t.ds.getRepository(LedgerEntry).countBy({ programYearId });
  const records = () => t.ds.getRepository(IdempotencyRecord);

  it('accepts the same body with its keys in another order as a replay (canonical JSON), not as another request', async () => {
    const py = await freshProgramYear(t);
    const body = { programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 7, entryDate: '2025-05-02' };
    const reordered = { entryDate: '2025-05-02', amount: 7, kind: 'execution', expenseItem: py.item, programYearId: py.id };
    const first = await t.as('officer').post('/api/ledger-entries').set('Idempotency-Key', 'canonical-1').send(body);
    expect(first.status).to.equal(201);
    const replay = await t.as('officer').post('/api/ledger-entries').set('Idempotency-Key', 'canonical-1').send(reordered);
    expect(replay.status, JSON.stringify(replay.body)).to.equal(201);
    expect(replay.headers['idempotent-replayed']).to.equal('true');
    expect(replay.body).to.deep.equal(first.body);
    expect(await entries(py.id)).to.equal(1);
  });

  it('stores the work and its answer in one transaction: the record is complete when the answer arrives', async () => {
    const py = await freshProgramYear(t);
    const body = { programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 9, entryDate: '2025-05-02' };
    const res = await t.as('officer').post('/api/ledger-entries').set('Idempotency-Key', 'one-tx').send(body);
    expect(res.status).to.equal(201);
    const record = await records().findOneByOrFail({ idemKey: 'one-tx' });
    expect(record).to.include({ status: 201, truncated: false, lockedUntil: null });
    expect(JSON.parse(record.responseBody!)).to.deep.equal(res.body);
    expect(record.expiresAt!.getTime() - Date.now()).to.be.within(23 * HOUR, 24 * HOUR + 60_000);
  });

  it('a refusal echoing a long value is stored capped and replayed with its code; a 1.9 MB body is refused before any key is taken', async () => {
    const huge = { consignment: 'x'.repeat(1_900_000), fiscalYear: 2025, quarter: 4, requestedOn: '2025-10-01', amount: 5 };
    const refused = await t.as('officer').post('/api/disbursements').set('Idempotency-Key', 'huge-body').send(huge);
    expect(refused.status).to.equal(413);
    expect(await records().countBy({ idemKey: 'huge-body' })).to.equal(0);
    // under the body limit (512 kB), the value is still far longer than any problem may echo
    const body = { consignment: 'x'.repeat(400_000), fiscalYear: 2025, quarter: 4, requestedOn: '2025-10-01', amount: 5 };
    const first = await t.as('officer').post('/api/disbursements').set('Idempotency-Key', 'huge-echo').send(body);
    expect(first.status).to.equal(400);
    const record = await records().findOneByOrFail({ idemKey: 'huge-echo' });
    expect(Buffer.byteLength(record.responseBody!)).to.be.at.most(STORED_BODY_CAP);
    const replay = await t.as('officer').post('/api/disbursements').set('Idempotency-Key', 'huge-echo').send(body);
    expect(replay.status).to.equal(400);
    expect(replay.headers['idempotent-replayed']).to.equal('true');
    expect(replay.body.code).to.equal(first.body.code);
    expect(replay.body.errors[0]).to.include({ field: 'consignment', rule: first.body.errors[0].rule });
    if (JSON.stringify(first.body).length > STORED_BODY_CAP) expect(replay.headers['idempotent-replay-truncated']).to.equal('true');
  });

  it('a claim whose request died is taken over after its lease: the retry runs the work once — never 409 for ever', async () => {
    const py = await freshProgramYear(t);
    const body = { programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 11, entryDate: '2025-05-02' };
    const scope = `${officerId}:POST:/api/ledger-entries`;
    const requestHash = canonicalJsonHash(body);
    const now = Date.now();
    // what the three-transaction scheme left behind after a crash: a claim without an answer
    await records().insert([
      { scope, idemKey: 'died', requestHash, status: null, responseBody: null, createdAt: new Date(now - 2 * 60_000) },
      {
        scope,
        idemKey: 'running',
        requestHash,
        status: null,
        responseBody: null,
        createdAt: new Date(now),
        lockedUntil: new Date(now + 60_000),
        expiresAt: new Date(now + 24 * HOUR),
      },
    ]);
    const retry = await t.as('officer').post('/api/ledger-entries').set('Idempotency-Key', 'died').send(body);
    expect(retry.status, JSON.stringify(retry.body)).to.equal(201);
    expect(retry.headers['idempotent-replayed']).to.equal(undefined);
    const again = await t.as('officer').post('/api/ledger-entries').set('Idempotency-Key', 'died').send(body);
    expect(again.headers['idempotent-replayed']).to.equal('true');
    expect(again.body).to.deep.equal(retry.body);
    expect(await entries(py.id)).to.equal(1);
    expect(await records().countBy({ idemKey: 'died' })).to.equal(1);

    const running = await t.as('officer').post('/api/ledger-entries').set('Idempotency-Key', 'running').send(body);
    expect(running.status).to.equal(409);
    expect(running.body.code).to.equal('idempotent_request_in_progress');
    expect(await entries(py.id)).to.equal(1);
  });

  it('stored answers expire after 24 hours: the key may then be used afresh, and the purge deletes them', async () => {
    const py = await freshProgramYear(t);
    const body = { programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 13, entryDate: '2025-05-02' };
    const first = await t.as('officer').post('/api/ledger-entries').set('Idempotency-Key', 'old-key').send(body);
    expect(first.status).to.equal(201);
    await records().update({ idemKey: 'old-key' }, { expiresAt: new Date(Date.now() - 1000) });
    const reused = await t
      .as('officer')
      .post('/api/ledger-entries')
      .set('Idempotency-Key', 'old-key')
      .send({ ...body, amount: 14 });
    expect(reused.status, JSON.stringify(reused.body)).to.equal(201);
    expect(reused.headers['idempotent-replayed']).to.equal(undefined);
    expect(await entries(py.id)).to.equal(2);

    const live = await records().count();
    await records().update({ idemKey: 'old-key' }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await purgeExpiredIdempotencyRecords(t.ds)).to.equal(1);
    expect(await records().count()).to.equal(live - 1);
    expect(await records().countBy({ idemKey: 'old-key' })).to.equal(0);
  });

  it('grouped payments store each answer with their group; a refusal in the group is stored as its answer', async () => {
    const pay = (amount: number) => ({
      consignment: 'EC-C01',
      fiscalYear: 2025,
      quarter: 4,
      requestedOn: '2025-10-01',
      amount,
      paidOn: '2025-10-02',
    });
    const server = t.app.listen(0);
    try {
      const port = (server.address() as { port: number }).port;
      const post = (key: string, body: object) =>
        fetch(`http://127.0.0.1:${port}/api/disbursements`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t.token.officer}`, 'Idempotency-Key': key },
          body: JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: string; id?: number } }));
      const bodies = [pay(1_001), pay(1_002), pay(10_000_000_000), pay(1_003), pay(1_004)];
      const answers = await Promise.all(bodies.map((b, i) => post(`group-${i}`, b)));
      expect(answers.map((a) => a.status)).to.deep.equal([201, 201, 409, 201, 201]);
      for (const [i, a] of answers.entries()) {
        const record = await records().findOneByOrFail({ idemKey: `group-${i}` });
        expect(record.status).to.equal(a.status);
        expect(JSON.parse(record.responseBody!)).to.deep.equal(a.body);
      }
      const replays = await Promise.all(bodies.map((b, i) => post(`group-${i}`, b)));
      expect(replays).to.deep.equal(answers);
      expect(await t.ds.getRepository(Disbursement).countBy({ requestedAmount: 10_000_000_000 })).to.equal(0);
    } finally {
      server.close();
    }
  });

  it('two servers racing one key on a grouped payment: one runs, the other replays its answer', async () => {
    // a second app over the same database: its own in-process waiting, as another process would have
    const other = supertest(createApp(t.ds, { web: false }).app);
    const body = { consignment: 'EC-C01', fiscalYear: 2025, quarter: 4, requestedOn: '2025-10-01', amount: 2_027, paidOn: '2025-10-02' };
    const [a, b] = await Promise.all([
      t.as('officer').post('/api/disbursements').set('Idempotency-Key', 'two-servers').send(body),
      other.post('/api/disbursements').set('Authorization', `Bearer ${t.token.officer}`).set('Idempotency-Key', 'two-servers').send(body),
    ]);
    expect([a.status, b.status]).to.deep.equal([201, 201]);
    expect(a.body).to.deep.equal(b.body);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).to.have.length(1);
    expect(await t.ds.getRepository(Disbursement).countBy({ requestedAmount: 2_027 })).to.equal(1);
  });

  it('on MariaDB, a keyed grant payment takes the same five round trips: its record with its answer rides with COMMIT, one statement more', async function () {
    if (t.db.kind !== 'mysql') this.skip();
    const pay = (amount: number) => ({
      consignment: 'EC-C01',
      fiscalYear: 2025,
      quarter: 4,
      requestedOn: '2025-10-01',
      amount,
      paidOn: '2025-10-02',
    });
    const transaction = (trips: string[]) => trips.slice(trips.findIndex((trip) => /START TRANSACTION/.test(trip)));
    await t.as('officer').post('/api/disbursements').send(pay(3_001)).expect(201); // the token is remembered from here on
    const plain = transaction(await roundTrips(t.ds, () => t.as('officer').post('/api/disbursements').send(pay(3_002)).expect(201)));
    const keyed = transaction(
      await roundTrips(t.ds, () => t.as('officer').post('/api/disbursements').set('Idempotency-Key', 'trips').send(pay(3_003)).expect(201)),
    );
    expect(keyed.length, keyed.join('\n---\n')).to.equal(5);
    expect(plain.length).to.equal(5);
    const statements = (trip: string) => trip.split(';\n');
    expect(statements(keyed[4]).length).to.equal(statements(plain[4]).length + 1);
    expect(keyed[4]).to.match(/INSERT INTO `audit_records`.*;\nINSERT INTO `idempotency_records`.*;\nCOMMIT$/s);
    for (const i of [0, 1, 2, 3]) expect(statements(keyed[i]).length, `trip ${i}`).to.equal(statements(plain[i]).length);
  });
});
