/**
 * The machine's floor for the disbursement benchmark on MariaDB: what a bare Express endpoint gets
 * when each request runs N trivial statements (`SELECT n`) in one transaction through a raw mysql2
 * pool — no validation, no TypeORM, no rows written — with the same 16 closed-loop clients in their
 * own process. It separates what the machine costs per statement and per round trip from what the
 * app adds. A case `NxR` sends the N statements (START and COMMIT included) in R round trips, as
 * the app's statement pipeline (server/db/pipeline.ts) does.
 *
 *   TEST_DB_URL=mysql://… npx ts-node --transpile-only scripts/bench-mariadb-floor.ts [--cases 15x15,15x5,8x8]
 *
 * Skipped (exit 0) when no mysql:// URL is given.
 */
import express from 'express';
import http from 'node:http';
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createPool } from 'mysql2';
import { dbKindOf } from '../server/db/config';

const CLIENTS = 16;
const REQUESTS = 2000;

/** The load generator (a child process): CLIENTS keep-alive connections firing n requests between them. */
async function client(url: string, n: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const target = new URL(url);
  const latencies: number[] = [];
  let next = 0;
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': 2 },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve());
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next++ < n) {
        const t0 = performance.now();
        await once();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  process.send!({ p50: latencies[Math.ceil(latencies.length * 0.5) - 1], p99: latencies[Math.ceil(latencies.length * 0.99) - 1] });
}

async function measure(base: string, statements: number, trips: number): Promise<string> {
  const url = new URL(base.replace(/^mariadb:/, 'mysql:'));
  const pool = createPool({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    connectionLimit: 20,
    multipleStatements: true,
  }).promise();
  const sql = ['START TRANSACTION', ...Array.from({ length: statements - 2 }, (_, i) => `SELECT ${i} AS n, 'floor' AS s`), 'COMMIT'];
  const perTrip = Math.ceil(sql.length / trips);
  const batches = Array.from({ length: Math.ceil(sql.length / perTrip) }, (_, i) => sql.slice(i * perTrip, (i + 1) * perTrip).join(';\n'));
  const app = express();
  app.use(express.json());
  app.post('/floor', async (_req, res) => {
    const connection = await pool.getConnection();
    try {
      for (const batch of batches) await connection.query(batch);
    } finally {
      connection.release();
    }
    res.json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/floor`;
  const fire = (n: number) =>
    new Promise<{ p50: number; p99: number }>((resolve, reject) => {
      const child = fork(__filename, ['--client', endpoint, String(n)], { execArgv: ['-r', 'ts-node/register/transpile-only'] });
      child.on('message', (m) => resolve(m as { p50: number; p99: number }));
      child.on('error', reject);
    });
  await fire(200);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const r = await fire(REQUESTS);
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  await new Promise((resolve) => server.close(resolve));
  await pool.end();
  return `${String(statements).padStart(10)} ${String(batches.length).padStart(11)} ${(REQUESTS / seconds).toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${((used.user + used.system) / 1000 / REQUESTS).toFixed(2).padStart(12)}`;
}

async function main() {
  if (process.argv[2] === '--client') return client(process.argv[3], Number(process.argv[4]));
  const base = [process.env.TEST_DB_URL, process.env.DB_URL].find((u) => u && dbKindOf(u) === 'mysql');
  if (!base) {
    console.log('(MariaDB floor skipped: set TEST_DB_URL or DB_URL to a mysql:// URL to include it)');
    return;
  }
  const { values } = parseArgs({
    options: { cases: { type: 'string', default: '15x15,15x5,8x8' } },
    allowPositionals: true,
    strict: false,
  });
  console.log(`floor: POST → N trivial statements in one transaction (raw mysql2), ${CLIENTS} clients, ${REQUESTS} requests`);
  console.log(
    `${'statements'.padStart(10)} ${'round trips'.padStart(11)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'app CPU ms'.padStart(12)}`,
  );
  for (const c of String(values.cases).split(',')) {
    const [n, r] = c.split('x').map(Number);
    if (!(n >= 2 && r >= 1)) throw new Error(`--cases: ${c} is not statements x round trips (e.g. 15x5)`);
    console.log(await measure(base, n, r));
  }
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
