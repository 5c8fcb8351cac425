import { openDatabase } from '../server/db/data-source';
import { runSeedSteps } from '../seeds/run-steps';

/** npm run setup: migrate the database DB_URL names (default the embedded one) and load the seeds. */
async function main() {
  const ds = await openDatabase();
  try {
    await runSeedSteps(ds, (line) => console.log(line));
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
