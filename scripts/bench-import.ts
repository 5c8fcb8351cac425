/**
 * Onboarding import benchmark (issue #15): the synthetic 구 of scripts/gen-district.ts (40 departments,
 * 4 accounts, 2,500 programs, 120,000 execution rows, 600 revenue lines) imported into a fresh SQLite
 * database by a server process, through POST /api/imports/jobs, while /healthz is asked every ~50 ms.
 * Prints the import's time, the server's peak RSS (sampled from /proc during the import, and the
 * kernel's high-water mark), /healthz latency p50/p99, then a second import of the same file and its
 * change count (must be 0). Targets: < 20 s, < 256 MB, /healthz p99 < 100 ms.
 *
 *   npx ts-node --transpile-only scripts/bench-import.ts [--executions 120000] [--keep] [--ts-node | --dist DIR]
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { generateDistrict } from './gen-district';

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const executions = args.includes('--executions') ? Number(args[args.indexOf('--executions') + 1]) : 120_000;
const TOKEN = 'demo-token-admin';
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

function request(
  port: number,
  method: string,
  url: string,
  body?: Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: url, agent, headers: { Authorization: `Bearer ${TOKEN}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

function multipart(file: Buffer, name: string): { body: Buffer; type: string } {
  const boundary = `----bench${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return { body: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

function rssOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU seconds (user + system) the process has used: on a shared machine, what the import itself cost. */
function cpuOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** temp dirs removed at the end (the compiled server unless --dist names one to reuse) */
const cleanup: string[] = [];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * The server is compiled once with tsc into a temp dir and run by plain node, as in production: under
 * ts-node the TypeScript compiler alone holds ~45 MB of the server's RSS and its CPU. `--ts-node` runs
 * it under ts-node as before.
 */
function compiledServer(): { args: string[]; cwd: string } {
  if (args.includes('--ts-node'))
    return { args: ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'server', 'main.ts')], cwd: ROOT };
  const given = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : null;
  const out = given ?? path.join(os.tmpdir(), `bench-import-dist-${process.pid}`);
  if (!given) cleanup.push(out);
  const t0 = performance.now();
  if (!given || !fs.existsSync(path.join(out, 'server', 'main.js')))
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json'), '--outDir', out], {
      stdio: 'inherit',
    });
  for (const dir of ['templates', 'node_modules', 'data']) {
    if (fs.existsSync(path.join(ROOT, dir)) && !fs.existsSync(path.join(out, dir)))
      fs.symlinkSync(path.join(ROOT, dir), path.join(out, dir));
  }
  console.log(`compiled the server with tsc in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { args: [path.join(out, 'server', 'main.js')], cwd: out };
}

async function startServer(db: string, port: number): Promise<ChildProcess> {
  const server = compiledServer();
  const child = spawn(process.execPath, server.args, {
    cwd: server.cwd,
    env: { ...process.env, DB_URL: `sqlite:${db}`, PORT: String(port), NODE_ENV: 'development' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await request(port, 'GET', '/healthz')).status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('the server did not start');
}

async function importOnce(port: number, pid: number, file: Buffer, label: string) {
  const latencies: number[] = [];
  let peak = rssOf(pid, 'VmRSS');
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const t0 = performance.now();
      await request(port, 'GET', '/healthz');
      latencies.push(performance.now() - t0);
      peak = Math.max(peak, rssOf(pid, 'VmRSS'));
      await new Promise((r) => setTimeout(r, Math.max(0, 50 - (performance.now() - t0))));
    }
  })();
  const started = performance.now();
  const cpuBefore = cpuOf(pid);
  const { body, type } = multipart(file, 'district.xlsx');
  const created = await request(port, 'POST', '/api/imports/jobs', body, { 'Content-Type': type });
  if (created.status !== 202) throw new Error(`${label}: ${created.status} ${created.body.slice(0, 500)}`);
  const id = (JSON.parse(created.body) as { id: string }).id;
  let job: { phase: string; percent: number; result: { changes: number; rows: number } | null; error: unknown };
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    job = JSON.parse((await request(port, 'GET', `/api/imports/jobs/${id}`)).body);
    if (job.phase === 'done' || job.phase === 'failed') break;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuOf(pid) - cpuBefore;
  sampling = false;
  await sampler;
  if (job.phase === 'failed') throw new Error(`${label} failed: ${JSON.stringify(job.error).slice(0, 1000)}`);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    seconds,
    cpu,
    rows: job.result!.rows,
    changes: job.result!.changes,
    peakRss: peak,
    p50: pct(sorted, 50),
    p99: pct(sorted, 99),
    max: sorted[sorted.length - 1],
    samples: sorted.length,
  };
}

async function main() {
  const file = path.join(os.tmpdir(), `bench-district-${executions}.xlsx`);
  if (!fs.existsSync(file)) {
    const t0 = performance.now();
    await generateDistrict({ file, year: 2026, executions });
    console.log(`generated ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const buffer = fs.readFileSync(file);
  const db = path.join(os.tmpdir(), `bench-import-${process.pid}.sqlite`);
  const port = 39_000 + (process.pid % 1000);
  console.log(
    `workbook ${(buffer.length / 1024 / 1024).toFixed(1)} MB; starting a server on a fresh database (seeded as npm start does) …`,
  );
  const server = await startServer(db, port);
  try {
    const baseline = rssOf(server.pid!, 'VmRSS');
    const first = await importOnce(port, server.pid!, buffer, 'first import');
    const hwm = rssOf(server.pid!, 'VmHWM');
    console.log(
      `first import:  ${first.rows.toLocaleString('en-US')} rows, ${first.changes.toLocaleString('en-US')} changes in ${first.seconds.toFixed(1)} s (target < 20 s); server CPU ${first.cpu.toFixed(1)} s; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    );
    console.log(
      `  server RSS before ${baseline.toFixed(0)} MB, peak during import ${first.peakRss.toFixed(0)} MB (target < 256 MB), high-water mark ${hwm.toFixed(0)} MB`,
    );
    console.log(
      `  /healthz during import: p50 ${first.p50.toFixed(1)} ms, p99 ${first.p99.toFixed(1)} ms (target < 100 ms), max ${first.max.toFixed(1)} ms, ${first.samples} samples`,
    );
    const second = await importOnce(port, server.pid!, buffer, 'second import');
    console.log(
      `second import: ${second.changes} changes (must be 0) in ${second.seconds.toFixed(1)} s; /healthz p99 ${second.p99.toFixed(1)} ms; peak RSS ${second.peakRss.toFixed(0)} MB`,
    );
    const ok = first.seconds < 20 && first.peakRss < 256 && first.p99 < 100 && second.changes === 0;
    console.log(ok ? 'import targets met' : 'import targets NOT met');
    process.exitCode = second.changes === 0 ? 0 : 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    agent.destroy();
    if (!args.includes('--keep'))
      for (const f of [db, `${db}-wal`, `${db}-shm`, ...cleanup]) fs.rmSync(f, { force: true, recursive: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
