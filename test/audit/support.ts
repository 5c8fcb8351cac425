import { execFile } from 'node:child_process';
import path from 'node:path';
import type { DataSource } from 'typeorm';

const ROOT = path.resolve(__dirname, '..', '..');

/** the DB_URL of a test database, for the command-line scripts */
export function urlOf(ds: DataSource): string {
  const o = ds.options as { type: string; url?: string; database?: string };
  return o.type === 'mysql' ? o.url! : `sqlite:${o.database}`;
}

/** Runs a script of scripts/ against a database; resolves with its exit code and output. */
export function runScript(script: string, args: string[], dbUrl: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'scripts', script), ...args],
      { cwd: ROOT, env: { ...process.env, DB_URL: dbUrl }, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}
