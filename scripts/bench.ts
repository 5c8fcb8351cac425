import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * npm run bench: every benchmark script in turn, each printing its own figures. Speed and memory
 * targets are checked here, by measurement, never by timed unit tests.
 */
const benches = [
  'bench-reports.ts',
  'bench-disbursements.ts',
  'bench-mariadb-floor.ts',
  'bench-ledger.ts',
  'bench-import.ts',
  'bench-cluster.ts',
];
let failed = 0;
for (const file of benches) {
  const full = path.join(__dirname, file);
  if (!fs.existsSync(full)) continue;
  console.log(`\n=== ${file}`);
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', full, ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: path.join(__dirname, '..'),
  });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
