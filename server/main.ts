import { openDatabase } from './db/data-source';
import { createApp } from './app';
import { FiscalYear } from '../entities/fiscal-year';
import { dbKindOf } from '../ormconfig';
import { runSeedSteps } from '../seeds/run-steps';
import { assertNoDemoCredentials } from './auth/demo-guard';

/** npm start: serve the ledger; an empty embedded database is set up with the seed data first. */
async function main() {
  const ds = await openDatabase();
  if (process.env.NODE_ENV === 'production') await assertNoDemoCredentials(ds);
  else if (dbKindOf() === 'sqlite' && (await ds.getRepository(FiscalYear).count()) === 0) {
    console.log('empty embedded database: loading the seed data (npm run setup)');
    await runSeedSteps(ds, (line) => console.log(line));
  }
  const { app } = createApp(ds);
  const port = Number(process.env.PORT ?? 3000);
  const server = app.listen(port, () => console.log(`예산·민간위탁 관리대장: http://localhost:${port}`));
  const stop = () => server.close(() => ds.destroy().then(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
