import type { EntityManager, QueryRunner } from 'typeorm';
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
 * The server runs a multi-statement query in order and stops at the first error, so order, and
 * read-your-writes within the transaction, are as if each had been sent alone. A failure in a batch
 * that carried more than the failing caller's own statement leaves the transaction unusable: every
 * later statement is refused with that error, so the caller's transaction rolls back and nothing it
 * believed written is committed without it.
 */

interface Queued {
  sql: string;
  params: unknown[];
  structured: boolean;
  /** transaction control (SET SESSION, START TRANSACTION): cannot lose a write if the batch fails */
  control?: boolean;
  settle?: { resolve(value: unknown): void; reject(reason: unknown): void };
}

type Send = (sql: string, params: unknown[] | undefined, structured: boolean) => Promise<unknown>;

export class StatementPipeline {
  private queue: Queued[] = [];
  private scheduled = false;
  private failure: unknown = null;

  constructor(private readonly send: Send) {}

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
      await this.send(only.sql, only.params, only.structured).then(only.settle!.resolve, only.settle!.reject);
      return;
    }
    const waiting = batch.filter((q) => q.settle);
    try {
      // mysql2 answers a multi-statement query with one result per statement, in order
      const results = (await this.send(
        batch.map((q) => q.sql).join(';\n'),
        batch.flatMap((q) => q.params),
        false,
      )) as unknown[];
      batch.forEach((q, i) => q.settle?.resolve(q.structured ? structured(results[i]) : results[i]));
    } catch (err) {
      // which statement failed is not reported; if anything beyond the one awaited statement rode
      // along, a write may have been skipped, and the transaction must not go on to commit
      const onlyOwn = waiting.length === 1 && batch.every((q) => q.settle || q.control);
      if (!onlyOwn) this.failure = err;
      for (const q of waiting) q.settle!.reject(err);
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

const pipelines = new WeakMap<QueryRunner, StatementPipeline>();

/**
 * Routes a MariaDB query runner's statements through a pipeline for the rest of its life (one
 * transaction): START TRANSACTION waits for the first statement, ROLLBACK drops what was never sent.
 */
export function pipelineQueryRunner(qr: QueryRunner): StatementPipeline {
  const send = qr.query.bind(qr) as Send;
  const pipeline = new StatementPipeline(send);
  pipelines.set(qr, pipeline);
  qr.query = ((sql: string, params?: unknown[], useStructuredResult: boolean = false) => {
    if (sql === 'START TRANSACTION') return Promise.resolve(pipeline.later(sql, [], true));
    if (sql === 'ROLLBACK') {
      pipeline.discard();
      return send(sql, params, useStructuredResult);
    }
    return pipeline.query(sql, params, useStructuredResult);
  }) as QueryRunner['query'];
  return pipeline;
}

/** The pipeline of the transaction `em` belongs to, if it has one (MariaDB transactions). */
function pipelineOf(em: EntityManager): StatementPipeline | undefined {
  return em.queryRunner ? pipelines.get(em.queryRunner) : undefined;
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
