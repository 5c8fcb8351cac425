import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';

/**
 * Runs every seed step in seeds/steps in file-name order. Each step is idempotent, so setup can run
 * again on a loaded database and changes nothing.
 */
export async function runSeedSteps(
  ds: DataSource,
  log: (line: string) => void = () => undefined,
  only?: (name: string) => boolean,
): Promise<void> {
  const dir = path.join(__dirname, 'steps');
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  for (const file of files) {
    if (only && !only(file)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const step = require(path.join(dir, file)) as { run: (ds: DataSource) => Promise<string> };
    log(`${file}: ${await step.run(ds)}`);
  }
}
