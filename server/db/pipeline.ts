import type { EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm/error/QueryFailedError';
import { QueryResult } from 'typeorm/query-runner/QueryResult';

/**
 * Statement pipelining for one MariaDB transaction. On a small machine a round trip to the server
 * costs more than the statement it carries (a socket write and a thread wake-up on each side), and
 * a payment runs about fifteen statements. Two kinds of statements therefore share round trips:
 *
 * - statements issued together (`Promise.all` of independent reads) are sent as one multi-statement
 *   query as soon as the current tick's promise jobs have run;
 * - writes whose result nobody waits for (`writeLater`: a running total, an audit row, a back-link)
 *   and the transaction's own START go with the next statement sent, at the latest with COMMIT.
 *
 * The transaction is opened, committed and rolled back through the pipeline's own methods (`begin`,
 * `commit`, `rollback`), called by the query runner of server/db/pipelined-runner.ts, which
 * inTransaction creates; no statement TypeORM sends is recognised by its text.
 *
 * The server runs a multi-statement query in order and stops at the first error, so order, and
 * read-your-writes within the transaction, are as if each had been sent alone. A failure in a batch
 * that carried more than the failing caller's own statement leaves the transaction unusable: every
 * later statement (COMMIT among them) is refused with that error, so the caller's transaction rolls
 * back and nothing it believed written is committed without it. The error names the statement that
 * failed (BatchedStatementError), so a write sent later is not mistaken for the statement it rode with.
 */

interface Queued {
  sql: string;
  params: unknown[];
  structured: boolean;
  /** transaction control (SET SESSION, START TRANSACTION): cannot lose a write if the batch fails */
  control?: boolean;
  settle?: { resolve(value: unknown): void; reject(reason: unknown): void };
}

/**
 * Sends one query (one round trip) of `statements` statements (more than one: joined by `;\n`,
 * answered with one result per statement). A multi-statement query that fails may say, as a
 * numeric `statementIndex` on the error it rejects with, at which statement the server stopped.
 */
export type Send = (sql: string, params: unknown[] | undefined, structured: boolean, statements: number) => Promise<unknown>;

/** the statements that open and end a transaction: what TypeORM's MysqlQueryRunner sends (test/db/typeorm-transactions.test.ts) */
export const START_TRANSACTION = 'START TRANSACTION';
export const COMMIT = 'COMMIT';
export const ROLLBACK = 'ROLLBACK';

export class StatementPipeline {
  private queue: Queued[] = [];
  private scheduled = false;
  private failure: unknown = null;

  constructor(
    private readonly send: Send,
    /**
     * Send the statements of a batch one round trip each, in order (a Galera node: there a
     * transaction aborted by a conflicting write set from another node does not fail a
     * multi-statement round trip; the statements after the abort run on, outside the transaction,
     * and the round trip answers success — server/db/galera.ts)
     */
    private readonly oneByOne = false,
  ) {}

  /**
   * Opens the transaction: `control` statements (a session's isolation level) and START TRANSACTION
   * wait for the first statement sent, so they cost no round trip of their own.
   */
  begin(control: string[] = []): void {
    for (const sql of control) this.later(sql, [], true);
    this.later(START_TRANSACTION, [], true);
  }

  /** Commits: COMMIT goes with every write still waiting; refused (and never sent) once a batch carrying writes failed. */
  async commit(): Promise<void> {
    await this.query(COMMIT, [], false);
  }

  /** Rolls back: what was never sent is dropped (the server never saw it), then ROLLBACK, even after a failure. */
  async rollback(): Promise<void> {
    this.discard();
    await this.send(ROLLBACK, [], false, 1);
  }

  /** A statement whose result the caller awaits. */
  query(sql: string, params: unknown[] | undefined, structured: boolean): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ sql, params: params ?? [], structured, settle: { resolve, reject } });
      if (!this.scheduled) {
        this.scheduled = true;
        // after the promise jobs of this tick, so that reads started together travel together
        process.nextTick(() => void this.flush());
      }
    });
  }

  /** A statement sent with the next awaited one; its failure fails that one and the transaction. */
  later(sql: string, params: unknown[] = [], control = false): void {
    if (this.failure) throw this.failure;
    this.queue.push({ sql, params, structured: false, control });
  }

  /** Drops what was never sent (on rollback: the server never saw it). */
  discard(): void {
    this.queue = [];
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    if (!this.queue.some((q) => q.settle)) return;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 1) {
      const [only] = batch;
      await this.send(only.sql, only.params, only.structured, 1).then(only.settle!.resolve, only.settle!.reject);
      return;
    }
    const waiting = batch.filter((q) => q.settle);
    if (this.oneByOne) return this.sendEach(batch, waiting);
    try {
      // mysql2 answers a multi-statement query with one result per statement, in order
      const results = (await this.send(
        batch.map((q) => q.sql).join(';\n'),
        batch.flatMap((q) => q.params),
        false,
        batch.length,
      )) as unknown[];
      batch.forEach((q, i) => q.settle?.resolve(q.structured ? structured(results[i]) : results[i]));
    } catch (err) {
      const failed = new BatchedStatementError(err, batch);
      // if anything beyond the one awaited statement rode along, a write may have been skipped, and
      // the transaction must not go on to commit
      const onlyOwn = waiting.length === 1 && batch.every((q) => q.settle || q.control);
      if (!onlyOwn) this.failure = failed;
      for (const q of waiting) q.settle!.reject(failed);
    }
  }

  /** The batch one statement at a time; the first failure fails every statement not yet answered, and the transaction. */
  private async sendEach(batch: Queued[], waiting: Queued[]): Promise<void> {
    for (const [i, q] of batch.entries()) {
      try {
        const result = await this.send(q.sql, q.params, q.structured, 1);
        q.settle?.resolve(result);
      } catch (err) {
        const failed = new BatchedStatementError(Object.assign(err as object, { statementIndex: i }), batch);
        const onlyOwn = waiting.length === 1 && batch.every((b) => b.settle || b.control);
        if (!onlyOwn) this.failure = failed;
        for (const rest of batch.slice(i)) rest.settle?.reject(rest === q && onlyOwn ? err : failed);
        return;
      }
    }
  }
}

