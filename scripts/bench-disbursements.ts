/**
 * Disbursement benchmark: POST /api/disbursements (request + decision + payment in one call: the plan
 * check under the program-year lock, the ledger 집행 and the audit records) with 16 concurrent clients.
 *
 *   npx ts-node --transpile-only scripts/bench-disbursements.ts [--requests 2000] [--warmup 1000] [--clients 16]
 *     [--scenario one|spread] [--db sqlite|mariadb] [--sqlite-synchronous NORMAL]
 *
 * Starts the app in-process on an ephemeral port over a fresh database — a SQLite temp file, and also
 * MariaDB when TEST_DB_URL or DB_URL is a mysql:// URL (a throwaway database on that server, dropped
 * after) — seeds it, fires a bounded number of requests and prints requests/s, p50 and p99.
 * Target: p99 under 50 ms on the 2-core machine. The SQLite run uses the app's own settings (WAL with
 * better-sqlite3's default synchronous=NORMAL: no fsync per commit; a power cut may lose the last
 * commits but never corrupts the file) unless --sqlite-synchronous names another level (FULL: one
 * fsync per commit), to show what that costs. Besides latency it prints the CPU each request costs in
 * the app, in the clients and in the database server (MariaDB, when it runs on this machine): on two
 * cores the three share the CPU, so these say where a request's time goes. The load average is
 * printed: other work on the machine skews the figures.
 */
import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dbKindOf } from '../server/db/config';
import { openDatabase } from '../server/db/data-source';
import { createApp } from '../server/app';
import { runSeedSteps } from '../seeds/run-steps';
import { DEMO_ACCOUNTS } from '../seeds/demo-accounts';
import { Disbursement } from '../entities/consignment-disbursement';
import { systemContext } from '../server/context';
import { createProgram } from '../server/app/reference/programs';
import { createAppropriation, createProgramYear } from '../server/app/reference/program-years';
import { createConsignment } from '../server/app/consignments/consignments';
import { approveGrantPlan, createGrantPlan } from '../server/app/grants/grant-plans';

const TARGET_P99_MS = 50;
const AMOUNT = 1_000;

interface Db {
  label: string;
  ds: DataSource;
  drop(): Promise<void>;
  /** CPU seconds the database server has used so far, when it runs on this machine */
  serverCpu?: () => number | null;
}

