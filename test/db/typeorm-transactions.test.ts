import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { Operator } from '../../entities/consignment';
import { COMMIT, ROLLBACK, START_TRANSACTION } from '../../server/db/pipeline';
import { PipelinedQueryRunner } from '../../server/db/pipelined-runner';
import { inTransaction, SET_READ_COMMITTED } from '../../server/db/transaction';
import { freshDatabase, TestDb } from '../support/db';

/**
 * TypeORM is pinned to one version (package.json) because the transactions of server/db lean on
 * what its query runners do: on SQLite inTransaction is TypeORM's own `ds.transaction`; on MariaDB
 * our PipelinedQueryRunner (a MysqlQueryRunner) opens and ends the transaction itself, sends the
 * statements TypeORM's runner would, and relies on TypeORM's `isTransactionActive` and savepoint
 * depth. These tests fail when an upgrade changes any of that, instead of the pipeline silently
 * sending other statements or TypeORM opening transactions of its own inside ours.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string; dependencies: Record<string, string> };

/** TypeORM's own MySQL runner, every statement recorded instead of sent. */
class RecordingMysqlRunner extends MysqlQueryRunner {
  readonly sent: string[] = [];
  override query(sql: string): ReturnType<MysqlQueryRunner['query']> {
    this.sent.push(sql);
    return Promise.resolve([]);
  }
}

/** A mysql2 connection stand-in: records each round trip and answers one result per statement. */
function fakeConnection() {
  const trips: string[] = [];
  return {
    trips,
    release() {},
    query(sql: string, _params: unknown[], cb: (err: Error | null, raw: unknown) => void) {
      trips.push(sql);
      const results = sql.split(';\n').map(() => ({ affectedRows: 0 }));
      setImmediate(() => cb(null, results.length === 1 ? results[0] : results));
    },
  };
}

/** Our runner over a stand-in connection: what it sends, without a server. */
class OfflinePipelinedRunner extends PipelinedQueryRunner {
  readonly fake = fakeConnection();
  override connect(): Promise<unknown> {
    this.databaseConnection = this.fake;
    return Promise.resolve(this.fake);
  }
}

