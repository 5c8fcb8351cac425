import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { leanFindOne } from './lean';

/**
 * Runs fn in one transaction. On MySQL/MariaDB it uses READ COMMITTED so that a sum read after a
 * row lock sees every transaction committed before the lock was granted. SQLite has one connection
 * in TypeORM, so its transactions are queued one after another here instead of colliding.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

export function isMysql(ds: DataSource): boolean {
  return ds.options.type === 'mysql' || ds.options.type === 'mariadb';
}

/** pooled MariaDB connections already switched to READ COMMITTED for their whole session */
const readCommittedSessions = new WeakSet<object>();

/**
 * One MariaDB transaction at READ COMMITTED. The level is set once per pooled connection (for its
 * session) rather than before every transaction, which saves a round trip on every write.
 */
async function mysqlTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  const qr = ds.createQueryRunner();
  try {
    const connection = (await qr.connect()) as object;
    if (!readCommittedSessions.has(connection)) {
      await qr.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
      readCommittedSessions.add(connection);
    }
    await qr.startTransaction();
    try {
      const result = await fn(qr.manager);
      await qr.commitTransaction();
      return result;
    } catch (err) {
      await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    }
  } finally {
    await qr.release();
  }
}

export async function inTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  if (isMysql(ds)) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await mysqlTransaction(ds, fn);
      } catch (err) {
        // A deadlock victim is rolled back whole; running it again is safe and is what callers expect.
        if (attempt < 3 && (err as { code?: string }).code === 'ER_LOCK_DEADLOCK') continue;
        throw err;
      }
    }
  }
  const previous = sqliteQueues.get(ds) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => ds.transaction(fn));
  sqliteQueues.set(ds, run.catch(() => undefined));
  return run;
}

/** Locks one row for the rest of the transaction (SELECT … FOR UPDATE); SQLite is already serialised. */
export async function lockRow<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, id: number | string, idColumn = 'id'): Promise<E | null> {
  return leanFindOne(em, entity, { [idColumn]: id } as Partial<Record<keyof E & string, unknown>>, { lock: true });
}

/** Runs fn in the transaction the caller hands in, or in a new one when there is none. */
export function within<T>(ds: DataSource, em: EntityManager | undefined, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return em ? fn(em) : inTransaction(ds, fn);
}
