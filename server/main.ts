import cluster from 'node:cluster';
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

/**
 * WORKERS=N (default 1): N processes serve the same port (node:cluster; the primary hands out the
 * connections). DB_URLS, a comma-separated list, points worker i at URL i mod n — on a Galera
 * cluster one node per worker; without it every worker uses DB_URL. State the workers share lives
 * in the database: sessions, tokens, Idempotency-Keys, the login limiter (LOGIN_ATTEMPTS=database)
 * and the revocation epoch (server/auth/revocation.ts).
 */
const WORKERS = Math.max(1, Math.floor(Number(process.env.WORKERS ?? 1)) || 1);

function databaseUrls(): (string | undefined)[] {
  const list = (process.env.DB_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  return list.length ? list : [process.env.DB_URL];
}

/** the URL of worker `index` (0-based) */
function urlOfWorker(index: number, urls = databaseUrls()): string | undefined {
  return urls[index % urls.length];
}

/** npm start: serve the ledger; an empty embedded database is set up with the seed data first. */
async function serve(url: string | undefined, label: string) {
  const ds = await openDatabase(url);
  if (process.env.NODE_ENV === 'production') await assertNoDemoCredentials(ds);
  else await seedEmptyEmbeddedDatabase(ds, (line) => console.log(line));
  const { app } = createApp(ds);
  const stopPurge = startIdempotencyPurge(ds);
  const port = Number(process.env.PORT ?? 3000);
  let stopping = false;
  const server = app.listen(port, () => {
    console.log(`예산·민간위탁 관리대장${label}: http://localhost:${(server.address() as AddressInfo).port}`);
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
    console.log(`${signal}: draining requests${label}`);
    stopPurge();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), GRACE_MS);
    grace.unref();
    await closed;
    clearTimeout(grace);
    await drainGroups();
    await ds.destroy();
    console.log(`stopped${label}`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * The primary of WORKERS=N: brings the schema up to date (and seeds an empty embedded database)
 * once, before any worker opens it, then forks the workers and forks again one that dies. SIGTERM
 * and SIGINT are passed on; it exits when the last worker has drained.
 */
async function primary() {
  const urls = databaseUrls();
  // every URL of the list is migrated (the nodes of one cluster share one schema: the later ones find nothing to do)
  for (const url of new Set(urls)) {
    const ds = await openDatabase(url);
    if (process.env.NODE_ENV !== 'production') await seedEmptyEmbeddedDatabase(ds, (line) => console.log(line));
    await ds.destroy();
  }
  let stopping = false;
  const fork = (index: number) => {
    const worker = cluster.fork({ WORKER_INDEX: String(index), LOGIN_ATTEMPTS: process.env.LOGIN_ATTEMPTS ?? 'database' });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`worker ${index + 1} exited (${signal ?? code}); starting it again`);
      setTimeout(() => fork(index), 1000).unref();
    });
  };
  for (let i = 0; i < WORKERS; i++) fork(i);
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  cluster.on('exit', () => {
    if (stopping && !Object.keys(cluster.workers ?? {}).length) process.exit(0);
  });
}

function main(): Promise<void> {
  if (WORKERS > 1 && cluster.isPrimary) return primary();
  if (cluster.isWorker) {
    const index = Number(process.env.WORKER_INDEX ?? 0);
    return serve(urlOfWorker(index), ` (worker ${index + 1}/${WORKERS}, pid ${process.pid})`);
  }
  return serve(databaseUrls()[0], '');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
