/**
 * Ledger benchmark: a synthetic city-scale ledger in the database (a city → 30 bureaus → 120
 * departments → 6,000 unit programs with 600 policy programs and 120 기본경비, over 5 years), and
 * the whole-city `expenditure-settlement` built from it through the report registry and rendered
 * to xlsx and pdf; then the same for a ten-times-larger ledger (60,000 unit programs).
 *
 * Prints, per size and format: rows, seconds to query and build the model, seconds to render, and
 * the peak RSS of a child process that does only that (the code runs as compiled JavaScript so the
 * TypeScript compiler's memory is not counted).
 *
 *   npm run bench            (runs this among the others)
 *   npx ts-node --transpile-only scripts/bench-ledger.ts [--quick] [--held]
 */
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Size {
  label: string;
  bureaus: number;
  departmentsPerBureau: number;
  policiesPerDepartment: number;
  unitsPerPolicy: number;
  years: number[];
}

const SIZES: Size[] = [
  {
    label: '6k',
    bureaus: 30,
    departmentsPerBureau: 4,
    policiesPerDepartment: 5,
    unitsPerPolicy: 10,
    years: [2021, 2022, 2023, 2024, 2025],
  },
  {
    label: '60k',
    bureaus: 30,
    departmentsPerBureau: 4,
    policiesPerDepartment: 10,
    unitsPerPolicy: 50,
    years: [2021, 2022, 2023, 2024, 2025],
  },
];

const ROOT = path.join(__dirname, '..');
const TARGET_RSS_MB = 256;