/** The first words of a statement, on one line, to name it in a message. */
function firstWords(sql: string, length = 80): string {
  const line = sql.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length)}…` : line;
}

/**
 * A statement of a multi-statement round trip failed. It is the batch's error (a QueryFailedError
 * with the driver's code, errno and message, so callers that look at those see what they saw
 * before), its message extended with the statement that failed: which one of the batch (when the
 * driver says), and whether it was a write sent later (`deferred`) rather than a statement its caller
 * awaited. When the driver does not say, the message lists the writes sent later that rode along.
 */
export class BatchedStatementError extends QueryFailedError {
  /** the failing statement's position in its batch (0-based), when the driver reported it */
  readonly statementIndex: number | null;
  /** the failing statement, when known */
  readonly statement: string | null;
  /** the failing statement was a write sent later (writeLater), not one its caller awaited */
  readonly deferred: boolean | null;
  /** every statement of the round trip, in order */
  readonly batch: string[];

  constructor(cause: unknown, batch: { sql: string; params: unknown[]; settle?: unknown; control?: boolean }[]) {
    const e = (cause ?? {}) as { statementIndex?: unknown; driverError?: unknown; message?: string };
    const index =
      typeof e.statementIndex === 'number' && Number.isInteger(e.statementIndex) && e.statementIndex >= 0 && e.statementIndex < batch.length
        ? e.statementIndex
        : null;
    const failing = index === null ? null : batch[index];
    const driverError = (e.driverError ?? cause) as Error;
    super(failing?.sql ?? batch.map((q) => q.sql).join(';\n'), failing?.params ?? batch.flatMap((q) => q.params), driverError);
    this.statementIndex = index;
    this.statement = failing?.sql ?? null;
    this.deferred = failing ? !failing.settle && !failing.control : null;
    this.batch = batch.map((q) => q.sql);
    const base = e.message ?? this.message;
    const deferred = batch.filter((q) => !q.settle && !q.control);
    if (failing) {
      const kind = failing.settle ? 'a statement awaited by its caller' : failing.control ? 'transaction control' : 'a write sent later';
      this.message = `${base} [statement ${index! + 1} of ${batch.length} in one round trip, ${kind}: ${firstWords(failing.sql)}]`;
    } else {
      const list = deferred.map((q) => firstWords(q.sql, 60)).join(' | ');
      this.message = `${base} [in one of ${batch.length} statements sent in one round trip${deferred.length ? `; writes sent later among them: ${list}` : ''}]`;
    }
  }
}

function structured(raw: unknown): QueryResult {
  const result = new QueryResult();
  result.raw = raw;
  result.records = Array.isArray(raw) ? raw : [];
  if (raw && typeof raw === 'object' && 'affectedRows' in raw) result.affected = (raw as { affectedRows: number }).affectedRows;
  return result;
}

/** A query runner whose statements go through a pipeline (server/db/pipelined-runner.ts). */
interface Pipelined {
  readonly pipeline: StatementPipeline;
}

function pipelineOf(em: EntityManager): StatementPipeline | undefined {
  const runner = em.queryRunner as Partial<Pipelined> | undefined;
  return runner?.pipeline instanceof StatementPipeline ? runner.pipeline : undefined;
}

/**
 * Runs a write whose result the caller does not need: in a pipelined transaction it goes with the
 * transaction's next statement (and fails that statement and the transaction if it fails);
 * elsewhere it runs now.
 */
export async function writeLater(em: EntityManager, sql: string, params: unknown[]): Promise<void> {
  const pipeline = pipelineOf(em);
  if (pipeline) pipeline.later(sql, params);
  else await em.query(sql, params);
}
