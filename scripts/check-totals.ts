import { openDatabase } from '../server/db/data-source';
import { inTransaction } from '../server/db/transaction';
import { rebuildTotals, totalsDrift } from '../server/store/ledger/running-totals';

/**
 * npm run check-totals [-- --rebuild]: compares the running totals (ledger_line_totals,
 * consignment_grant_totals) with the entries and disbursements they add up, in the database DB_URL
 * names. Exits 1 and lists the differences when there are any — after a manual repair of the data,
 * say. --rebuild recomputes every total from the rows, in one transaction, and checks again.
 */
async function main() {
  const ds = await openDatabase();
  try {
    if (process.argv.includes('--rebuild')) {
      await inTransaction(ds, (em) => rebuildTotals(em));
      console.log('running totals rebuilt from the entries and disbursements');
    }
    const { compared, drift } = await totalsDrift(ds.manager);
    for (const d of drift) console.log(`${d.table} ${d.key}: total ${d.total ?? '(none)'}, rows add up to ${d.sum ?? '(none)'}`);
    console.log(drift.length ? `${drift.length} of ${compared} totals differ from their rows` : `all ${compared} totals equal their rows`);
    process.exitCode = drift.length ? 1 : 0;
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
