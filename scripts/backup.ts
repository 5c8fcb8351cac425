import { parseArgs } from 'node:util';
import { backupDatabase } from '../server/db/backup';

/**
 * npm run backup -- --out FILE: a consistent backup of the database DB_URL names, taken while the
 * service runs — SQLite's online backup API on the embedded database, `mariadb-dump
 * --single-transaction` on MariaDB (MARIADB_DUMP names the program when it is not on the PATH).
 * The file appears under its name only once it is complete. Restore it with `npm run restore -- FILE`.
 */
async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) throw new Error('usage: npm run backup -- --out FILE');
  const started = Date.now();
  const { kind, bytes } = await backupDatabase(process.env.DB_URL, values.out);
  console.log(
    `backup written: ${values.out} (${kind}, ${bytes.toLocaleString('en')} bytes, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

main().catch((err: Error) => {
  console.error(`backup failed: ${err.message}`);
  process.exit(1);
});
