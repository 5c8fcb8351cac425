import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { leanFindOne } from './lean';
import { PipelinedQueryRunner } from './pipelined-runner';
import { withConflictRetry } from './retry';

/**
 * Runs fn in one transaction. On MySQL/MariaDB it uses READ COMMITTED so that a sum read after a
 * row lock sees every transaction committed before the lock was granted. SQLite has one connection
 * in TypeORM, so its transactions are queued one after another here instead of colliding.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

export function isMysql(ds: DataSource): boolean {
  return ds.options.type === 'mysql' || ds.options.type === 'mariadb';
}

/** what belongs to one open transaction: work to run just before it commits, and its own values */
interface TransactionScope {
  hooks: (() => Promise<void>)[];
  locals: Map<symbol, unknown>;
}

// Keyed by the transaction's EntityManager; SQLite reuses one manager for every transaction, so a
// scope lives exactly as long as its transaction and is dropped whether it commits or not.
const scopes = new WeakMap<EntityManager, TransactionScope>();

/**
 * Runs hook at the end of the transaction that `em` belongs to, just before it commits (so that
 * rows gathered on the way, like audit records, go in one statement). Returns false when `em` is
 * not a transaction opened by inTransaction; the caller must then do the work at once.
 */
export function beforeCommit(em: EntityManager, hook: () => Promise<void>): boolean {
  const scope = scopes.get(em);
  if (!scope) return false;
  scope.hooks.push(hook);
  return true;
}

/** A value kept for the rest of the transaction `em` belongs to (made by init on first use); undefined outside one. */
export function transactionLocal<T>(em: EntityManager, key: symbol, init: () => T): T | undefined {
  const scope = scopes.get(em);
  if (!scope) return undefined;
  if (!scope.locals.has(key)) scope.locals.set(key, init());
  return scope.locals.get(key) as T;
}

function scoped<T>(fn: (em: EntityManager) => Promise<T>): (em: EntityManager) => Promise<T> {
  return async (em) => {
    const scope: TransactionScope = { hooks: [], locals: new Map() };
    scopes.set(em, scope);
    try {
      const result = await fn(em);
      for (const hook of scope.hooks) await hook();
      return result;
    } finally {
      scopes.delete(em);
    }
  };
}

/** pooled MariaDB connections already switched to READ COMMITTED for their whole session */
const readCommittedSessions = new WeakSet<object>();

/** the statement that sets a session's isolation level: once per pooled connection */
export const SET_READ_COMMITTED = 'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED';

/**
 * One MariaDB transaction at READ COMMITTED, its statements pipelined (server/db/pipeline.ts): our
 * own query runner (server/db/pipelined-runner.ts) opens, commits and rolls it back through the
 * pipeline's explicit methods. The level is set once per pooled connection (for its session), and
 * it and START TRANSACTION travel with the transaction's first statement, so neither costs a round
 * trip of its own.
 */
async function mysqlTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  const runner = new PipelinedQueryRunner(ds);
  try {
    const connection = (await runner.connect()) as object;
    const setsLevel = !readCommittedSessions.has(connection);
    await runner.begin(setsLevel ? [SET_READ_COMMITTED] : []);
    try {
      const result = await fn(runner.manager);
      await runner.commit();
      // only now is it certain the SET was sent (a rollback may drop it unsent)
      if (setsLevel) readCommittedSessions.add(connection);
      return result;
    } catch (err) {
      await runner.rollback().catch(() => undefined);
      throw err;
    }
  } finally {
    await runner.release();
  }
}

/** the transaction a request runs in (inRequestTransaction), which the use cases it calls join */
const ambient = new AsyncLocalStorage<{ ds: DataSource; em: EntityManager } | undefined>();

/**
 * Runs fn in one transaction that every inTransaction / within on the same database called from
 * inside fn joins instead of opening its own: a request's work and what the request layer writes
 * about it (its Idempotency-Key's record and answer) commit together or not at all. Work that must
 * commit in a transaction of its own (group commit) runs outsideTransaction.
 */
export function inRequestTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return inTransaction(ds, (em) => ambient.run({ ds, em }, () => fn(em)));
}

/** Runs fn outside any request transaction (its own inTransaction calls open their own). */
export function outsideTransaction<T>(fn: () => T): T {
  return ambient.run(undefined, fn);
}

export async function inTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  const joined = ambient.getStore();
  // a nested call joins the request's transaction (its beforeCommit hooks run before that commit)
  if (joined && joined.ds === ds) return fn(joined.em);
  // A deadlock victim or a Galera certification conflict is rolled back whole: the whole function runs
  // again (bounded, with jitter: server/db/retry.ts), re-reading and re-checking everything under its
  // locks. Whatever fn's transaction writes (audit records, Idempotency-Key records) is queued in a
  // scope made afresh for each try.
  if (isMysql(ds)) return withConflictRetry(() => mysqlTransaction(ds, scoped(fn)));
  const previous = sqliteQueues.get(ds) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => ds.transaction(scoped(fn)));
  sqliteQueues.set(
    ds,
    run.catch(() => undefined),
  );
  return run;
}

/** Locks one row for the rest of the transaction (SELECT … FOR UPDATE); SQLite is already serialised. */
export async function lockRow<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  id: number | string,
  idColumn = 'id',
): Promise<E | null> {
  return leanFindOne(em, entity, { [idColumn]: id } as Partial<Record<keyof E & string, unknown>>, { lock: true });
}

/** Runs fn in the transaction the caller hands in, or in a new one when there is none. */
export function within<T>(ds: DataSource, em: EntityManager | undefined, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return em ? fn(em) : inTransaction(ds, fn);
}
