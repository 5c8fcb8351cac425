import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, FieldProblem } from '../../../domain/errors';
import { RequestContext } from '../../context';
import { ImportOptions, ImportOutcome, ImportPhase, ImportSource, runImport } from './engine';

/**
 * Imports run one at a time per server (each holds a transaction and a file's rows in memory): a
 * second one is refused with 429 and a Retry-After. A job started in the background reports its
 * phase and progress, polled by the preview page (GET /api/imports/jobs/{id}).
 */
export const MAX_CONCURRENT_IMPORTS = Number(process.env.IMPORT_CONCURRENCY ?? 1);
export const RETRY_AFTER_SECONDS = 10;

export interface ImportJob {
  id: string;
  actorId: number | null;
  dryRun: boolean;
  phase: ImportPhase | 'queued' | 'failed';
  /** 0–100 */
  percent: number;
  rows: number;
  startedAt: string;
  finishedAt: string | null;
  result: ImportOutcome | null;
  error: { status: string; code: string; title: string; titleKo: string; errors: FieldProblem[] } | null;
}

let running = 0;
const jobs = new Map<string, ImportJob>();
const KEEP_JOBS = 50;

export function importBusy(): DomainError {
  return new DomainError(
    'rate_limited',
    'import_busy',
    'Another import is running; try again shortly',
    '다른 가져오기가 진행 중입니다. 잠시 후 다시 시도하십시오',
    [
      {
        field: 'file',
        rule: 'oneImportAtATime',
        message: `retry after ${RETRY_AFTER_SECONDS} s`,
        message_ko: `${RETRY_AFTER_SECONDS}초 뒤에 다시 시도하십시오`,
      },
    ],
  );
}

/** Runs an import in this server's single slot, or refuses at once when the slot is taken. */
export async function withImportSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_IMPORTS) throw importBusy();
  running++;
  try {
    return await fn();
  } finally {
    running--;
  }
}

/** Starts an import in the background and answers its job at once. */
export function startImportJob(ds: DataSource, ctx: RequestContext, source: ImportSource, options: ImportOptions): ImportJob {
  if (running >= MAX_CONCURRENT_IMPORTS) throw importBusy();
  const job: ImportJob = {
    id: randomUUID(),
    actorId: ctx.actor.id,
    dryRun: !!options.dryRun,
    phase: 'queued',
    percent: 0,
    rows: 0,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    result: null,
    error: null,
  };
  jobs.set(job.id, job);
  for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP_JOBS))) jobs.delete(old);
  void withImportSlot(() =>
    runImport(ds, ctx, source, {
      ...options,
      onProgress: (phase, fraction, rows) => {
        job.phase = phase;
        job.percent = Math.round(fraction * 100);
        job.rows = rows;
      },
    }),
  ).then(
    (result) => {
      job.result = result;
      job.phase = 'done';
      job.percent = 100;
      job.finishedAt = new Date().toISOString();
    },
    (err: unknown) => {
      job.phase = 'failed';
      job.finishedAt = new Date().toISOString();
      job.error =
        err instanceof DomainError
          ? { status: err.kind, code: err.code, title: err.title, titleKo: err.titleKo, errors: err.errors }
          : { status: 'error', code: 'internal', title: 'The import failed', titleKo: '가져오기에 실패했습니다', errors: [] };
    },
  );
  return job;
}

/** A job, to the user who started it (or an administrator); another user learns nothing of it. */
export function importJobOf(id: string, ctx: RequestContext): ImportJob {
  const job = jobs.get(id);
  if (!job || (ctx.actor.role !== 'admin' && ctx.actor.role !== 'system' && job.actorId !== ctx.actor.id)) {
    throw new DomainError('not_found', 'not_found', `Import job ${id.slice(0, 40)} not found`, `가져오기 작업을 찾을 수 없습니다`, [
      { field: 'id', rule: 'exists', message: 'no such import job', message_ko: '그런 가져오기 작업이 없습니다' },
    ]);
  }
  return job;
}
