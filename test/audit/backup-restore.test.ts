import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { expect } from 'chai';
import supertest from 'supertest';
import { Disbursement } from '../../entities/consignment-disbursement';
import { createApp } from '../../server/app';
import { systemContext } from '../../server/context';
import { createDisbursement } from '../../server/app/grants/disbursements';
import { verifyAuditChain } from '../../server/app/audit/verify-chain';
import { restoreDatabase } from '../../server/db/backup';
import { totalsDrift } from '../../server/store/ledger/running-totals';
import { auditChainHead } from '../../server/store/audit-chain';
import { freshDatabase, TestDb } from '../support/db';
import { testApp, TestApp } from '../support/app';
import { runScript, urlOf } from './support';

/** every report the council reads for the seeded years: json models, and one PDF compared byte for byte */
const REPORTS = [
  '/api/reports/expenditure-settlement?year=2018&org=SCB&format=json',
  '/api/reports/expenditure-settlement?year=2023&org=LFB&format=json',
  '/api/reports/grant-status?consignment=EC-C01&year=2025&format=json',
  '/api/reports/consignment-settlement?consignment=EC-C01&year=2025&format=json',
  '/api/reports/inspection-result?consignment=EC-C01&year=2020&format=json',
  '/api/reports/findings-register?asOf=2021-09-01&format=json',
  '/api/reports/transfer-report?year=2018&quarter=4&asOf=2019-06-17&format=json',
  '/api/reports/expenditure-settlement?year=2018&org=SCB&format=pdf',
];

async function reports(app: Express): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const url of REPORTS) {
    const res = await supertest(app)
      .get(url)
      .set('Authorization', 'Bearer demo-token-council')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status, `${url}: ${String(res.body)}`).to.equal(200);
    out[url] = url.endsWith('pdf') ? (res.body as Buffer).toString('base64') : JSON.parse((res.body as Buffer).toString('utf8'));
  }
  return out;
}

const payment = (amount: number) => ({
  consignment: 'EC-C01',
  fiscalYear: 2025,
  quarter: 4,
  requestedOn: '2025-10-01',
  amount,
  paidOn: '2025-10-02',
});

/**
 * `npm run backup -- --out FILE` and `npm run restore -- FILE` on the database the tests run on
 * (SQLite's online backup, or mariadb-dump on MariaDB): the restored database answers every report
 * as the original did at the backup, its running totals equal their rows and its audit chain is whole.
 */
describe('backup and restore', function () {
  let t: TestApp;
  let target: TestDb;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-backup-'));

  before(async () => {
    t = await testApp();
    target = await freshDatabase();
    // the restore replaces the target's whole database: nothing may hold it open meanwhile
    await target.ds.destroy();
  });
  after(async () => {
    if (!target.ds.isInitialized) await target.ds.initialize();
    await target.drop();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a backup restored into another database gives the same reports, clean running totals and a whole audit chain; what came later is not in it', async () => {
    await createDisbursement(t.ds, systemContext('before-backup'), payment(1_000_000));
    const before = await reports(t.app);
    const head = await auditChainHead(t.ds.manager);
    const payments = await t.ds.getRepository(Disbursement).count();

    const file = path.join(dir, t.db.kind === 'sqlite' ? 'ledger.sqlite' : 'ledger.sql');
    const backup = await runScript('backup.ts', ['--out', file], urlOf(t.ds));
    expect(backup.code, backup.out).to.equal(0);
    expect(backup.out).to.contain(`backup written: ${file} (${t.db.kind === 'sqlite' ? 'sqlite' : 'mariadb-dump'}`);
    expect(fs.existsSync(`${file}.partial`)).to.equal(false);

    // written after the backup: the restore must not have it
    const later = await createDisbursement(t.ds, systemContext('after-backup'), payment(2_000_000));
    expect(await reports(t.app)).not.to.deep.equal(before);

    const restore = await runScript('restore.ts', [file], urlOf(target.ds));
    expect(restore.code, restore.out).to.equal(0);
    expect(restore.out).to.match(/check-totals: all \d+ totals equal their rows/);
    expect(restore.out).to.contain(`verify-audit: intact, ${head!.records} records; anchor ${head!.records}:${head!.hash}`);

    await target.ds.initialize();
    expect(await reports(createApp(target.ds, { web: false }).app)).to.deep.equal(before);
    expect((await totalsDrift(target.ds.manager)).drift).to.deep.equal([]);
    expect(await verifyAuditChain(target.ds)).to.deep.include({ ok: true, checked: head!.records, head });
    expect(await target.ds.getRepository(Disbursement).count()).to.equal(payments);
    expect(await target.ds.getRepository(Disbursement).countBy({ id: later.id })).to.equal(0);
  });

  it('refuses a file that is no backup, a dump cut short, and a backup of the other kind of database, leaving the database as it was', async () => {
    if (!target.ds.isInitialized) await target.ds.initialize();
    const records = await target.ds.getRepository(Disbursement).count();
    const url = urlOf(target.ds);
    const notBackup = path.join(dir, 'notes.txt');
    fs.writeFileSync(notBackup, 'hello');
    const cut = path.join(dir, 'cut.sql');
    fs.writeFileSync(cut, '-- MariaDB dump 10.19\nCREATE TABLE x (id int);\n');
    const sqlite = path.join(dir, 'other.sqlite');
    fs.writeFileSync(sqlite, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
    await expectRefusal(restoreDatabase(url, notBackup), /neither a SQLite backup nor a mariadb-dump/);
    await expectRefusal(restoreDatabase(url, cut), /cut short/);
    if (t.db.kind === 'mysql') await expectRefusal(restoreDatabase(url, sqlite), /is a SQLite backup; DB_URL names a MariaDB database/);
    else {
      await expectRefusal(restoreDatabase(url, sqlite), /not a database|malformed/);
      const dump = path.join(dir, 'whole.sql');
      fs.writeFileSync(dump, '-- MariaDB dump 10.19\nCREATE TABLE x (id int);\n-- Dump completed on 2026-12-01\n');
      await expectRefusal(restoreDatabase(url, dump), /is a MariaDB backup; DB_URL names a SQLite database/);
    }
    expect(await target.ds.getRepository(Disbursement).count()).to.equal(records);
  });
});

async function expectRefusal(p: Promise<unknown>, message: RegExp): Promise<void> {
  const err = await p.then(
    () => null,
    (e: Error) => e,
  );
  expect(err, 'refused').to.be.instanceOf(Error);
  expect(err!.message).to.match(message);
}
