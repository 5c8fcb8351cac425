import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { DataSource } from 'typeorm';

/** `npm start` as a child process (server/main.ts) over a database, for the crash and shutdown tests. */
export interface ServerProcess {
  port: number;
  child: ChildProcess;
  /** what it printed so far */
  output(): string;
  /** resolves when it has exited, with its exit code or the signal that ended it */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const root = path.resolve(__dirname, '..', '..');

/** The DB_URL a child process needs to open the database a test opened. */
export function dbUrlOf(ds: DataSource): string {
  const options = ds.options as { type: string; url?: string; database?: string };
  return options.type === 'mysql' ? options.url! : `sqlite:${options.database}`;
}

export function startServer(dbUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', './test/support/ts-cache.ts', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, DB_URL: dbUrl, PORT: '0', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve({ port: Number(m[1]), child, output: () => out, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${out}`)));
  });
}
