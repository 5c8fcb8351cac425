import { DataSource } from 'typeorm';
import { createDataSource } from './config';
import { detectGalera } from './galera';

/** Opens the database named by DB_URL (or the given url) and brings its schema up to date. */
export async function openDatabase(url = process.env.DB_URL): Promise<DataSource> {
  const ds = createDataSource(url);
  await ds.initialize();
  await detectGalera(ds);
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
