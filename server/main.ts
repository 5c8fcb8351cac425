import { openDatabase } from './db/data-source';
import { createApp } from './app';
// the composition root: the one file under server/ that reaches into seeds/
import { seedEmptyEmbeddedDatabase } from '../seeds/seed-if-empty';
import { assertNoDemoCredentials } from './auth/demo-guard';

/** npm start: serve the ledger; an empty embedded database is set up with the seed data first. */
async function main() {
  const ds = await openDatabase();
  if (process.env.NODE_ENV === 'production') await assertNoDemoCredentials(ds);
  else await seedEmptyEmbeddedDatabase(ds, (line) => console.log(line));
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
