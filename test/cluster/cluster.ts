import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../server/db/data-source';
import { runSeedSteps } from '../../seeds/run-steps';
import { DEMO_ACCOUNTS } from '../../seeds/demo-accounts';
import { systemContext } from '../../server/context';
import { createProgram } from '../../server/app/reference/programs';
import { createAppropriation, createProgramYear } from '../../server/app/reference/program-years';
import { createConsignment } from '../../server/app/consignments/consignments';
import { approveGrantPlan, createGrantPlan } from '../../server/app/grants/grant-plans';
import { startServer, ServerProcess } from '../support/server-process';

/**
 * The three-node Galera cluster of scripts/galera-throwaway.sh with one app process (server/main.ts)
 * per node, over a database of its own (created on node 1, replicated to the others), for
 * `npm run test:cluster`.
 */
const root = path.resolve(__dirname, '..', '..');
export const SCRIPT = path.join(root, 'scripts', 'galera-throwaway.sh');

/** the nodes' base URLs (GALERA_URLS, comma-separated, or what the script prints) */
export function nodeUrls(): string[] {
  const fromEnv = process.env.GALERA_URLS?.split(',').filter(Boolean);
  if (fromEnv?.length) return fromEnv;
  return execFileSync(SCRIPT, ['urls'], { encoding: 'utf8' }).trim().split('\n');
}

export interface Cluster {
  name: string;
  /** node i's URL of the test database */
  urls: string[];
  /** a data source per node (opened on demand: a killed node's is closed) */
  ds: DataSource[];
  apps: ServerProcess[];
  /** the base URL of app process i (on node i) */
  base(i: number): string;
  close(): Promise<void>;
}

export const OFFICER = `Bearer ${DEMO_ACCOUNTS.find((a) => a.username === 'officer')!.token}`;
export const ADMIN = `Bearer ${DEMO_ACCOUNTS.find((a) => a.username === 'admin')!.token}`;

export async function startCluster(): Promise<Cluster> {
  const nodes = nodeUrls();
  const name = `ledger_cl_${crypto.randomBytes(4).toString('hex')}`;
  const first = new URL(nodes[0]);
  const admin = await createConnection({ host: first.hostname, port: Number(first.port), user: 'ledger', password: 'ledger' });
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const urls = nodes.map((u) => {
    const url = new URL(u);
    url.pathname = `/${name}`;
    return url.toString();
  });
  // node 1 migrates and seeds (the rules, the ledger, the consignments, the demo users); the others replicate it
  const ds0 = await openDatabase(urls[0]);
  await runSeedSteps(
    ds0,
    () => undefined,
    (f) => /^(010|020|040|090)-/.test(f),
  );
  const ds = [ds0, ...(await Promise.all(urls.slice(1).map((u) => openDatabase(u))))];
  // one app process per node; group commit and the retries as in production
  const apps = await Promise.all(urls.map((u) => startServer(u, { AUTH_CACHE_MS: '2000', SHUTDOWN_GRACE_MS: '2000' })));
  return {
    name,
    urls,
    ds,
    apps,
    base: (i) => `http://127.0.0.1:${apps[i % apps.length].port}`,
    async close() {
      for (const app of apps) app.child.kill('SIGTERM');
      await Promise.all(apps.map((a) => a.exited));
      await Promise.all(ds.map((d) => (d.isInitialized ? d.destroy() : undefined)));
      const again = await createConnection({ host: first.hostname, port: Number(first.port), user: 'ledger', password: 'ledger' });
      await again.query(`DROP DATABASE IF EXISTS ${name}`);
      await again.end();
    },
  };
}

let shared: Promise<Cluster> | undefined;

/** One cluster setup for every cluster test file (seeding through Galera takes a while); closed after the last. */
export function sharedCluster(): Promise<Cluster> {
  return (shared ??= startCluster());
}

// a root hook: runs once, after every file
after(async () => {
  if (shared) await (await shared).close();
});

let sequence = 0;

