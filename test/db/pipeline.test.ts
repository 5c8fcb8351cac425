import { expect } from 'chai';
import { EntityManager } from 'typeorm';
import { Consignment } from '../../entities/consignment';
import { ConsignmentGrantTotal } from '../../entities/running-totals';
import { leanAddTo, leanFindOne, leanInsert, leanInsertMany, leanSetEach, leanUpdate } from '../../server/db/lean';
import { QueryFailedError } from 'typeorm';
import { BatchedStatementError, StatementPipeline } from '../../server/db/pipeline';
import { isUniqueViolation } from '../../server/http/db-errors';
import { inTransaction } from '../../server/db/transaction';
import { systemContext } from '../../server/context';
import { createProgram } from '../../server/app/reference/programs';
import { createAppropriation, createProgramYear } from '../../server/app/reference/program-years';
import { createConsignment } from '../../server/app/consignments/consignments';
import { approveGrantPlan, createGrantPlan } from '../../server/app/grants/grant-plans';
import { createDisbursement, recordDisbursements } from '../../server/app/grants/disbursements';
import { runSeedSteps } from '../../seeds/run-steps';
import { freshDatabase, TestDb } from '../support/db';
import { roundTrips } from '../support/round-trips';

/** A stand-in for the query runner: records each round trip and answers one result per statement. */
function recorder(fail?: (sql: string) => boolean) {
  const trips: { sql: string; params: unknown[] }[] = [];
  const send = async (sql: string, params: unknown[] | undefined) => {
    trips.push({ sql, params: params ?? [] });
    await new Promise((resolve) => setImmediate(resolve));
    if (fail?.(sql)) throw Object.assign(new Error(`failed: ${sql}`), { code: 'ER_DUP_ENTRY' });
    const statements = sql.split(';\n');
    const results = statements.map((s) => (s.startsWith('SELECT') ? [{ echo: s }] : { affectedRows: 1, insertId: 7 }));
    return statements.length === 1 ? results[0] : results;
  };
  return { trips, send };
}

