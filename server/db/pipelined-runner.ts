import type { DataSource } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { QueryFailedError } from 'typeorm/error/QueryFailedError';
import { QueryRunnerAlreadyReleasedError } from 'typeorm/error/QueryRunnerAlreadyReleasedError';
import { StatementPipeline } from './pipeline';
import { isGalera } from './galera';

/**
 * The query runner of one pipelined MariaDB transaction (server/db/pipeline.ts), made by
 * inTransaction instead of TypeORM's `createQueryRunner`. It is TypeORM's own MysqlQueryRunner
 * with three explicit changes, none of which reads the text of a statement TypeORM sends:
 *
 * - `query` (every statement of the EntityManager, its repositories and query builders, and the
 *   lean helpers) goes through the pipeline;
 * - `begin`, `commit` and `rollback` open and end the transaction through the pipeline's own
 *   methods: START TRANSACTION waits for the first statement, COMMIT carries the writes sent later,
 *   ROLLBACK drops what was never sent. While it is open TypeORM sees `isTransactionActive`, so its
 *   save/insert/remove start no transaction of their own, and a nested `em.transaction` takes a
 *   SAVEPOINT as it would on TypeORM's runner (test/db/typeorm-transactions.test.ts checks both);
 * - a multi-statement round trip that fails says at which statement the server stopped (mysql2
 *   keeps it on its query command, not on the error), so that the error names the write that failed.
 *
 * Why a subclass rather than a wrapper or a patched method: QueryRunner has about a hundred methods
 * that TypeORM calls on the runner it is given (and on `this` inside them); a subclass keeps every
 * one of them TypeORM's own, and overrides only what the pipeline changes, in methods of its own.
 */
export class PipelinedQueryRunner extends MysqlQueryRunner {
  readonly pipeline: StatementPipeline;

  constructor(ds: DataSource) {
    super(ds.driver as MysqlDriver, 'master');
    // what DataSource.createQueryRunner does: the runner's own EntityManager
    this.manager = ds.createEntityManager(this);
    this.pipeline = new StatementPipeline(
      (sql, params, structured, statements) => (statements > 1 ? this.sendMany(sql, params ?? []) : super.query(sql, params, structured)),
      // on a Galera node, one statement per round trip (see StatementPipeline)
      isGalera(ds),
    );
  }

  /** Every statement of the transaction: sent with the others issued together, and with the writes sent later. */
  override query(sql: string, parameters?: unknown[], useStructuredResult = false): ReturnType<MysqlQueryRunner['query']> {
    return this.pipeline.query(sql, parameters, useStructuredResult);
  }

  /** Opens the transaction (`control`: statements to run first, e.g. the session's isolation level); nothing is sent yet. */
  async begin(control: string[] = []): Promise<void> {
    if (this.isTransactionActive) throw new Error('PipelinedQueryRunner: a transaction is already open');
    await this.broadcaster.broadcast('BeforeTransactionStart');
    this.pipeline.begin(control);
    this.isTransactionActive = true;
    this.transactionDepth = 1;
    await this.broadcaster.broadcast('AfterTransactionStart');
  }

  /** Commits, COMMIT travelling with the writes sent later; refused when one of them failed. */
  async commit(): Promise<void> {
    await this.broadcaster.broadcast('BeforeTransactionCommit');
    await this.pipeline.commit();
    this.ended();
    await this.broadcaster.broadcast('AfterTransactionCommit');
  }

  /** Rolls back, dropping the writes never sent. */
  async rollback(): Promise<void> {
    await this.broadcaster.broadcast('BeforeTransactionRollback');
    try {
      await this.pipeline.rollback();
    } finally {
      this.ended();
    }
    await this.broadcaster.broadcast('AfterTransactionRollback');
  }

  // TypeORM's transaction API on this runner: the outermost level is begin/commit/rollback; a
  // nested level is TypeORM's own SAVEPOINT (its statements go through `query`, so through the pipeline).

  override startTransaction(isolationLevel?: IsolationLevel): Promise<void> {
    if (this.transactionDepth > 0) return super.startTransaction(isolationLevel);
    return this.begin(isolationLevel ? [`SET TRANSACTION ISOLATION LEVEL ${isolationLevel}`] : []);
  }

  override commitTransaction(): Promise<void> {
    return this.transactionDepth > 1 ? super.commitTransaction() : this.commit();
  }

  override rollbackTransaction(): Promise<void> {
    return this.transactionDepth > 1 ? super.rollbackTransaction() : this.rollback();
  }

  private ended(): void {
    this.isTransactionActive = false;
    this.transactionDepth = 0;
  }

  /**
   * One multi-statement round trip, as TypeORM's `query` sends one (logged, its failure a
   * QueryFailedError; without the BeforeQuery/AfterQuery subscriber events: the app has no
   * subscribers), and on failure the index of the statement the server stopped at.
   */
  private async sendMany(sql: string, params: unknown[]): Promise<unknown> {
    if (this.isReleased) throw new QueryRunnerAlreadyReleasedError();
    const connection = (await this.connect()) as MysqlConnection;
    const logger = this.driver.connection.logger;
    logger.logQuery(sql, params, this);
    return new Promise((resolve, reject) => {
      const command = connection.query(sql, params, (err, raw) => {
        if (!err) return resolve(raw);
        logger.logQueryError(err, sql, params, this);
        // mysql2 counts the results it has read: the statement that failed is the next one
        const index = (command as { _resultIndex?: unknown } | undefined)?._resultIndex;
        reject(Object.assign(new QueryFailedError(sql, params, err), typeof index === 'number' ? { statementIndex: index } : {}));
      });
    });
  }
}

/** the part of a mysql2 connection used here */
interface MysqlConnection {
  query(sql: string, values: unknown[], callback: (err: Error | null, raw: unknown) => void): unknown;
}
