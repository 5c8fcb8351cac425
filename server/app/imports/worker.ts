import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import { DomainError, FieldProblem } from '../../../domain/errors';
import { RequestContext } from '../../context';
import { createDataSource } from '../../db/config';
import { ImportOptions, ImportOutcome, ImportPhase, ImportSource, runImport } from './engine';

/**
 * The onboarding import in a worker thread (node:worker_threads): the worker opens its own
 * connection to the same SQLite file and runs runImport there, so the server's event loop only
 * answers HTTP while a 120,000-row file is read, planned and written (better-sqlite3's statements
 * are synchronous and would otherwise hold the loop for each batch). Used when the server runs as
 * compiled JavaScript on a file database (IMPORT_WORKER=off turns it off, =on forces it, e.g. under
 * ts-node); otherwise — tests on ':memory:', MariaDB — the import runs in the server's thread as before.
 */

interface Request {
  url: string;
  ctx: RequestContext;
  source: ImportSource;
  options: Omit<ImportOptions, 'onProgress' | 'limits'> & { limits?: ImportOptions['limits'] };
}

type Message =
  | { type: 'progress'; phase: ImportPhase; fraction: number; rows: number }
  | { type: 'done'; outcome: ImportOutcome }
  | {
      type: 'failed';
      domain: { kind: DomainError['kind']; code: string; title: string; titleKo: string; errors: FieldProblem[] } | null;
      message: string;
    };

/** The database URL a worker opens for this DataSource, or null when the import must stay in this thread. */
export function workerUrlOf(ds: DataSource): string | null {
  const mode = process.env.IMPORT_WORKER;
  if (mode === 'off') return null;
  if (mode !== 'on' && !__filename.endsWith('.js')) return null;
  const o = ds.options as { type: string; database?: unknown };
  if (o.type !== 'better-sqlite3' || typeof o.database !== 'string' || o.database === ':memory:' || o.database === '') return null;
  return `sqlite:${o.database}`;
}

/** Runs the import in a new worker thread; progress and the outcome (or the refusal) come back as messages. */
export function runImportInWorker(url: string, ctx: RequestContext, source: ImportSource, options: ImportOptions): Promise<ImportOutcome> {
  const { onProgress, ...rest } = options;
  const request: Request = { url, ctx, source, options: rest };
  const ts = __filename.endsWith('.ts');
  const worker = new Worker(path.join(__dirname, ts ? 'worker.ts' : 'worker.js'), {
    workerData: request,
    execArgv: ts ? ['-r', 'ts-node/register/transpile-only'] : [],
  });
  return new Promise<ImportOutcome>((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: Message) => {
      if (m.type === 'progress') onProgress?.(m.phase, m.fraction, m.rows);
      else if (m.type === 'done') {
        settled = true;
        resolve(m.outcome);
      } else {
        settled = true;
        reject(
          m.domain
            ? new DomainError(m.domain.kind, m.domain.code, m.domain.title, m.domain.titleKo, m.domain.errors)
            : new Error(m.message),
        );
      }
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the import worker exited with code ${code}`));
    });
  });
}

async function workerMain(): Promise<void> {
  const { url, ctx, source, options } = workerData as Request;
  if (source.kind === 'xlsx') source.buffer = Buffer.from(source.buffer);
  const post = (m: Message) => parentPort!.postMessage(m);
  let ds: DataSource | null = null;
  try {
    // the server has brought the schema up to date: the worker loads no migrations
    ds = createDataSource(url);
    ds.setOptions({ migrations: [] });
    await ds.initialize();
    const outcome = await runImport(ds, ctx, source, {
      ...options,
      onProgress: (phase, fraction, rows) => post({ type: 'progress', phase, fraction, rows }),
    });
    post({ type: 'done', outcome });
  } catch (err) {
    post({
      type: 'failed',
      domain:
        err instanceof DomainError ? { kind: err.kind, code: err.code, title: err.title, titleKo: err.titleKo, errors: err.errors } : null,
      message: err instanceof Error ? err.message : String(err),
    });
  } finally {
    if (ds?.isInitialized) await ds.destroy();
  }
}

if (!isMainThread && (workerData as Request | undefined)?.url) void workerMain();