/** Deterministic pseudo-random amounts so every run measures the same ledger. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function generate(size: Size, file: string): Promise<{ seconds: number; programYears: number }> {
  const { openDatabase } = await import(path.join(ROOT, 'server', 'db', 'data-source'));
  const { rebuildTotals } = await import(path.join(ROOT, 'server', 'store', 'ledger', 'running-totals'));
  const t0 = process.hrtime.bigint();
  const ds = await openDatabase(`sqlite:${file}`);
  const rand = rng(42);
  let programYears = 0;
  await ds.transaction(async (em: import('typeorm').EntityManager) => {
    const q = (sql: string, params: unknown[] = []) => em.query(sql, params);
    for (const y of size.years) await q('INSERT INTO fiscal_years (year, status) VALUES (?, ?)', [y, 'open']);
    await q("INSERT INTO org_units (code, name, level, parent_id, valid_from) VALUES ('CITY', '서울특별시', 'city', NULL, '2000-01-01')");
    const cityId = (await q("SELECT id FROM org_units WHERE code = 'CITY'"))[0].id;
    const deptIds: number[] = [];
    for (let b = 1; b <= size.bureaus; b++) {
      await q("INSERT INTO org_units (code, name, level, parent_id, valid_from) VALUES (?, ?, 'bureau', ?, '2000-01-01')", [
        `B${b}`,
        `제${b}실국`,
        cityId,
      ]);
      const bureauId = (await q('SELECT id FROM org_units WHERE code = ?', [`B${b}`]))[0].id;
      for (let d = 1; d <= size.departmentsPerBureau; d++) {
        await q("INSERT INTO org_units (code, name, level, parent_id, valid_from) VALUES (?, ?, 'department', ?, '2000-01-01')", [
          `B${b}-D${d}`,
          `제${b}실국 제${d}담당관`,
          bureauId,
        ]);
        deptIds.push((await q('SELECT id FROM org_units WHERE code = ?', [`B${b}-D${d}`]))[0].id);
      }
    }
    // programs: per department, policies with units, and one 기본경비
    const programs: { code: string; name: string; kind: string; dept: number; parentCode: string | null }[] = [];
    deptIds.forEach((dept, di) => {
      for (let p = 1; p <= size.policiesPerDepartment; p++) {
        const pc = `P${di}-${p}`;
        programs.push({ code: pc, name: `정책사업 ${di}-${p}`, kind: 'policy', dept, parentCode: null });
        for (let u = 1; u <= size.unitsPerPolicy; u++)
          programs.push({ code: `U${di}-${p}-${u}`, name: `단위사업 ${di}-${p}-${u} 시민 지원 운영`, kind: 'unit', dept, parentCode: pc });
      }
      programs.push({ code: `K${di}`, name: '기본경비(행정운영경비)', kind: 'basic', dept, parentCode: null });
    });
    const chunk = 400;
    for (let i = 0; i < programs.length; i += chunk) {
      const part = programs.slice(i, i + chunk);
      await q(
        `INSERT INTO programs (code, name, kind, account) VALUES ${part.map(() => "(?, ?, ?, 'general')").join(',')}`,
        part.flatMap((p) => [p.code, p.name, p.kind]),
      );
    }
    const programId = new Map<string, number>(
      (await q('SELECT id, code FROM programs')).map((r: { id: number; code: string }) => [r.code, r.id]),
    );
    const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
    for (const year of size.years) {
      for (let i = 0; i < programs.length; i += chunk) {
        const part = programs.slice(i, i + chunk);
        await q(
          `INSERT INTO program_years (program_id, fiscal_year, org_unit_id, parent_id, name, sort_order) VALUES ${part.map(() => '(?, ?, ?, NULL, ?, ?)').join(',')}`,
          part.flatMap((p, j) => [programId.get(p.code), year, p.dept, p.name, i + j]),
        );
      }
      const pyRows: { id: number; code: string }[] = await q(
        'SELECT py.id, p.code FROM program_years py JOIN programs p ON p.id = py.program_id WHERE py.fiscal_year = ?',
        [year],
      );
      const pyId = new Map(pyRows.map((r) => [r.code, r.id]));
      for (const p of programs)
        if (p.parentCode) await q('UPDATE program_years SET parent_id = ? WHERE id = ?', [pyId.get(p.parentCode), pyId.get(p.code)]);
      const leaves = programs.filter((p) => p.kind !== 'policy');
      programYears += programs.length;
      for (let i = 0; i < leaves.length; i += chunk) {
        const part = leaves.slice(i, i + chunk).map((p) => {
          const budget = Math.round(10_000 + rand() * 5_000_000) * 1000;
          const executed = Math.floor(budget * (0.6 + rand() * 0.4));
          return { py: pyId.get(p.code)!, budget, executed };
        });
        await q(
          `INSERT INTO appropriations (program_year_id, expense_item, amount, created_at) VALUES ${part.map(() => "(?, '사무관리비', ?, ?)").join(',')}`,
          part.flatMap((x) => [x.py, x.budget, now]),
        );
        await q(
          `INSERT INTO ledger_entries (program_year_id, fiscal_year, expense_item, kind, amount, entry_date, created_at) VALUES ${part.map(() => "(?, ?, '사무관리비', 'execution', ?, ?, ?)").join(',')}`,
          part.flatMap((x) => [x.py, year, x.executed, `${year}-12-31`, now]),
        );
      }
    }
    // the entries went in directly, so their lines' running totals are built here in one pass
    await rebuildTotals(em);
  });
  await ds.destroy();
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, programYears };
}

interface ChildResult {
  rows: number;
  buildSeconds: number;
  renderSeconds: number;
  startRssMb: number;
  builtRssMb: number;
  peakRssMb: number;
  bytes: number;
  pages: number | null;
}

type Pipeline = 'stream' | 'held';

/** Counts a table's rows as the renderer reads them, whether held or streamed. */
function counted(model: { sections: { kind: string; rows?: unknown }[] }, count: { rows: number }): void {
  for (const s of model.sections) {
    if (s.kind !== 'table') continue;
    const rows = s.rows as unknown[] | AsyncIterable<unknown>;
    if (Array.isArray(rows)) count.rows += rows.length;
    else
      s.rows = (async function* () {
        for await (const r of rows) {
          count.rows++;
          yield r;
        }
      })();
  }
}

