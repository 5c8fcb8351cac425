import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dbKindOf } from '../../server/db/config';
import { openDatabase } from '../../server/db/data-source';

/**
 * A fresh, migrated database for one test file, of the kind TEST_DB_URL (or DB_URL) names:
 * SQLite in a temp file by default, or a new database on the MariaDB server given, dropped after.
 */
export interface TestDb {
  ds: DataSource;
  kind: 'sqlite' | 'mysql';
  drop(): Promise<void>;
}

export const testDbKind = () => dbKindOf(process.env.TEST_DB_URL ?? process.env.DB_URL);

export async function freshDatabase(): Promise<TestDb> {
  const base = process.env.TEST_DB_URL ?? process.env.DB_URL;
  if (dbKindOf(base) === 'mysql') {
    const url = new URL(base!.replace(/^mariadb:/, 'mysql:'));
    const name = `ledger_t_${crypto.randomBytes(5).toString('hex')}`;
    const admin = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    url.pathname = `/${name}`;
    const ds = await openDatabase(url.toString());
    return {
      ds,
      kind: 'mysql',
      async drop() {
        await ds.destroy();
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-test-'));
  const ds = await openDatabase(`sqlite:${path.join(dir, 'test.sqlite')}`);
  return {
    ds,
    kind: 'sqlite',
    async drop() {
      await ds.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
