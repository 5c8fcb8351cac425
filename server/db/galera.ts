import type { DataSource } from 'typeorm';

/**
 * A MariaDB Galera node (wsrep_on). Reads on one node may lag a commit on another; with
 * wsrep_sync_wait a read first waits until this node has applied every write set the cluster
 * ordered before it, so an answer committed through one node is seen by a read through any other
 * (a payment, then its GET; an Idempotency-Key replay on another app process). The throwaway
 * cluster sets it for the server (scripts/galera-throwaway.sh); the app sets it on each connection
 * it opens too (WSREP_SYNC_WAIT, 1 = reads by default), so a cluster configured without it still
 * reads its own writes.
 *
 * On a Galera node a transaction's statements are sent one round trip each (server/db/pipeline.ts,
 * `oneByOne`): when a write set from another node aborts a local transaction (a certification
 * conflict, "brute force abort"), MariaDB 10.11 does not fail the multi-statement round trip that
 * follows — its statements run on outside the aborted transaction, each committing alone, and the
 * round trip (COMMIT included) answers success. Found by `npm run test:cluster`: a running total
 * moved without its payment, an Idempotency-Key answered with a payment rolled back, the audit chain
 * broken. One statement at a time, the first after the abort fails with 1213 and the whole
 * transaction is retried (server/db/retry.ts).
 */
const galeraSources = new WeakSet<DataSource>();

export function isGalera(ds: DataSource): boolean {
  return galeraSources.has(ds);
}

interface PoolLike {
  on(event: 'connection', listener: (connection: { query(sql: string, callback: (err: unknown) => void): unknown }) => void): unknown;
}

/** Looks whether ds is a Galera node; if so, new pooled connections read their own writes. */
export async function detectGalera(ds: DataSource): Promise<boolean> {
  if (ds.options.type !== 'mysql' && ds.options.type !== 'mariadb') return false;
  const rows = (await ds.query("SHOW VARIABLES LIKE 'wsrep_on'")) as { Value?: string }[];
  if (rows[0]?.Value !== 'ON') return false;
  galeraSources.add(ds);
  const level = Number(process.env.WSREP_SYNC_WAIT ?? 1);
  if (Number.isInteger(level) && level >= 0 && level <= 15) {
    const pool = (ds.driver as unknown as { pool?: PoolLike }).pool;
    pool?.on('connection', (connection) => void connection.query(`SET SESSION wsrep_sync_wait = ${level}`, () => undefined));
  }
  return true;
}
