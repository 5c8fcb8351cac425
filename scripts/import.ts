import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../server/db/data-source';
import { systemContext } from '../server/context';
import { ImportPhase, ImportSource, runImport } from '../server/app/imports/engine';
import { templateWorkbook, TEMPLATE_FILE_NAME } from '../server/app/imports/template';
import { DomainError } from '../domain/errors';

/**
 * npm run import -- FILE.xlsx | FILE.json | SHEET.csv… | DIR-of-csv [--dry-run]
 * npm run import -- --template [FILE]
 *
 * All rows go in, or none and every problem is listed by sheet!cell. A progress bar (percent, rows,
 * rows/s) is drawn on stderr.
 */
function sourceOf(args: string[]): ImportSource {
  if (args.length === 1 && fs.statSync(args[0]).isDirectory()) {
    const dir = args[0];
    args = fs
      .readdirSync(dir)
      .filter((f) => /\.csv$/i.test(f))
      .map((f) => path.join(dir, f));
  }
  if (args.length && args.every((a) => /\.csv$/i.test(a)))
    return { kind: 'csv', files: args.map((a) => ({ name: path.basename(a).normalize('NFC'), text: fs.readFileSync(a, 'utf8') })) };
  if (args.length !== 1) throw new Error('usage: npm run import -- FILE.xlsx | FILE.json | SHEET.csv … [--dry-run]');
  const file = args[0];
  if (/\.json$/i.test(file)) return { kind: 'json', name: path.basename(file), data: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown };
  return { kind: 'xlsx', name: path.basename(file), buffer: fs.readFileSync(file) };
}

const PHASE_KO: Record<ImportPhase, string> = { reading: '읽는 중', planning: '검토 중', writing: '쓰는 중', done: '완료' };

function progressBar(): (phase: ImportPhase, fraction: number, rows: number) => void {
  const started = Date.now();
  let last = 0;
  return (phase, fraction, rows) => {
    const now = Date.now();
    if (now - last < 200 && phase !== 'done') return;
    last = now;
    const width = 30;
    const filled = Math.round(fraction * width);
    const rate = rows / Math.max(0.001, (now - started) / 1000);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${PHASE_KO[phase]} ${rows.toLocaleString('en-US')}행 ${Math.round(rate).toLocaleString('en-US')}행/s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
    if (phase === 'done' && process.stderr.isTTY) process.stderr.write('\n');
  };
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--template')) {
    const out = args.find((a) => a !== '--template') ?? TEMPLATE_FILE_NAME;
    fs.writeFileSync(out, await templateWorkbook());
    console.log(`template written: ${out}`);
    return;
  }
  const dryRun = args.includes('--dry-run');
  const source = sourceOf(args.filter((a) => a !== '--dry-run'));
  const ds = await openDatabase();
  try {
    const ctx = systemContext(`import:${source.kind === 'csv' ? 'csv' : source.name}`);
    const result = await runImport(ds, ctx, source, { dryRun, onProgress: progressBar() });
    console.log(dryRun ? '미리보기 (dry run): 아무것도 쓰지 않았습니다' : `가져왔습니다: 변경 ${result.changes}건`);
    for (const s of result.sheets) {
      console.log(`  ${s.sheet}: 추가 ${s.added} · 변경 ${s.changed} · 그대로 ${s.unchanged}`);
      for (const r of s.rows.filter((x) => x.action === 'change'))
        console.log(
          `    ${r.line}행 ${r.key}: ${Object.entries(r.changes ?? {})
            .map(([k, c]) => `${k} ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`)
            .join(', ')}`,
        );
    }
  } catch (err) {
    if (err instanceof DomainError) {
      console.error(`${err.titleKo}\n${err.title}`);
      for (const p of err.errors)
        console.error(`  ${p.message_ko.startsWith(p.field) ? '' : `${p.field}: `}${p.message_ko} (${p.rule}) — ${p.message}`);
      process.exitCode = 2;
    } else throw err;
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
