import { DataSource } from 'typeorm';
import { allSeedLedgers } from '../data';
import { closeSeedYears, loadSeedLedger } from '../load-ledger';

export async function run(ds: DataSource): Promise<string> {
  const results: string[] = [];
  for (const seed of allSeedLedgers) results.push(`${seed.source.slice(0, 40)}: ${await loadSeedLedger(ds, seed)}`);
  const closed = await closeSeedYears(ds, allSeedLedgers);
  if (closed.length) results.push(`closed fiscal years: ${closed.join(', ')}`);
  return results.join('\n');
}
