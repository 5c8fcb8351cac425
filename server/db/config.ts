import 'reflect-metadata';
import path from 'node:path';
import fs from 'node:fs';
import { DataSource, DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

/**
 * DB_URL picks the database:
 *   unset            → embedded SQLite at data/ledger.sqlite (WAL mode)
 *   sqlite:<path>    → embedded SQLite at <path> (':memory:' for a throwaway)
 *   mysql://… / mariadb://… → MySQL or MariaDB through mysql2
 * The same migrations run on both; `synchronize` is never used.
 */
/** the repository's root: entities/, migrations/ and data/ are found from it */
export const ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_SQLITE_PATH = path.join(ROOT, 'data', 'ledger.sqlite');

export type DbKind = 'sqlite' | 'mysql';

export function dbKindOf(url = process.env.DB_URL): DbKind {
  return url && /^(mysql|mariadb):\/\//.test(url) ? 'mysql' : 'sqlite';
}

export function dataSourceOptions(url = process.env.DB_URL): DataSourceOptions {
  const common = {
    entities: [path.join(ROOT, 'entities', '**', '*.{ts,js}')],
    migrations: [path.join(ROOT, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Failed queries surface as exceptions (and problem+json); DB_LOG=1 prints every query.
    logging: process.env.DB_LOG ? (['query', 'error'] as const) : ([] as const),
  };
  if (dbKindOf(url) === 'mysql') {
    return {
      ...common,
      logging: [...common.logging],
      type: 'mysql',
      url: url!.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      // A transaction sends the statements that need no answer in between with the next one, in one
      // round trip (server/db/pipeline.ts). Every value is bound as a parameter, never pasted into
      // SQL, so this opens no door to stacked statements.
      multipleStatements: true,
      bigNumberStrings: false,
      dateStrings: ['DATE'],
      extra: { connectionLimit: Number(process.env.DB_POOL ?? 20) },
    };
  }
  const file = url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : DEFAULT_SQLITE_PATH;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return {
    ...common,
    logging: [...common.logging],
    type: 'better-sqlite3',
    database: file,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}

export function createDataSource(url = process.env.DB_URL): DataSource {
  return new DataSource(dataSourceOptions(url));
}