async function sqliteDb(synchronous?: string): Promise<Db> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-disb-'));
  const ds = await openDatabase(`sqlite:${path.join(dir, 'bench.sqlite')}`);
  if (synchronous) {
    if (!/^(OFF|NORMAL|FULL|EXTRA)$/i.test(synchronous)) throw new Error('--sqlite-synchronous: OFF, NORMAL, FULL or EXTRA');
    await ds.query(`PRAGMA synchronous = ${synchronous}`);
  }
  const level = ((await ds.query('PRAGMA synchronous')) as { synchronous: number }[])[0].synchronous;
  return {
    label: `SQLite (sync=${['OFF', 'NORMAL', 'FULL', 'EXTRA'][level] ?? level})`,
    ds,
    drop: async () => {
      await ds.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function mysqlDb(base: string): Promise<Db> {
  const url = new URL(base.replace(/^mariadb:/, 'mysql:'));
  const name = `ledger_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  url.pathname = `/${name}`;
  const ds = await openDatabase(url.toString());
  const version = ((await ds.query('SELECT VERSION() AS v')) as { v: string }[])[0].v;
  const pidFile = ((await ds.query('SELECT @@pid_file AS f')) as { f: string }[])[0].f;
  const pid = fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').trim() : null;
  return {
    label: `MariaDB ${version}`,
    ds,
    serverCpu: () => {
      // utime + stime of the server process, in clock ticks (100 per second on Linux)
      const stat = pid && fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : null;
      if (!stat) return null;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    drop: async () => {
      await ds.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

interface Result {
  label: string;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Record<number, number>;
  paidOk: boolean;
  /** CPU milliseconds per request: this process (the app), the clients' process, the database server */
  cpu: { app: number; clients: number; database: number | null };
  /** share of the run the app's event loop was busy (1 = the app's one thread was the bottleneck) */
  eventLoop: number;
  /** the app's garbage-collection pauses during the run: their sum and the longest, ms */
  gc: { total: number; max: number };
}

/**
 * 16 more consignments of the same department, each funded by its own program with an approved
 * plan, so each client can pay its own operator (the everyday case: one officer per consignment).
 */
async function spreadConsignments(ds: DataSource, count: number): Promise<string[]> {
  const ctx = systemContext('bench');
  const codes: string[] = [];
  for (let i = 1; i <= count; i++) {
    const program = `BENCH-P${i}`;
    await createProgram(ds, ctx, { code: program, name: `벤치 위탁사업 ${i}`, kind: 'unit', account: 'general' });
    const py = await createProgramYear(ds, ctx, { programCode: program, fiscalYear: 2025, orgCode: 'LFB-FAIR' });
    await createAppropriation(ds, ctx, { programYearId: py.id, expenseItem: '민간위탁금', amount: 4_000_000_000 });
    const code = `BENCH-C${i}`;
    await createConsignment(ds, ctx, {
      code,
      name: `벤치 위탁사무 ${i}`,
      consignmentType: 'office',
      fundingType: 'budget',
      orgCode: 'LFB-FAIR',
      programCode: program,
    });
    const plan = await createGrantPlan(ds, ctx, {
      consignment: code,
      fiscalYear: 2025,
      quarters: [1_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000],
    });
    await approveGrantPlan(ds, ctx, plan.id, { approvedOn: '2025-01-02' });
    codes.push(code);
  }
  return codes;
}

async function run(db: Db, requests: number, clients: number, scenario: 'one' | 'spread', warmupRequests: number): Promise<Result> {
  await runSeedSteps(
    db.ds,
    () => undefined,
    (f) => /^(010|020|040|090)-/.test(f),
  );
  const consignments = scenario === 'spread' ? await spreadConsignments(db.ds, clients) : ['EC-C01'];
  const { app } = createApp(db.ds, { web: false });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const token = DEMO_ACCOUNTS.find((a) => a.username === 'officer')!.token;
  const url = `http://127.0.0.1:${port}/api/disbursements`;
  const bodies = consignments.map((consignment) =>
    JSON.stringify({ consignment, fiscalYear: 2025, quarter: 4, requestedOn: '2025-10-01', amount: AMOUNT, paidOn: '2025-10-02' }),
  );
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const paidBefore = (await db.ds.getRepository(Disbursement).findBy({ fiscalYear: 2025, status: 'paid' })).reduce(
    (s, d) => s + (d.paidAmount ?? 0),
    0,
  );

  const statuses: Record<number, number> = {};
  let clientCpuMs = 0;
  // The clients run in a child process, as real clients would: in this process they would take
  // turns with the server on one event loop and inflate every latency. The same process serves the
  // warm-up and the measured run, so that it is warm too.
  const child = fork(__filename, ['--client', url, String(clients), JSON.stringify(bodies), headers.Authorization], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
  });
  const fire = (n: number, latencies: number[] | null) =>
    new Promise<void>((resolve, reject) => {
      child.once('message', (m: { latencies: number[]; statuses: Record<number, number>; cpuMs: number }) => {
        if (latencies) {
          clientCpuMs += m.cpuMs;
          latencies.push(...m.latencies);
          for (const [k, v] of Object.entries(m.statuses)) statuses[Number(k)] = (statuses[Number(k)] ?? 0) + v;
        }
        resolve();
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the clients' process exited (${code}) before answering`)));
      child.send({ n });
    });

  try {
    // The first second runs at about half the steady rate (V8 still compiling the hot path, the
    // database's caches cold): it is left out of the figures, as a server that has run a while would.
    const warmup = Math.min(warmupRequests, requests);
    await fire(warmup, null);
    const latencies: number[] = [];
    const start = performance.now();
    const appCpu = process.cpuUsage();
    const elu = performance.eventLoopUtilization();
    const gc = { total: 0, max: 0 };
    const gcWatch = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        gc.total += e.duration;
        gc.max = Math.max(gc.max, e.duration);
      }
    });
    gcWatch.observe({ entryTypes: ['gc'] });
    const dbCpu = db.serverCpu?.() ?? null;
    await fire(requests, latencies);
    const seconds = (performance.now() - start) / 1000;
    const appCpuUsed = process.cpuUsage(appCpu);
    const eluUsed = performance.eventLoopUtilization(elu).utilization;
    gcWatch.disconnect();
    const dbCpuAfter = db.serverCpu?.() ?? null;
    latencies.sort((a, b) => a - b);
    const paidAfter = (await db.ds.getRepository(Disbursement).findBy({ fiscalYear: 2025, status: 'paid' })).reduce(
      (s, d) => s + (d.paidAmount ?? 0),
      0,
    );
    return {
      label: `${db.label} · ${scenario === 'one' ? 'one consignment' : `${consignments.length} consignments`}`,
      requests,
      seconds,
      rps: requests / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1],
      statuses,
      paidOk: paidAfter - paidBefore === (warmup + (statuses[201] ?? 0)) * AMOUNT,
      eventLoop: eluUsed,
      gc,
      cpu: {
        app: (appCpuUsed.user + appCpuUsed.system) / 1000 / requests,
        clients: clientCpuMs / requests,
        database: dbCpu !== null && dbCpuAfter !== null ? ((dbCpuAfter - dbCpu) * 1000) / requests : null,
      },
    };
  } finally {
    child.kill();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The load generator: `clients` keep-alive connections; each message `{ n }` fires n requests between them and answers with the figures. */
function client(url: string, clients: number, bodiesJson: string, authorization: string): void {
  const bodies = JSON.parse(bodiesJson) as string[];
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const target = new URL(url);
  const once = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: authorization },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const burst = async (n: number) => {
    const cpuAtStart = process.cpuUsage();
    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    let next = 0;
    // client i always pays consignment i (mod the number of consignments)
    const worker = async (i: number) => {
      while (next < n) {
        next++;
        const t0 = performance.now();
        const status = await once(bodies[i % bodies.length]);
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, i) => worker(i)));
    const cpu = process.cpuUsage(cpuAtStart);
    process.send!({ latencies, statuses, cpuMs: (cpu.user + cpu.system) / 1000 });
  };
  process.on('message', (m: { n: number }) => void burst(m.n));
  process.on('disconnect', () => process.exit(0));
}

