/**
 * Report engine benchmark: renders synthetic city-scale 세출결산 models to xlsx and pdf in
 * os.tmpdir() and checks the targets (xlsx 6k rows < 0.5 s, pdf 6k rows < 2 s, 60k rows ≤ 256 MB).
 *
 * Each (size, format) runs in its own child process so peak RSS (process.resourceUsage().maxRSS)
 * belongs to that run alone. The children run the engine as plain JavaScript (transpiled once by
 * the parent into a temp dir): under ts-node every child would also carry the TypeScript compiler,
 * ~60 MB that has nothing to do with rendering. The child reports the RSS before rendering
 * (runtime + libraries + model) as well, so the renderer's own share is visible.
 *
 *   npx ts-node --transpile-only scripts/bench-reports.ts
 */
import { fork } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { renderPdf } from '../reports/engine/pdf';
import { renderXlsx } from '../reports/engine/xlsx';
import { CITY_SIZE, SyntheticSize, syntheticSettlement } from '../reports/engine/synthetic';
import { TableSection } from '../reports/engine/model';

type Format = 'xlsx' | 'pdf';

interface Result {
  format: Format;
  label: string;
  rows: number;
  buildSeconds: number;
  seconds: number;
  pages: number | null;
  bytes: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

const SIZES: Record<string, SyntheticSize> = {
  '6k': CITY_SIZE, // 30 bureaus, 120 departments, 6,000 unit programs
  '60k': { ...CITY_SIZE, programsPerDepartment: CITY_SIZE.programsPerDepartment * 10 },
};

const TARGETS: { label: string; format: Format; seconds?: number; rssMb?: number }[] = [
  { label: '6k', format: 'xlsx', seconds: 0.5 },
  { label: '6k', format: 'pdf', seconds: 2 },
  { label: '60k', format: 'xlsx', rssMb: 256 },
  { label: '60k', format: 'pdf', rssMb: 256 },
];

async function child(format: Format, label: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  const model = syntheticSettlement(SIZES[label]);
  const rows = (model.sections[0] as TableSection).rows.length;
  const t1 = process.hrtime.bigint();
  const rssBefore = process.memoryUsage().rss;
  const file = path.join(os.tmpdir(), `bench-report-${label}.${format}`);
  let pages: number | null = null;
  const t2 = process.hrtime.bigint();
  if (format === 'xlsx') await renderXlsx(model, file);
  else pages = (await renderPdf(model, file)).pages;
  const t3 = process.hrtime.bigint();
  const result: Result = {
    format,
    label,
    rows,
    buildSeconds: Number(t1 - t0) / 1e9,
    seconds: Number(t3 - t2) / 1e9,
    pages,
    bytes: fs.statSync(file).size,
    rssBeforeMb: rssBefore / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024, // maxRSS is in KiB
  };
  fs.unlinkSync(file);
  process.send!(result);
}

const ROOT = path.resolve(__dirname, '..');

/** Transpiles this script and what it imports (engine, domain/money) to CommonJS in a temp dir. */
function transpileForChildren(): string {
  // loaded lazily: only the parent needs the compiler
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reports-js-'));
  const files = [
    'scripts/bench-reports.ts',
    'domain/money.ts',
    ...fs
      .readdirSync(path.join(ROOT, 'reports/engine'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `reports/engine/${f}`),
  ];
  for (const rel of files) {
    const src = fs.readFileSync(path.join(ROOT, rel), 'utf8');
    const js = ts.transpileModule(src, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    const dest = path.join(out, rel.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, js);
  }
  return path.join(out, 'scripts/bench-reports.js');
}

let childScript = '';

function run(format: Format, label: string, warm: boolean): Promise<Result> {
  return new Promise((resolve, reject) => {
    const proc = fork(childScript, ['--child', format, label, ...(warm ? ['--warm'] : [])], {
      execArgv: [],
      // the transpiled files live outside the project; let them find its node_modules
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: Result | undefined;
    proc.on('message', (m) => {
      result = m as Result;
    });
    proc.on('error', reject);
    proc.on('exit', (code) => (result ? resolve(result) : reject(new Error(`${format} ${label}: child exited ${code}`))));
  });
}

/** A warm-up render of a small model first: the server renders many reports per process. */
async function warmUp(format: Format): Promise<void> {
  const small = syntheticSettlement({ bureaus: 2, departmentsPerBureau: 2, programsPerDepartment: 20 });
  const file = path.join(os.tmpdir(), `bench-report-warm.${format}`);
  if (format === 'xlsx') await renderXlsx(small, file);
  else await renderPdf(small, file);
  fs.unlinkSync(file);
}

function pad(s: string, n: number, right = true): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const [, format, label] = argv;
    if (argv.includes('--warm')) await warmUp(format as Format);
    await child(format as Format, label);
    return;
  }
  console.log(`report benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}`);
  childScript = transpileForChildren();
  const results: Result[] = [];
  for (const label of ['6k', '60k']) {
    for (const format of ['xlsx', 'pdf'] as Format[]) {
      results.push(await run(format, label, true));
    }
  }
  const head = ['format', 'size', 'rows', 'pages', 'build s', 'render s', 'rows/s', 'MB out', 'RSS before', 'peak RSS'];
  const widths = [6, 5, 7, 6, 8, 9, 9, 7, 11, 9];
  console.log(head.map((h, i) => pad(h, widths[i], i > 1)).join('  '));
  for (const r of results) {
    const cells = [
      r.format,
      r.label,
      r.rows.toLocaleString('en'),
      r.pages === null ? '-' : String(r.pages),
      r.buildSeconds.toFixed(3),
      r.seconds.toFixed(3),
      Math.round(r.rows / r.seconds).toLocaleString('en'),
      (r.bytes / 2 ** 20).toFixed(1),
      `${r.rssBeforeMb.toFixed(0)} MB`,
      `${r.peakRssMb.toFixed(0)} MB`,
    ];
    console.log(cells.map((c, i) => pad(c, widths[i], i > 1)).join('  '));
  }
  console.log('\ntargets');
  let ok = true;
  for (const t of TARGETS) {
    const r = results.find((x) => x.label === t.label && x.format === t.format)!;
    const pass = (t.seconds === undefined || r.seconds < t.seconds) && (t.rssMb === undefined || r.peakRssMb <= t.rssMb);
    ok &&= pass;
    const what =
      t.seconds !== undefined ? `< ${t.seconds} s (${r.seconds.toFixed(3)} s)` : `peak RSS ≤ ${t.rssMb} MB (${r.peakRssMb.toFixed(0)} MB)`;
    console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${t.format} ${t.label}: ${what}`);
  }
  fs.rmSync(path.resolve(childScript, '../..'), { recursive: true, force: true });
  process.exitCode = ok ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