/** A consignment of its own, funded by a program with an approved plan whose fourth quarter's cumulative ceiling is `ceiling` won. */
export async function fundedConsignment(ds: DataSource, ceiling: number): Promise<string> {
  const ctx = systemContext('cluster-test');
  const n = `${process.pid}-${++sequence}-${crypto.randomBytes(2).toString('hex')}`;
  const program = `CL-P${n}`;
  await createProgram(ds, ctx, { code: program, name: `클러스터 위탁사업 ${n}`, kind: 'unit', account: 'general' });
  const py = await createProgramYear(ds, ctx, { programCode: program, fiscalYear: 2025, orgCode: 'LFB-FAIR' });
  await createAppropriation(ds, ctx, { programYearId: py.id, expenseItem: '민간위탁금', amount: 4_000_000_000 });
  const code = `CL-C${n}`;
  await createConsignment(ds, ctx, {
    code,
    name: `클러스터 위탁사무 ${n}`,
    consignmentType: 'office',
    fundingType: 'budget',
    orgCode: 'LFB-FAIR',
    programCode: program,
  });
  const quarter = ceiling / 4;
  const plan = await createGrantPlan(ds, ctx, { consignment: code, fiscalYear: 2025, quarters: [quarter, quarter, quarter, quarter] });
  await approveGrantPlan(ds, ctx, plan.id, { approvedOn: '2025-01-02' });
  return code;
}

export const payment = (consignment: string, amount: number) => ({
  consignment,
  fiscalYear: 2025,
  quarter: 4,
  requestedOn: '2025-10-01',
  amount,
  paidOn: '2025-10-02',
});

export interface Answer {
  status: number;
  body: { id?: number; code?: string } & Record<string, unknown>;
}

/** One POST; a refused connection or a reset is answered with status 0. */
export async function post(base: string, pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const res = await fetch(`${base}${pathname}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: OFFICER, ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    let parsed: Answer['body'] = {};
    try {
      parsed = JSON.parse(text) as Answer['body'];
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed };
  } catch (err) {
    return { status: 0, body: { error: String(err) } };
  }
}

export async function get(base: string, pathname: string, authorization = OFFICER): Promise<Answer> {
  const res = await fetch(`${base}${pathname}`, { headers: { Authorization: authorization } });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

/** a definitive answer: the work is done (2xx) or refused for good (4xx other than "still running") */
export const definitive = (a: Answer) =>
  (a.status >= 200 && a.status < 300) || (a.status >= 400 && a.status < 500 && a.body.code !== 'idempotent_request_in_progress');

/**
 * POSTs with an Idempotency-Key until the answer is definitive, as a client of the cluster should:
 * after an error, a refused connection or "still running" it tries again with the same key on the
 * next app process (round robin from `first`).
 */
export async function postUntilAnswered(
  bases: () => string[],
  first: number,
  pathname: string,
  body: unknown,
  key: string,
  deadline: number,
): Promise<Answer & { tries: number }> {
  let last: Answer = { status: 0, body: {} };
  for (let tries = 1; Date.now() < deadline; tries++) {
    const list = bases();
    last = await post(list[(first + tries - 1) % list.length], pathname, body, { 'Idempotency-Key': key });
    if (definitive(last)) return { ...last, tries };
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 150));
  }
  return { ...last, tries: -1 };
}

/** Runs the throwaway script (kill-node N, start-node N). */
export function galera(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(SCRIPT, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`galera-throwaway.sh ${args.join(' ')}: ${code}\n${out}`))));
  });
}

/** What must be identical on every node: row counts, the paid total, a digest of the ledger's rows, the audit chain's head. */
export async function nodeSummary(ds: DataSource): Promise<Record<string, string | number>> {
  const one = async (sql: string) => Object.values(((await ds.query(sql)) as Record<string, unknown>[])[0])[0];
  const out: Record<string, string | number> = {};
  for (const table of ['disbursements', 'ledger_entries', 'ledger_line_totals', 'audit_records', 'idempotency_records', 'budget_transfers'])
    out[table] = Number(await one(`SELECT COUNT(*) FROM ${table}`));
  out.paid = Number(await one(`SELECT COALESCE(SUM(paid_amount), 0) FROM disbursements WHERE status = 'paid'`));
  out.entriesDigest = String(
    await one(`SELECT SHA2(GROUP_CONCAT(CONCAT_WS(':', id, amount, kind) ORDER BY id SEPARATOR ','), 256) FROM ledger_entries`),
  );
  const head = ((await ds.query('SELECT records, hash FROM audit_chain WHERE id = 1')) as { records: number; hash: string }[])[0];
  out.auditHead = `${head.records}:${head.hash}`;
  return out;
}
