import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { dataSourceOptions, dbKindOf } from './config';

/**
 * Backup and restore of the database DB_URL names (scripts/backup.ts, scripts/restore.ts).
 *
 * - SQLite: SQLite's online backup API (better-sqlite3's `backup`), a consistent copy of the file
 *   while the service runs (WAL included); restored through the same API into the database file.
 * - MariaDB: `mariadb-dump --single-transaction` (one consistent snapshot, no table locks, so the
 *   service keeps running), restored with the `mariadb` client after every table of the target
 *   database is dropped, so the result is the backup and nothing else.
 *
 * A backup is written to `<out>.partial` and renamed only once it is complete and checked, so a file
 * under the name asked for is always a whole backup. A restore replaces the whole database: stop the
 * service first.
 */

export type BackupKind = 'sqlite' | 'mariadb-dump';

const SQLITE_MAGIC = 'SQLite format 3\0';
/** the last line mariadb-dump writes (with comments on, its default): a dump without it was cut short */
const DUMP_DONE = /-- Dump completed/;

interface MysqlTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

function mysqlTarget(url: string): MysqlTarget {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_$]+$/.test(database)) throw new Error(`DB_URL names no database (or an unusual name): "${database}"`);
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database,
  };
}

function sqliteFile(url: string | undefined): string {
  const options = dataSourceOptions(url) as { database?: string };
  const file = options.database!;
  if (file === ':memory:') throw new Error('an in-memory database cannot be backed up or restored');
  return path.resolve(file);
}

/** Arguments naming the server and user; the password travels in the environment (MYSQL_PWD), never on a command line others can read. */
function clientArgs(t: MysqlTarget): { args: string[]; env: NodeJS.ProcessEnv } {
  return {
    args: [`--host=${t.host}`, `--port=${t.port}`, `--user=${t.user}`, '--default-character-set=utf8mb4'],
    env: { ...process.env, MYSQL_PWD: t.password },
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: [stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', (err) => reject(new Error(`${command}: ${err.message} (set MARIADB_DUMP / MARIADB_CLIENT to its path)`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))));
    if (stdin) {
      const input = fs.createReadStream(stdin);
      input.on('error', (err) => child.kill() && reject(err));
      input.pipe(child.stdin!);
    }
  });
}

/** Writes a backup of the database `url` names to `out`; returns what kind of backup it wrote. */
export async function backupDatabase(url: string | undefined, out: string): Promise<{ kind: BackupKind; bytes: number }> {
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    let kind: BackupKind;
    if (dbKindOf(url) === 'mysql') {
      const t = mysqlTarget(url!);
      const { args, env } = clientArgs(t);
      await run(
        process.env.MARIADB_DUMP ?? 'mariadb-dump',
        [
          ...args,
          '--single-transaction',
          '--quick',
          '--skip-lock-tables',
          '--no-tablespaces',
          '--routines',
          '--triggers',
          '--hex-blob',
          `--result-file=${partial}`,
          t.database,
        ],
        env,
      );
      if (!DUMP_DONE.test(tail(partial))) throw new Error('mariadb-dump stopped before the end of the dump');
      kind = 'mariadb-dump';
    } else {
      const source = new Database(sqliteFile(url), { fileMustExist: true });
      try {
        await source.backup(partial);
      } finally {
        source.close();
      }
      // one self-contained file: the copy leaves the source's WAL mode in its header
      const copy = new Database(partial, { fileMustExist: true });
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      checkSqlite(partial);
      kind = 'sqlite';
    }
    fs.renameSync(partial, out);
    return { kind, bytes: fs.statSync(out).size };
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

/** What kind of backup a file is (refusing anything else). */
export function backupKindOf(file: string): BackupKind {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(512);
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(0, SQLITE_MAGIC.length).toString('latin1') === SQLITE_MAGIC) return 'sqlite';
  // newer dumps open with a sandbox-mode line before the header
  if (/^-- (MariaDB|MySQL) dump/m.test(head.toString('utf8'))) {
    if (!DUMP_DONE.test(tail(file))) throw new Error(`${file} is a dump cut short (no "-- Dump completed" at its end)`);
    return 'mariadb-dump';
  }
  throw new Error(`${file} is neither a SQLite backup nor a mariadb-dump file`);
}

/**
 * Replaces the database `url` names with the backup in `file`. The backup must be of the same kind
 * of database. Migrations are not run here: opening the database afterwards (the service, or the
 * restore script's checks) brings an older backup's schema up to date.
 */
export async function restoreDatabase(url: string | undefined, file: string): Promise<BackupKind> {
  const kind = backupKindOf(file);
  const target = dbKindOf(url);
  if ((kind === 'sqlite') !== (target === 'sqlite'))
    throw new Error(
      `${file} is a ${kind === 'sqlite' ? 'SQLite' : 'MariaDB'} backup; DB_URL names a ${target === 'sqlite' ? 'SQLite' : 'MariaDB'} database`,
    );
  if (kind === 'sqlite') {
    checkSqlite(file);
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(sqliteFile(url));
    } finally {
      source.close();
    }
    return kind;
  }
  const t = mysqlTarget(url!);
  const admin = await createConnection({ host: t.host, port: t.port, user: t.user, password: t.password, database: t.database });
  try {
    const tables = (
      await admin.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?', [t.database])
    )[0] as {
      name: string;
    }[];
    await admin.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const { name } of tables) await admin.query(`DROP TABLE IF EXISTS \`${name.replace(/`/g, '``')}\``);
    await admin.query('SET FOREIGN_KEY_CHECKS = 1');
  } finally {
    await admin.end();
  }
  const { args, env } = clientArgs(t);
  await run(process.env.MARIADB_CLIENT ?? 'mariadb', [...args, t.database], env, file);
  return kind;
}

/** A SQLite file that passes SQLite's own check and holds this service's schema. */
function checkSqlite(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} fails SQLite's quick_check: ${String(check)}`);
    const migrations = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() as {
      n: number;
    };
    if (!migrations.n) throw new Error(`${file} is a SQLite database but not this service's (no schema_migrations)`);
  } finally {
    db.close();
  }
}

/** the last kilobyte of a file, as text */
function tail(file: string): string {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(1024, size));
    fs.readSync(fd, buf, 0, buf.length, size - buf.length);
    return buf.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