describe("TypeORM's transaction statements (what server/db relies on)", () => {
  it('is the exact version package.json pins', () => {
    const pinned = readJson(path.join(ROOT, 'package.json')).dependencies.typeorm;
    expect(pinned, 'pinned exactly, no range').to.match(/^\d+\.\d+\.\d+$/);
    expect(readJson(path.join(ROOT, 'node_modules', 'typeorm', 'package.json')).version).to.equal(pinned);
  });

  describe('MySQL/MariaDB', () => {
    const ds = new DataSource({ type: 'mysql' });
    const runner = () => new RecordingMysqlRunner(ds.driver as MysqlDriver, 'master');

    it("TypeORM's runner opens, commits and rolls back with the statements our pipeline sends itself", async () => {
      const committed = runner();
      await committed.startTransaction('READ COMMITTED');
      await committed.startTransaction();
      await committed.commitTransaction();
      await committed.startTransaction();
      await committed.rollbackTransaction();
      await committed.commitTransaction();
      expect(committed.sent).to.deep.equal([
        'SET TRANSACTION ISOLATION LEVEL READ COMMITTED',
        START_TRANSACTION,
        'SAVEPOINT typeorm_1',
        'RELEASE SAVEPOINT typeorm_1',
        'SAVEPOINT typeorm_1',
        'ROLLBACK TO SAVEPOINT typeorm_1',
        COMMIT,
      ]);
      expect(committed.isTransactionActive).to.equal(false);
      const rolledBack = runner();
      await rolledBack.startTransaction();
      expect(rolledBack.isTransactionActive).to.equal(true);
      await rolledBack.rollbackTransaction();
      expect(rolledBack.sent).to.deep.equal([START_TRANSACTION, ROLLBACK]);
      expect(rolledBack.isTransactionActive).to.equal(false);
      expect(SET_READ_COMMITTED, 'the session-wide form of the isolation statement').to.equal(
        'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED',
      );
    });

    it("our runner sends them through the pipeline: START and the session's level with the first statement, COMMIT with the writes sent later", async () => {
      const ours = new OfflinePipelinedRunner(ds);
      await ours.begin([SET_READ_COMMITTED]);
      expect(ours.isTransactionActive, 'TypeORM sees the transaction open').to.equal(true);
      expect(ours.fake.trips, 'nothing sent yet').to.deep.equal([]);
      await ours.query('SELECT 1');
      // a nested TypeORM transaction is a savepoint, as on TypeORM's own runner
      await ours.startTransaction();
      await ours.commitTransaction();
      ours.pipeline.later('UPDATE t SET a = 1');
      await ours.commit();
      expect(ours.isTransactionActive).to.equal(false);
      expect(ours.fake.trips).to.deep.equal([
        `${SET_READ_COMMITTED};\n${START_TRANSACTION};\nSELECT 1`,
        'SAVEPOINT typeorm_1',
        'RELEASE SAVEPOINT typeorm_1',
        `UPDATE t SET a = 1;\n${COMMIT}`,
      ]);

      const rolledBack = new OfflinePipelinedRunner(ds);
      await rolledBack.startTransaction();
      await rolledBack.query('SELECT 1');
      rolledBack.pipeline.later('UPDATE t SET a = 2');
      await rolledBack.rollbackTransaction();
      expect(rolledBack.fake.trips, 'the write never sent is dropped').to.deep.equal([`${START_TRANSACTION};\nSELECT 1`, ROLLBACK]);
      expect(rolledBack.isTransactionActive).to.equal(false);
    });
  });

  describe('SQLite (better-sqlite3)', () => {
    it('ds.transaction begins, commits and rolls back with these statements', async () => {
      const ds = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
      const sqliteRunner = ds.createQueryRunner();
      const sent: string[] = [];
      sqliteRunner.query = ((sql: string) => {
        sent.push(sql);
        return Promise.resolve([]);
      }) as typeof sqliteRunner.query;
      const transaction = (fn: (em: EntityManager) => Promise<void>) => sqliteRunner.manager.transaction(fn);
      await transaction(async (em) => {
        expect(em.queryRunner?.isTransactionActive).to.equal(true);
        await em.transaction(async () => undefined);
      });
      await transaction(async () => {
        throw new Error('roll back');
      }).catch(() => undefined);
      expect(sent).to.deep.equal([
        'BEGIN TRANSACTION',
        'SAVEPOINT typeorm_1',
        'RELEASE SAVEPOINT typeorm_1',
        'COMMIT',
        'BEGIN TRANSACTION',
        'ROLLBACK',
      ]);
    });
  });

  describe('inside inTransaction, on the database', () => {
    let db: TestDb;
    before(async () => {
      db = await freshDatabase();
    });
    after(() => db.drop());

    it("TypeORM's save, insert and nested transaction open no transaction of their own; all commit together", async () => {
      let trips: string[] | null = null;
      let restore = () => undefined as unknown;
      await inTransaction(db.ds, async (tx) => {
        expect(tx.queryRunner?.isTransactionActive).to.equal(true);
        if (db.kind === 'mysql') {
          expect(tx.queryRunner).to.be.instanceOf(PipelinedQueryRunner);
          const connection = (tx.queryRunner as unknown as { databaseConnection: { query: (...a: unknown[]) => unknown } })
            .databaseConnection;
          const original = connection.query.bind(connection);
          trips = [];
          restore = () => (connection.query = original);
          connection.query = (...args: unknown[]) => {
            trips!.push(String(args[0]));
            return original(...args);
          };
        }
        await tx.getRepository(Operator).save(tx.getRepository(Operator).create({ name: 'tx-save' }));
        await tx.getRepository(Operator).insert({ name: 'tx-insert' });
        await tx.transaction((inner) => inner.getRepository(Operator).insert({ name: 'tx-nested' }));
      });
      restore();
      const names = (await db.ds.getRepository(Operator).find()).map((o) => o.name).filter((n) => n.startsWith('tx-'));
      expect(names.sort()).to.deep.equal(['tx-insert', 'tx-nested', 'tx-save']);
      if (!trips) return;
      const statements = (trips as string[]).flatMap((t) => t.split(';\n'));
      expect(
        statements.filter((s) => /^(START TRANSACTION|BEGIN)/.test(s)),
        'ours alone, with the first statement: no transaction inside it',
      ).to.deep.equal([START_TRANSACTION]);
      expect(trips![0]).to.match(
        /^(SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;\n)?START TRANSACTION;\nINSERT INTO `operators`/,
      );
      expect(statements).to.include.members(['SAVEPOINT typeorm_1', 'RELEASE SAVEPOINT typeorm_1']);
      expect(statements[statements.length - 1]).to.equal(COMMIT);
      expect(statements.filter((s) => s === COMMIT)).to.have.length(1);
    });
  });
});