async function main() {
  if (process.argv[2] === '--client') {
    const [url, clients, bodies, authorization] = process.argv.slice(3);
    return client(url, Number(clients), bodies, authorization);
  }
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '2000' },
      warmup: { type: 'string', default: '1000' },
      clients: { type: 'string', default: '16' },
      'sqlite-synchronous': { type: 'string' },
      scenario: { type: 'string' },
      db: { type: 'string' },
    },
    allowPositionals: true,
    strict: false,
  });
  const synchronous = values['sqlite-synchronous'] as string | undefined;
  const requests = Number(values.requests);
  const clients = Number(values.clients);
  const warmup = Number(values.warmup);
  const mysqlUrl = [process.env.TEST_DB_URL, process.env.DB_URL].find((u) => u && dbKindOf(u) === 'mysql');
  const onlyDb = values.db as string | undefined;
  const makers: (() => Promise<Db>)[] = [];
  if (onlyDb !== 'mariadb') makers.push(() => sqliteDb(synchronous));
  if (mysqlUrl && onlyDb !== 'sqlite') makers.push(() => mysqlDb(mysqlUrl));
  else if (!mysqlUrl) console.log('(MariaDB skipped: set TEST_DB_URL or DB_URL to a mysql:// URL to include it)');
  const scenarios = (['one', 'spread'] as const).filter((s) => !values.scenario || values.scenario === s);

  console.log(
    `load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `disbursement payments: ${requests} requests after ${warmup} to warm up, ${clients} concurrent clients, POST /api/disbursements (request+decision+payment, ledger 집행, audit)`,
  );
  const results: Result[] = [];
  let failed = false;
  // 'one': every client pays the same consignment — the worst case, serialised by its row lock;
  // 'spread': each client pays its own consignment, as officers of many programs do each quarter.
  for (const scenario of scenarios) {
    for (const make of makers) {
      const db = await make();
      try {
        const r = await run(db, requests, clients, scenario, warmup);
        results.push(r);
        const unexpected = Object.entries(r.statuses).filter(([s]) => s !== '201');
        if (unexpected.length || !r.paidOk) failed = true;
      } finally {
        await db.drop();
      }
    }
  }
  console.log('');
  console.log(
    `${'database · scenario'.padEnd(44)} ${'requests'.padStart(8)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}  statuses  p99 < ${TARGET_P99_MS} ms`,
  );
  for (const r of results) {
    console.log(
      `${r.label.slice(0, 44).padEnd(44)} ${String(r.requests).padStart(8)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}  ${Object.entries(
        r.statuses,
      )
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}  ${r.p99 < TARGET_P99_MS ? 'met' : 'NOT met'}${r.paidOk ? '' : '  (paid total mismatch!)'}`,
    );
  }
  console.log('');
  console.log(
    `CPU per request (ms): the app's process · the clients' process · the database server (when local) · the app's event loop busy · the app's GC pauses (sum / longest, ms)`,
  );
  for (const r of results) {
    console.log(
      `${r.label.slice(0, 44).padEnd(44)} ${r.cpu.app.toFixed(2).padStart(8)} ${r.cpu.clients.toFixed(2).padStart(8)} ${(r.cpu.database === null ? '–' : r.cpu.database.toFixed(2)).padStart(8)} ${`${(r.eventLoop * 100).toFixed(0)}%`.padStart(6)}  ${r.gc.total.toFixed(0)} / ${r.gc.max.toFixed(1)}`,
    );
  }
  console.log(
    `machine: ${os.cpus().length} CPU(s), node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
