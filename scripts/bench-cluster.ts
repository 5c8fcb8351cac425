/**
 * Disbursement benchmark on the three-node Galera cluster (scripts/galera-throwaway.sh), part of
 * `npm run bench` when the cluster is up (GALERA_URLS, or the script's nodes answering):
 * POST /api/disbursements from 16 concurrent clients through one app process on one node, then
 * through three app processes on three nodes (clients spread round robin), each on one consignment
 * (the hot line: every payment takes the same program-year lock and running-total row) and on 16
 * (one per client). Prints requests/s, p50, p99 and the share of transactions run more than once
 * (certification conflicts retried, server/db/retry.ts), and checks that what was paid is what was
 * accepted.
 *
 *   npx ts-node --transpile-only scripts/bench-cluster.ts [--requests 1500] [--warmup 300] [--clients 16]
 */
import { execFileSync, fork, ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { openDatabase } from '../server/db/data-source';
import { createApp } from '../server/app';
import { retryCounters, RetryCounters } from '../server/db/retry';
import { runSeedSteps } from '../seeds/run-steps';
import { DEMO_ACCOUNTS } from '../seeds/demo-accounts';
import { systemContext } from '../server/context';
import { createProgram } from '../server/app/reference/programs';
import { createAppropriation, createProgramYear } from '../server/app/reference/program-years';
import { createConsignment } from '../server/app/consignments/consignments';
import { approveGrantPlan, createGrantPlan } from '../server/app/grants/grant-plans';

const AMOUNT = 1_000;
const SCRIPT = path.join(__dirname, 'galera-throwaway.sh');

/** the cluster's node URLs, or null when it is not up */
async function clusterUrls(): Promise<string[] | null> {
  let urls = process.env.GALERA_URLS?.split(',').filter(Boolean);
  if (!urls?.length) {
    try {
      urls = execFileSync(SCRIPT, ['urls'], { encoding: 'utf8' }).trim().split('\n');
    } catch {
      return null;
    }
  }
  for (const u of urls) {
    const url = new URL(u);
    try {
      const c = await createConnection({
        host: url.hostname,
        port: Number(url.port),
        user: 'ledger',
        password: 'ledger',
        connectTimeout: 2000,
      });
      await c.end();
    } catch {
      return null;
    }
  }
  return urls;
}

async function consignments(ds: DataSource, count: number, tag: string): Promise<string[]> {
  const ctx = systemContext('bench');
  const codes: string[] = [];
  for (let i = 1; i <= count; i++) {
    const program = `BC-${tag}-P${i}`;
    await createProgram(ds, ctx, { code: program, name: `클러스터 벤치 사업 ${tag} ${i}`, kind: 'unit', account: 'general' });
    const py = await createProgramYear(ds, ctx, { programCode: program, fiscalYear: 2025, orgCode: 'LFB-FAIR' });
    await createAppropriation(ds, ctx, { programYearId: py.id, expenseItem: '민간위탁금', amount: 4_000_000_000 });
    const code = `BC-${tag}-C${i}`;
    await createConsignment(ds, ctx, {
      code,
      name: `클러스터 벤치 위탁 ${tag} ${i}`,
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

/** An app process over one node: answers { port } when listening, and { counters } when asked. */
async function appProcess(url: string): Promise<void> {
  const ds = await openDatabase(url);
  const { app } = createApp(ds, { web: false });
  const server = app.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on('message', () => process.send!({ counters: retryCounters() }));
  process.on('disconnect', () => process.exit(0));
}

interface App {
  child: ChildProcess;
  port: number;
  counters(): Promise<RetryCounters>;
}

function startApp(url: string): Promise<App> {
  const child = fork(__filename, ['--app', url], { execArgv: ['-r', 'ts-node/register/transpile-only'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) =>
      resolve({
        child,
        port: m.port,
        counters: () =>
          new Promise((ok) => (child.once('message', (r: { counters: RetryCounters }) => ok(r.counters)), child.send('stats'))),
      }),
    );
    child.once('exit', (code) => reject(new Error(`app process exited (${code})`)));
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function fire(ports: number[], bodies: string[], clients: number, n: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients * ports.length });
  const auth = `Bearer ${DEMO_ACCOUNTS.find((a) => a.username === 'officer')!.token}`;
  const once = (port: number, body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: '127.0.0.1',
          port,
          path: '/api/disbursements',
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: auth },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const start = performance.now();
  // client i always pays consignment i (mod their number), through app process i (mod their number)
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      while (next < n) {
        next++;
        const t0 = performance.now();
        const status = await once(ports[i % ports.length], bodies[i % bodies.length]);
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { seconds, latencies, statuses };
}

async function main() {
  if (process.argv[2] === '--app') return appProcess(process.argv[3]);
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '1500' },
      warmup: { type: 'string', default: '300' },
      clients: { type: 'string', default: '16' },
    },
    strict: false,
  });
  const requests = Number(values.requests);
  const warmup = Number(values.warmup);
  const clients = Number(values.clients);
  const nodes = await clusterUrls();
  if (!nodes) {
    console.log('(Galera cluster skipped: start it with scripts/galera-throwaway.sh start, or set GALERA_URLS)');
    return;
  }
  const name = `ledger_bench_cl_${crypto.randomBytes(4).toString('hex')}`;
  const first = new URL(nodes[0]);
  const admin = await createConnection({ host: first.hostname, port: Number(first.port), user: 'ledger', password: 'ledger' });
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const urls = nodes.map((u) => Object.assign(new URL(u), { pathname: `/${name}` }).toString());
  const ds = await openDatabase(urls[0]);
  const rows: string[] = [];
  let failed = false;
  try {
    console.log(`seeding ${name} through node 1 …`);
    await runSeedSteps(
      ds,
      () => undefined,
      (f) => /^(010|020|040|090)-/.test(f),
    );
    const hot = await consignments(ds, 1, 'hot');
    const spread = await consignments(ds, clients, 'sp');
    console.log(
      `load average before: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    for (const topology of [1, 3]) {
      const apps = await Promise.all(urls.slice(0, topology).map(startApp));
      try {
        for (const [scenario, codes] of [
          ['hot line', hot],
          [`${clients} lines`, spread],
        ] as const) {
          const bodies = codes.map((consignment) =>
            JSON.stringify({ consignment, fiscalYear: 2025, quarter: 4, requestedOn: '2025-10-01', amount: AMOUNT, paidOn: '2025-10-02' }),
          );
          const [paidBefore] = (await ds.query(`SELECT COALESCE(SUM(paid_amount), 0) AS s FROM disbursements WHERE status = 'paid'`)) as {
            s: number;
          }[];
          await fire(
            apps.map((a) => a.port),
            bodies,
            clients,
            warmup,
          );
          const before = await Promise.all(apps.map((a) => a.counters()));
          const r = await fire(
            apps.map((a) => a.port),
            bodies,
            clients,
            requests,
          );
          const after = await Promise.all(apps.map((a) => a.counters()));
          const tx = after.reduce((s, c, i) => s + c.transactions - before[i].transactions, 0);
          const retried = after.reduce((s, c, i) => s + c.retried - before[i].retried, 0);
          const exhausted = after.reduce((s, c, i) => s + c.exhausted - before[i].exhausted, 0);
          const [paidAfter] = (await ds.query(`SELECT COALESCE(SUM(paid_amount), 0) AS s FROM disbursements WHERE status = 'paid'`)) as {
            s: number;
          }[];
          const ok201 = r.statuses[201] ?? 0;
          // the warm-up's and the run's accepted payments (the warm-up is all 201 or the check below fails anyway)
          const paidOk = Number(paidAfter.s) - Number(paidBefore.s) <= (warmup + ok201) * AMOUNT && ok201 > 0;
          if ((r.statuses[201] ?? 0) !== requests || !paidOk) failed = true;
          rows.push(
            `${`${topology} node${topology > 1 ? 's' : ''} · ${topology} app process${topology > 1 ? 'es' : ''}`.padEnd(28)} ${scenario.padEnd(10)} ${String(requests).padStart(8)} ${(requests / r.seconds).toFixed(0).padStart(7)} ${percentile(r.latencies, 50).toFixed(1).padStart(7)} ${percentile(r.latencies, 99).toFixed(1).padStart(7)} ${`${((100 * retried) / Math.max(1, tx)).toFixed(1)}%`.padStart(9)} ${String(tx).padStart(6)} ${String(exhausted).padStart(9)}  ${Object.entries(
              r.statuses,
            )
              .map(([s, n]) => `${s}×${n}`)
              .join(' ')}`,
          );
          console.log(rows[rows.length - 1]);
        }
      } finally {
        for (const a of apps) a.child.kill();
      }
    }
  } finally {
    await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
  console.log('');
  console.log(
    `${'topology'.padEnd(28)} ${'scenario'.padEnd(10)} ${'requests'.padStart(8)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'tx retried'.padStart(9)} ${'tx'.padStart(6)} ${'gave up'.padStart(9)}  statuses`,
  );
  for (const r of rows) console.log(r);
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