describe('statement pipeline (server/db/pipeline.ts)', () => {
  it('sends statements issued together in one round trip and hands each caller its own result', async () => {
    const { trips, send } = recorder();
    const p = new StatementPipeline(send);
    const [a, b, c] = await Promise.all([p.query('SELECT 1', [1], false), p.query('SELECT 2', [2], false), p.query('UPDATE t', [3], true)]);
    expect(trips).to.have.length(1);
    expect(trips[0]).to.deep.equal({ sql: 'SELECT 1;\nSELECT 2;\nUPDATE t', params: [1, 2, 3] });
    expect(a).to.deep.equal([{ echo: 'SELECT 1' }]);
    expect(b).to.deep.equal([{ echo: 'SELECT 2' }]);
    expect(c).to.include({ affected: 1 });
  });

  it('sends a statement awaited alone as it is, and statements awaited one after another in turn', async () => {
    const { trips, send } = recorder();
    const p = new StatementPipeline(send);
    await p.query('SELECT 1', [], false);
    await p.query('SELECT 2', [], false);
    expect(trips.map((t) => t.sql)).to.deep.equal(['SELECT 1', 'SELECT 2']);
  });

  it('sends writes nobody waits for with the next statement, in the order they were made', async () => {
    const { trips, send } = recorder();
    const p = new StatementPipeline(send);
    p.later('START TRANSACTION', [], true);
    p.later('UPDATE a', [1]);
    p.later('INSERT b', [2]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(trips, 'nothing is sent before a statement is awaited').to.have.length(0);
    await p.query('COMMIT', [], false);
    expect(trips).to.deep.equal([{ sql: 'START TRANSACTION;\nUPDATE a;\nINSERT b;\nCOMMIT', params: [1, 2] }]);
  });

  it('refuses every later statement once a batch carrying writes failed, so the transaction cannot commit without them', async () => {
    const { trips, send } = recorder((sql) => sql.includes('INSERT b'));
    const p = new StatementPipeline(send);
    p.later('INSERT b', [1]);
    const failure = await p.query('SELECT 1', [], false).catch((e: Error) => e);
    expect(failure).to.be.instanceOf(Error).with.property('code', 'ER_DUP_ENTRY');
    const afterwards = await p.query('COMMIT', [], false).catch((e: Error) => e);
    expect(afterwards, 'COMMIT is refused with the same error').to.equal(failure);
    expect(() => p.later('UPDATE c')).to.throw('failed');
    expect(trips, 'COMMIT never reached the server').to.have.length(1);
  });

  it('leaves the transaction usable when the statement that failed was the only one in its batch besides START', async () => {
    const { send } = recorder((sql) => sql.includes('bad'));
    const p = new StatementPipeline(send);
    p.later('START TRANSACTION', [], true);
    await p.query('SELECT bad', [], false).catch(() => undefined);
    expect(await p.query('SELECT 2', [], false)).to.deep.equal([{ echo: 'SELECT 2' }]);
  });

  it('names the statement that failed when the sender says which: a write sent later is not blamed on the statement it rode with', async () => {
    const send = async (sql: string) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (sql.includes(';\n')) throw Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY', statementIndex: 2 });
      return [];
    };
    const p = new StatementPipeline(send);
    p.begin();
    p.later('UPDATE a SET x = ?', [1]);
    p.later('INSERT INTO b VALUES (?)', [2]);
    const failure = (await p.query('SELECT 1', [], false).catch((e: Error) => e)) as BatchedStatementError;
    expect(failure).to.be.instanceOf(BatchedStatementError).and.instanceOf(QueryFailedError);
    expect(failure).to.include({ statementIndex: 2, statement: 'INSERT INTO b VALUES (?)', deferred: true, code: 'ER_DUP_ENTRY' });
    expect(failure.parameters).to.deep.equal([2]);
    expect(failure.message).to.equal('Duplicate entry [statement 3 of 4 in one round trip, a write sent later: INSERT INTO b VALUES (?)]');
    expect(isUniqueViolation(failure), 'still recognised as what the driver said').to.equal(true);
    expect(await p.commit().catch((e: Error) => e), 'COMMIT is refused with it').to.equal(failure);
  });

  it('without the index, says which writes sent later rode with the statement that failed', async () => {
    const { send } = recorder((sql) => sql.includes(';\n'));
    const p = new StatementPipeline(send);
    p.later('UPDATE a SET x = 1');
    const failure = (await p.query('SELECT 1', [], false).catch((e: Error) => e)) as BatchedStatementError;
    expect(failure).to.include({ statementIndex: null, statement: null, deferred: null });
    expect(failure.message).to.match(/in one of 2 statements sent in one round trip; writes sent later among them: UPDATE a SET x = 1\]$/);
  });

  it('begins, commits and rolls back through its own methods: START waits for the first statement, ROLLBACK drops what was never sent', async () => {
    const { trips, send } = recorder();
    const p = new StatementPipeline(send);
    p.begin(['SET SESSION x']);
    await p.query('SELECT 1', [], false);
    p.later('UPDATE a');
    await p.commit();
    const r = new StatementPipeline(send);
    r.begin();
    r.later('UPDATE b');
    await r.rollback();
    expect(trips.map((t) => t.sql)).to.deep.equal(['SET SESSION x;\nSTART TRANSACTION;\nSELECT 1', 'UPDATE a;\nCOMMIT', 'ROLLBACK']);
  });

  it('drops what was never sent on rollback', async () => {
    const { trips, send } = recorder();
    const p = new StatementPipeline(send);
    p.later('UPDATE a');
    p.discard();
    await p.query('SELECT 1', [], false);
    expect(trips.map((t) => t.sql)).to.deep.equal(['SELECT 1']);
  });
});

