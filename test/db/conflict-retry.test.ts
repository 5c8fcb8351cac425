import { expect } from 'chai';
import { QueryFailedError } from 'typeorm';
import { Operator } from '../../entities/consignment';
import { writeLater } from '../../server/db/pipeline';
import { isRetryableConflict, retryCounters, retryDelayMs, RetryPolicy, withConflictRetry } from '../../server/db/retry';
import { inTransaction, isMysql } from '../../server/db/transaction';
import { freshDatabase, TestDb } from '../support/db';

/** the error a COMMIT refused by Galera's certification (or a deadlock victim) comes back as */
const deadlockAtCommit = () =>
  new QueryFailedError(
    'COMMIT',
    [],
    Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), {
      code: 'ER_LOCK_DEADLOCK',
      errno: 1213,
    }),
  );

const policy: RetryPolicy = { attempts: 5, baseDelayMs: 4, maxDelayMs: 100 };

describe('conflict retry policy (server/db/retry.ts)', () => {
  const waits: number[] = [];
  const wait = (ms: number) => {
    waits.push(ms);
    return Promise.resolve();
  };
  beforeEach(() => (waits.length = 0));

  it('runs the whole transaction again after a 1213 at COMMIT, and answers what the later try answers', async () => {
    let tries = 0;
    const before = retryCounters();
    const answer = await withConflictRetry(
      async () => {
        tries++;
        if (tries < 3) throw deadlockAtCommit();
        return 'paid';
      },
      policy,
      wait,
    );
    expect(answer).to.equal('paid');
    expect(tries).to.equal(3);
    expect(waits).to.have.length(2);
    const after = retryCounters();
    expect(after.retried - before.retried).to.equal(1);
    expect(after.retries - before.retries).to.equal(2);
  });

  it('does not retry a refusal, a duplicate key or a lost connection', async () => {
    for (const err of [
      new Error('over the ceiling'),
      Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY', errno: 1062 }),
      Object.assign(new Error('gone'), { code: 'PROTOCOL_CONNECTION_LOST' }),
      Object.assign(new Error('lock wait'), { code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 }),
    ]) {
      let tries = 0;
      const thrown = await withConflictRetry(
        () => {
          tries++;
          return Promise.reject(err);
        },
        policy,
        wait,
      ).catch((e: unknown) => e);
      expect(thrown).to.equal(err);
      expect(tries, String(err)).to.equal(1);
    }
    expect(waits).to.deep.equal([]);
  });

  it('gives up after the bounded number of tries and throws the last conflict', async () => {
    let tries = 0;
    const before = retryCounters();
    const thrown = await withConflictRetry(
      () => {
        tries++;
        return Promise.reject(deadlockAtCommit());
      },
      policy,
      wait,
    ).catch((e: unknown) => e);
    expect(isRetryableConflict(thrown)).to.equal(true);
    expect(tries).to.equal(5);
    expect(waits).to.have.length(4);
    expect(retryCounters().exhausted - before.exhausted).to.equal(1);
  });

  it('waits a random time below a ceiling that doubles up to the maximum (full jitter)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => retryDelayMs(policy, a, () => 0.999999))).to.deep.equal([3, 7, 15, 31, 63, 99, 99, 99]);
    expect(retryDelayMs(policy, 3, () => 0)).to.equal(0);
  });

  it('recognises 1213 by its errno or code, however it is wrapped', () => {
    expect(isRetryableConflict(deadlockAtCommit())).to.equal(true);
    expect(isRetryableConflict({ errno: 1213 })).to.equal(true);
    expect(isRetryableConflict({ driverError: { driverError: { code: 'ER_LOCK_DEADLOCK' } } })).to.equal(true);
    expect(isRetryableConflict(null)).to.equal(false);
  });
});

describe('inTransaction retries a conflict at COMMIT (MariaDB)', function () {
  let db: TestDb;
  before(async function () {
    db = await freshDatabase();
    if (!isMysql(db.ds)) this.skip();
  });
  after(() => db?.drop());

  it('a 1213 raised with COMMIT rolls the try back whole and runs the function again', async () => {
    let tries = 0;
    const answer = await inTransaction(db.ds, async (em) => {
      tries++;
      await em.getRepository(Operator).insert({ name: `retry-${tries}` });
      // travels with COMMIT (the pipeline sends writes nobody waits for with the next statement)
      if (tries === 1) await writeLater(em, "SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'Deadlock found'", []);
      return tries;
    });
    expect(answer).to.equal(2);
    const names = (await db.ds.getRepository(Operator).find()).map((o) => o.name).filter((n) => n.startsWith('retry-'));
    expect(names).to.deep.equal(['retry-2']);
  });

  it('a refusal inside is not retried', async () => {
    let tries = 0;
    const thrown = await inTransaction(db.ds, async () => {
      tries++;
      throw new Error('refused');
    }).catch((e: unknown) => e);
    expect((thrown as Error).message).to.equal('refused');
    expect(tries).to.equal(1);
  });
});
