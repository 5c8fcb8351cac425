import type { DataSource } from 'typeorm';

/**
 * Every round trip the pool's MariaDB connections make while fn runs: each element is the text one
 * `query` call sent (a pipelined batch is one element, its statements joined by ";\n").
 */
export async function roundTrips(ds: DataSource, fn: () => Promise<unknown>): Promise<string[]> {
  type Connection = { query: (...a: unknown[]) => unknown };
  const pool = (ds.driver as unknown as { pool: { getConnection(cb: (err: unknown, c: Connection) => void): void } }).pool;
  const trips: string[] = [];
  const wrapped: [Connection, Connection['query']][] = [];
  const getConnection = pool.getConnection;
  pool.getConnection = function (this: unknown, cb: (err: unknown, c: Connection) => void) {
    getConnection.call(this, (err, c) => {
      // a connection handed out again (the look-up's, then the transaction's) is wrapped once
      if (c && !wrapped.some(([w]) => w === c)) {
        const query = c.query;
        wrapped.push([c, query]);
        c.query = (...args: unknown[]) => {
          trips.push(String(args[0]));
          return query.apply(c, args);
        };
      }
      cb(err, c);
    });
  };
  try {
    await fn();
  } finally {
    pool.getConnection = getConnection;
    for (const [c, query] of wrapped) c.query = query;
  }
  return trips;
}