describe('pipelined transactions on the database', function () {
  let db: TestDb;
  let consignmentId: number;
  before(async () => {
    db = await freshDatabase();
    await runSeedSteps(
      db.ds,
      () => undefined,
      (f) => /^(010|020|040|090)-/.test(f),
    );
    consignmentId = (await leanFindOne(db.ds.manager, Consignment, { code: 'EC-C01' }))!.id;
  });
  after(() => db.drop());

  /** Counts the round trips of a MariaDB transaction's connection (null on SQLite, which has none). */
  function tripsOf(em: EntityManager): string[] | null {
    const connection = (em.queryRunner as unknown as { databaseConnection?: { query: (...a: unknown[]) => unknown } }).databaseConnection;
    if (db.kind !== 'mysql' || !connection) return null;
    const trips: string[] = [];
    const original = connection.query.bind(connection);
    connection.query = (...args: unknown[]) => {
      trips.push(String(args[0]));
      return original(...args);
    };
    return trips;
  }

  it('reads its own writes sent later, and commits them', async () => {
    const note = `pipeline ${Date.now()}`;
    const seen = await inTransaction(db.ds, async (tx) => {
      await leanUpdate(tx, Consignment, consignmentId, { note });
      await leanAddTo(tx, ConsignmentGrantTotal, 'paid', [{ key: { consignmentId, fiscalYear: 1999 }, amount: 5 }]);
      await leanAddTo(tx, ConsignmentGrantTotal, 'paid', [{ key: { consignmentId, fiscalYear: 1999 }, amount: 7 }]);
      return Promise.all([
        leanFindOne(tx, Consignment, { id: consignmentId }),
        leanFindOne(tx, ConsignmentGrantTotal, { consignmentId, fiscalYear: 1999 }),
      ]);
    });
    expect(seen[0]!.note).to.equal(note);
    expect(seen[1]!.paid, 'the total was created, then added to').to.equal(12);
    expect((await leanFindOne(db.ds.manager, ConsignmentGrantTotal, { consignmentId, fiscalYear: 1999 }))!.paid).to.equal(12);
  });

  it('adds to several totals in one statement, creating those not there yet, and sets a column of several rows each to its own value', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map((n) => leanInsert(db.ds.manager, ConsignmentGrantTotal, { consignmentId, fiscalYear: 1980 + n, paid: 0 })),
    );
    await leanAddTo(
      db.ds.manager,
      ConsignmentGrantTotal,
      'paid',
      [1981, 1982, 1983].map((fiscalYear, i) => ({ key: { consignmentId, fiscalYear }, amount: 10 + i })),
    );
    const totals = await Promise.all(
      [1981, 1982, 1983].map((fiscalYear) => leanFindOne(db.ds.manager, ConsignmentGrantTotal, { consignmentId, fiscalYear })),
    );
    expect(totals.map((t) => t!.paid)).to.deep.equal([10, 11, 12]);
    await leanSetEach(db.ds.manager, ConsignmentGrantTotal, 'paid', [
      [a, 100],
      [b, 200],
    ]);
    const after = await Promise.all(
      [1981, 1982, 1983].map((fiscalYear) => leanFindOne(db.ds.manager, ConsignmentGrantTotal, { consignmentId, fiscalYear })),
    );
    expect(
      after.map((t) => t!.paid),
      'only the rows named changed',
    ).to.deep.equal([100, 200, 12]);
  });

  it('rolls back the whole transaction when a write sent later fails, including what came before it', async () => {
    const before = (await leanFindOne(db.ds.manager, Consignment, { id: consignmentId }))!.note;
    const err = await inTransaction(db.ds, async (tx) => {
      await leanUpdate(tx, Consignment, consignmentId, { note: 'must not stay' });
      // the same key twice: the unique index refuses the second row
      await leanInsertMany(tx, ConsignmentGrantTotal, [
        { consignmentId, fiscalYear: 1998, paid: 1 },
        { consignmentId, fiscalYear: 1998, paid: 2 },
      ]);
      await leanFindOne(tx, Consignment, { id: consignmentId });
      return null;
    }).catch((e: Error) => e);
    expect(err).to.be.instanceOf(Error);
    expect((await leanFindOne(db.ds.manager, Consignment, { id: consignmentId }))!.note).to.equal(before);
    expect(await leanFindOne(db.ds.manager, ConsignmentGrantTotal, { consignmentId, fiscalYear: 1998 })).to.equal(null);
  });

  it('on MariaDB, the error of a write sent later names that write, by its place in the round trip', async function () {
    if (db.kind !== 'mysql') this.skip();
    const err = (await inTransaction(db.ds, async (tx) => {
      await leanUpdate(tx, Consignment, consignmentId, { note: 'must not stay either' });
      await leanInsertMany(tx, ConsignmentGrantTotal, [
        { consignmentId, fiscalYear: 1996, paid: 1 },
        { consignmentId, fiscalYear: 1996, paid: 2 },
      ]);
      await leanFindOne(tx, Consignment, { id: consignmentId });
      return null;
    }).catch((e: Error) => e)) as BatchedStatementError;
    expect(err).to.be.instanceOf(BatchedStatementError);
    // START TRANSACTION (after SET SESSION … on a fresh connection), the UPDATE, then the INSERT
    expect(err.batch[err.statementIndex!]).to.match(/^INSERT INTO `consignment_grant_totals`/);
    expect(err).to.include({ deferred: true, code: 'ER_DUP_ENTRY' });
    expect(err.statement).to.match(/^INSERT INTO `consignment_grant_totals`/);
    expect(err.message).to.match(
      /^Duplicate entry .* \[statement \d of \d in one round trip, a write sent later: INSERT INTO `consignment_grant_totals`/,
    );
    expect(await leanFindOne(db.ds.manager, ConsignmentGrantTotal, { consignmentId, fiscalYear: 1996 })).to.equal(null);
  });

  it('on MariaDB, sends START with the first statement, reads issued together in one trip, and later writes with COMMIT', async function () {
    if (db.kind !== 'mysql') this.skip();
    let trips: string[] | null = null;
    await inTransaction(db.ds, async (tx) => {
      trips = tripsOf(tx);
      await leanFindOne(tx, Consignment, { id: consignmentId });
      await Promise.all([
        leanFindOne(tx, Consignment, { code: 'EC-C01' }),
        leanFindOne(tx, ConsignmentGrantTotal, { consignmentId, fiscalYear: 1999 }),
      ]);
      await leanUpdate(tx, Consignment, consignmentId, { note: 'trip count' });
      await leanInsert(tx, ConsignmentGrantTotal, { consignmentId, fiscalYear: 1997, paid: 0 }).then((id) =>
        expect(id).to.be.a('number').above(0),
      );
    });
    const sent = trips as unknown as string[];
    expect(sent).to.have.length(4);
    expect(sent[0]).to.match(/^(SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;\n)?START TRANSACTION;\nSELECT/);
    expect(sent[1].split(';\n')).to.have.length(2);
    expect(sent[2], 'the update rides with the insert that follows it').to.match(/^UPDATE .*;\nINSERT INTO/s);
    expect(sent[3]).to.equal('COMMIT');
  });

  const payment = (amount: number) => ({
    consignment: 'EC-C01',
    fiscalYear: 2025,
    quarter: 4,
    requestedOn: '2025-10-01',
    amount,
    paidOn: '2025-10-02',
  });

  it('on MariaDB, a grant payment takes five round trips, the lock travelling with every read its checks need', async function () {
    if (db.kind !== 'mysql') this.skip();
    const trips = await roundTrips(db.ds, () => createDisbursement(db.ds, systemContext('test'), payment(1000)));
    expect(trips.length, trips.join('\n---\n')).to.equal(5);
    expect(trips[0]).to.match(/START TRANSACTION;\nSELECT .* FROM `consignments`/s);
    for (const read of [
      /FROM program_years py .* FOR UPDATE/s,
      /FROM `fiscal_years` .* LOCK IN SHARE MODE/s,
      /FROM budget_transfers/,
      /consignment_grant_totals/,
      /FROM ledger_line_totals/,
    ])
      expect(trips[1]).to.match(read);
    expect(trips[2]).to.match(/^INSERT INTO `disbursements`/);
    expect(trips[3]).to.match(/^INSERT INTO `ledger_entries`/);
    expect(trips[4]).to.match(
      /INSERT INTO `ledger_line_totals`.*UPDATE `disbursements`.*INSERT INTO `consignment_grant_totals`.*INSERT INTO `audit_records`.*;\nCOMMIT$/s,
    );
  });

  it('on MariaDB, a group of eight payments takes the same five round trips: one look-up, one lock, one read of the figures, one commit', async function () {
    if (db.kind !== 'mysql') this.skip();
    const group = Array.from({ length: 8 }, () => ({ ctx: systemContext('test'), input: payment(1000) }));
    const trips = await roundTrips(db.ds, () => inTransaction(db.ds, (em) => recordDisbursements(em, group)));
    expect(trips.length, trips.join('\n---\n')).to.equal(5);
    expect(
      trips[0].split(';\n').filter((s) => /FROM `consignments`/.test(s)),
      'the consignment is found once for the eight',
    ).to.have.length(1);
    const tx = trips.slice(1);
    const count = (trip: string, pattern: RegExp) => trip.split(';\n').filter((s) => pattern.test(s)).length;
    expect(count(tx[0], /FOR UPDATE/), 'one lock for the consignment-year').to.equal(1);
    expect(count(tx[1], /^INSERT INTO `disbursements`/)).to.equal(8);
    expect(count(tx[2], /^INSERT INTO `ledger_entries`/)).to.equal(8);
    expect(count(tx[3], /^INSERT INTO `ledger_line_totals`/), 'one running-total upsert per line').to.equal(1);
    expect(count(tx[3], /^INSERT INTO `consignment_grant_totals`/), 'one paid-total upsert per consignment-year').to.equal(1);
    expect(count(tx[3], /^UPDATE `disbursements`/), 'one statement links the eight grants to their entries').to.equal(1);
    expect(count(tx[3], /^INSERT INTO `audit_records`/), 'every audit record in one statement').to.equal(1);
    expect(tx[3]).to.match(/;\nCOMMIT$/);
  });

  it('a group over three consignment-years locks them in one statement and reads each kind of figure once (one round trip on MariaDB); each is paid its own', async function () {
    const ctx = systemContext('test');
    const codes: string[] = [];
    for (const n of [1, 2, 3]) {
      await createProgram(db.ds, ctx, { code: `GROUP-P${n}`, name: `묶음 위탁사업 ${n}`, kind: 'unit', account: 'general' });
      const py = await createProgramYear(db.ds, ctx, { programCode: `GROUP-P${n}`, fiscalYear: 2025, orgCode: 'LFB-FAIR' });
      await createAppropriation(db.ds, ctx, { programYearId: py.id, expenseItem: '민간위탁금', amount: 4_000_000 });
      await createConsignment(db.ds, ctx, {
        code: `GROUP-C${n}`,
        name: `묶음 위탁사무 ${n}`,
        consignmentType: 'office',
        fundingType: 'budget',
        orgCode: 'LFB-FAIR',
        programCode: `GROUP-P${n}`,
      });
      const plan = await createGrantPlan(db.ds, ctx, {
        consignment: `GROUP-C${n}`,
        fiscalYear: 2025,
        quarters: [1_000_000, 1_000_000, 1_000_000, 1_000_000],
      });
      await approveGrantPlan(db.ds, ctx, plan.id, { approvedOn: '2025-01-02' });
      codes.push(`GROUP-C${n}`);
    }
    const group = [...codes, ...codes].map((consignment, i) => ({ ctx, input: { ...payment(100 * (i + 1)), consignment } }));
    let outcomes: Awaited<ReturnType<typeof recordDisbursements>> = [];
    const trips = await (
      db.kind === 'mysql' ? (fn: () => Promise<unknown>) => roundTrips(db.ds, fn) : (fn: () => Promise<unknown>) => fn().then(() => null)
    )(async () => {
      outcomes = await inTransaction(db.ds, (em) => recordDisbursements(em, group));
    });
    expect(outcomes.every((o) => 'value' in o)).to.equal(true);
    for (const [n, code] of codes.entries()) {
      const c = (await leanFindOne(db.ds.manager, Consignment, { code }))!;
      expect((await leanFindOne(db.ds.manager, ConsignmentGrantTotal, { consignmentId: c.id, fiscalYear: 2025 }))!.paid, code).to.equal(
        100 * (n + 1) + 100 * (n + 4),
      );
    }
    if (!trips) return;
    expect(trips.length, trips.join('\n---\n')).to.equal(5);
    const count = (pattern: RegExp) => trips[1].split(';\n').filter((st) => pattern.test(st)).length;
    expect(count(/FOR UPDATE/), 'the three locks in one statement').to.equal(1);
    expect(count(/FROM budget_transfers/), 'the moves of the three in one statement').to.equal(1);
    expect(count(/LOCK IN SHARE MODE/), 'the fiscal year once').to.equal(1);
    expect(count(/consignment_grant_totals/), 'plans and paid totals in one statement').to.equal(1);
    expect(count(/FROM ledger_line_totals/), 'the funding lines in one statement').to.equal(1);
  });
});
