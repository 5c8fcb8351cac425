import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/db/data-source';
import { systemContext } from '../server/context';
import { buildPacket, streamReport, ReportParams } from '../reports/registry';
import { FILE_EXTENSIONS, isReportFormat, render } from '../reports/engine';

/**
 * npm run report -- <name> [--year Y] [--org ORG] [--consignment C] [--quarter Q] [--as-of D] [--account A] [--group-by account]
 *   [--unit won|thousand|million|hundred-million] [--rate-decimals 0-3] --format F --out FILE
 * `packet` writes every report of a unit: one PDF (contents + bookmarks) or one xlsx (a sheet each).
 */
async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      org: { type: 'string' },
      consignment: { type: 'string' },
      quarter: { type: 'string' },
      'as-of': { type: 'string' },
      account: { type: 'string' },
      'group-by': { type: 'string' },
      unit: { type: 'string' },
      'rate-decimals': { type: 'string' },
      format: { type: 'string', default: 'pdf' },
      out: { type: 'string' },
    },
  });
  const name = positionals[0];
  if (!name) throw new Error('usage: npm run report -- <name> --year 2018 --org 시민소통기획관 --format pdf --out report.pdf');
  const format = values.format!;
  if (!isReportFormat(format)) throw new Error(`--format must be xlsx, pdf or json, not ${format}`);
  const params: ReportParams = {
    year: values.year ? Number(values.year) : undefined,
    org: values.org,
    consignment: values.consignment,
    quarter: values.quarter ? Number(values.quarter) : undefined,
    asOf: values['as-of'],
    account: values.account,
    groupBy: values['group-by'] as ReportParams['groupBy'],
    unit: values.unit as ReportParams['unit'],
    rateDecimals: values['rate-decimals'] !== undefined ? Number(values['rate-decimals']) : undefined,
  };
  const out = values.out ?? `${name}${params.year ? `-${params.year}` : ''}${FILE_EXTENSIONS[format]}`;
  const ds = await openDatabase();
  try {
    const ctx = systemContext('cli');
    const models = name === 'packet' ? await buildPacket(ds.manager, params, ctx) : await streamReport(ds.manager, name, params, ctx);
    await render(models, format, out);
    console.log(`${out}: ${fs.statSync(out).size} bytes`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