async function child(file: string, format: 'xlsx' | 'pdf', pipeline: Pipeline): Promise<void> {
  const { openDatabase } = await import(path.join(ROOT, 'server', 'db', 'data-source'));
  const { buildReport, streamReport } = await import(path.join(ROOT, 'reports', 'registry'));
  const { systemContext } = await import(path.join(ROOT, 'server', 'context'));
  const { render } = await import(path.join(ROOT, 'reports', 'engine'));
  const ds = await openDatabase(`sqlite:${file}`);
  const startRssMb = process.memoryUsage().rss / 1048576;
  const t0 = process.hrtime.bigint();
  // 'stream': what GET /api/reports and npm run report do; 'held': the whole model built first (as before issue #15)
  const model = await (pipeline === 'stream' ? streamReport : buildReport)(
    ds.manager,
    'expenditure-settlement',
    { year: 2025, org: 'CITY' },
    systemContext('bench'),
  );
  const t1 = process.hrtime.bigint();
  const builtRssMb = process.resourceUsage().maxRSS / 1024;
  const out = path.join(os.tmpdir(), `bench-ledger-${path.basename(file)}.${format}`);
  const count = { rows: 0 };
  counted(model, count);
  let pages: number | null = null;
  if (format === 'pdf') {
    const { renderPdf } = await import(path.join(ROOT, 'reports', 'engine', 'pdf'));
    pages = (await renderPdf(model, out)).pages;
  } else await render(model, format, out);
  const t2 = process.hrtime.bigint();
  await ds.destroy();
  const result: ChildResult = {
    rows: count.rows,
    buildSeconds: Number(t1 - t0) / 1e9,
    renderSeconds: Number(t2 - t1) / 1e9,
    startRssMb,
    builtRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    bytes: fs.statSync(out).size,
    pages,
  };
  process.send!(result);
}

function compiled(): string {
  // Children run compiled JavaScript: ts-node would add its compiler (~60 MB) to every peak.
  // Inside the repository (dist/ is ignored) so the compiled code finds node_modules.
  const out = path.join(ROOT, 'dist', 'bench-ledger');
  fs.rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      path.join(ROOT, 'tsconfig.json'),
      '--outDir',
      out,
      '--noEmit',
      'false',
      '--incremental',
      'false',
    ],
    { stdio: 'inherit' },
  );
  return path.join(out, 'scripts', 'bench-ledger.js');
}

async function main() {
  if (process.argv[2] === '--child') return child(process.argv[3], process.argv[4] as 'xlsx' | 'pdf', process.argv[5] as Pipeline);
  if (process.argv[2] === '--generate')
    return void (await generate(
      SIZES.find((x) => x.label === (process.argv[4] ?? '6k'))!,
      process.argv[3],
    ));
  const quick = process.argv.includes('--quick');
  // --held: also the pipeline as it was before issue #15 (the whole model built, then rendered), for comparison
  const pipelines: Pipeline[] = process.argv.includes('--held') ? ['stream', 'held'] : ['stream'];
  const script = compiled();
  console.log(
    'size | program-years | generate s | pipeline | format | rows | query+model s | render s | pages | RSS at start / after model / peak MB',
  );
  let ok = true;
  for (const size of quick ? SIZES.slice(0, 1) : SIZES) {
    const file = path.join(os.tmpdir(), `bench-ledger-${size.label}-${process.pid}.sqlite`);
    const gen = await generate(size, file);
    for (const pipeline of pipelines)
      for (const format of ['xlsx', 'pdf'] as const) {
        const result = await new Promise<ChildResult>((resolve, reject) => {
          const c = fork(script, ['--child', file, format, pipeline], {
            cwd: path.dirname(path.dirname(script)),
            // not the parent's ts-node (-r ts-node/register under npm run bench): its compiler would be ~45 MB of the peak
            execArgv: [],
            stdio: 'inherit',
          });
          c.on('message', (m) => resolve(m as ChildResult));
          c.on('error', reject);
          c.on('exit', (code) => code && reject(new Error(`child exited ${code}`)));
        });
        console.log(
          [
            size.label,
            gen.programYears,
            gen.seconds.toFixed(1),
            pipeline,
            format,
            result.rows,
            result.buildSeconds.toFixed(2),
            result.renderSeconds.toFixed(2),
            result.pages ?? '-',
            `${result.startRssMb.toFixed(0)} / ${result.builtRssMb.toFixed(0)} / ${result.peakRssMb.toFixed(0)}`,
          ].join(' | '),
        );
        if (size.label === '60k' && pipeline === 'stream' && result.peakRssMb > TARGET_RSS_MB) ok = false;
      }
    for (const f of fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(path.basename(file))))
      fs.rmSync(path.join(os.tmpdir(), f), { force: true });
  }
  if (!quick) console.log(`target: whole-city 60k report peak RSS ≤ ${TARGET_RSS_MB} MB in xlsx and pdf — ${ok ? 'PASS' : 'FAIL'}`);
  process.exitCode = ok ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
