import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../server/db/data-source';
import { systemContext } from '../server/context';
import { importLedger } from '../server/app/imports/import-ledger';
import { parseWorkbook } from '../server/app/imports/xlsx';
import { DomainError } from '../domain/errors';

/** npm run import -- FILE(.xlsx|.json): all rows go in, or none and every problem is listed. */
async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run import -- FILE.xlsx | FILE.json');
  const buffer = fs.readFileSync(file);
  const ds = await openDatabase();
  try {
    const ctx = systemContext(`import:${path.basename(file)}`);
    const input = file.toLowerCase().endsWith('.json')
      ? { data: JSON.parse(buffer.toString('utf8')) as Record<string, unknown>, source: path.basename(file) }
      : { ...(await parseWorkbook(buffer)), source: path.basename(file) };
    const result = await importLedger(ds, ctx, input);
    console.log(`imported: ${result.programYears} program-years, ${result.appropriations} appropriations, ${result.entries} entries`);
  } catch (err) {
    if (err instanceof DomainError) {
      console.error(`${err.titleKo}\n${err.title}`);
      for (const p of err.errors)
        console.error(`  ${p.cell ? `${p.sheet}!${p.cell}` : p.field}: ${p.message_ko} (${p.rule}) — ${p.message}`);
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
