import { openDatabase } from '../server/db/data-source';
import { inTransaction } from '../server/db/transaction';
import { rebuildTotals, totalsDrift } from '../server/store/ledger/running-totals';
import { carryLines, closedYearsWithNext } from '../server/store/ledger/year-operations';
import { carryIdentityBreaks } from '../domain/year-operations';

/**
 * npm run check-totals [-- --rebuild]: compares the running totals (ledger_line_totals,
 * consignment_grant_totals) with the entries and disbursements they add up, in the database DB_URL
 * names. Exits 1 and lists the differences when there are any — after a manual repair of the data,
 * say. --rebuild recomputes every total from the rows, in one transaction, and checks again.
 * It also checks the carry-over across years: for every closed year N whose N+1 is in the ledger,
 * per program × 편성목, Σ 차년이월 of N = Σ 전년이월 of N+1 carried from N (domain/year-operations.ts).
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
    let breaks = 0;
    const years = await closedYearsWithNext(ds.manager);
    for (const year of years) {
      for (const b of carryIdentityBreaks(await carryLines(ds.manager, year))) {
        breaks++;
        console.log(
          `carry-over ${year} → ${year + 1}, program ${b.programId} ${b.expenseItem}: 차년이월 ${b.carriedOut}, 전년이월 carried ${b.carriedIn}`,
        );
      }
    }
    console.log(
      breaks
        ? `${breaks} line(s) where the carry-over does not add up across years`
        : `carry-over adds up across years (${years.length} closed year(s) with a next year)`,
    );
    process.exitCode = drift.length || breaks ? 1 : 0;
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
