import 'reflect-metadata';
import { openDatabase } from '../server/db/data-source';
import { restoreDatabase } from '../server/db/backup';
import { totalsDrift } from '../server/store/ledger/running-totals';
import { verifyAuditChain } from '../server/app/audit/verify-chain';

/**
 * npm run restore -- FILE: replaces the database DB_URL names with a backup made by `npm run backup`
 * (a SQLite file into SQLite, a mariadb-dump into MariaDB; MARIADB_CLIENT names the `mariadb`
 * program when it is not on the PATH). Stop the service first: the whole database is replaced.
 * Afterwards the database is opened (an older backup's schema is migrated), and the running totals
 * (as `npm run check-totals`) and the audit chain (as `npm run verify-audit`) are checked: exits 1
 * when either is not clean.
 */
async function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run restore -- FILE');
  const kind = await restoreDatabase(process.env.DB_URL, file);
  console.log(`restored ${file} (${kind})`);
  const ds = await openDatabase();
  try {
    const { compared, drift } = await totalsDrift(ds.manager);
    for (const d of drift) console.log(`${d.table} ${d.key}: total ${d.total ?? '(none)'}, rows add up to ${d.sum ?? '(none)'}`);
    console.log(
      drift.length
        ? `check-totals: ${drift.length} of ${compared} totals differ from their rows`
        : `check-totals: all ${compared} totals equal their rows`,
    );
    const chain = await verifyAuditChain(ds);
    console.log(
      chain.broken
        ? `verify-audit: BROKEN at ${chain.broken.recordId === null ? 'its head' : `record #${chain.broken.recordId}`}: ${chain.broken.message}`
        : `verify-audit: intact, ${chain.checked} records; anchor ${chain.head.records}:${chain.head.hash}`,
    );
    process.exitCode = drift.length || !chain.ok ? 1 : 0;
  } finally {
    await ds.destroy();
  }
}

main().catch((err: Error) => {
  console.error(`restore failed: ${err.message}`);
  process.exit(1);
});
