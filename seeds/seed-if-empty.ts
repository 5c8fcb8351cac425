import { DataSource } from 'typeorm';
import { FiscalYear } from '../entities/fiscal-year';
import { dbKindOf } from '../server/db/config';
import { runSeedSteps } from './run-steps';

/**
 * npm start on a newcomer's machine: an empty embedded (SQLite) database is set up with the seed
 * data first, as `npm run setup` would. A MariaDB database is never seeded on start.
 */
export async function seedEmptyEmbeddedDatabase(ds: DataSource, log: (line: string) => void): Promise<void> {
  if (dbKindOf() !== 'sqlite' || (await ds.getRepository(FiscalYear).count()) !== 0) return;
  log('empty embedded database: loading the seed data (npm run setup)');
  await runSeedSteps(ds, log);
}
