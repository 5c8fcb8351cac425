import type { AddressInfo } from 'node:net';
import { openDatabase } from './db/data-source';
import { drainGroups } from './db/group-commit';
import { createApp } from './app';
// the composition root: the one file under server/ that reaches into seeds/
import { seedEmptyEmbeddedDatabase } from '../seeds/seed-if-empty';
import { assertNoDemoCredentials } from './auth/demo-guard';
import { startIdempotencyPurge } from './http/idempotency';

/** how long a shutdown waits for the requests in flight before it closes their connections (SHUTDOWN_GRACE_MS) */
const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 20_000);

/** npm start: serve the ledger; an empty embedded database is set up with the seed data first. */
async function main() {
  const ds = await openDatabase();
  if (process.env.NODE_ENV === 'production') await assertNoDemoCredentials(ds);
  else await seedEmptyEmbeddedDatabase(ds, (line) => console.log(line));
  const { app } = createApp(ds);
  const stopPurge = startIdempotencyPurge(ds);
  const port = Number(process.env.PORT ?? 3000);
  let stopping = false;
  const server = app.listen(port, () => {
    console.log(`예산·민간위탁 관리대장: http://localhost:${(server.address() as AddressInfo).port}`);
  });
  // a connection kept alive is told to close with its next answer once the shutdown has begun
  server.on('request', (_req, res) => {
    if (stopping) res.setHeader('Connection', 'close');
  });

  /**
   * Graceful shutdown (SIGTERM, SIGINT): stop accepting connections, let the requests in flight
   * finish (and the group commits carrying them), then close the pool. Connections kept alive but
   * idle are closed at once; requests still running after the grace period are cut off — their
   * transactions roll back, and an Idempotency-Key retry then runs them once.
   */
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining requests`);
    stopPurge();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), GRACE_MS);
    grace.unref();
    await closed;
    clearTimeout(grace);
    await drainGroups();
    await ds.destroy();
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
