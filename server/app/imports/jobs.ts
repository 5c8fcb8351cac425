import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, FieldProblem } from '../../../domain/errors';
import { RequestContext } from '../../context';
import { ImportOptions, ImportOutcome, ImportPhase, ImportSource, runImport } from './engine';
import { runImportInWorker, workerUrlOf } from './worker';

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
  const inWorker = workerUrlOf(ds);
  const jobOptions: ImportOptions = {
    ...options,
    onProgress: (phase, fraction, rows) => {
      job.phase = phase;
      job.percent = Math.round(fraction * 100);
      job.rows = rows;
    },
  };
  void withImportSlot(() =>
    inWorker ? runImportInWorker(inWorker, ctx, source, jobOptions) : runImport(ds, ctx, source, jobOptions),
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

/** An upload kept for the preview page between its dry run and the confirmation that imports it. */
interface Staged {
  id: string;
  actorId: number | null;
  source: ImportSource;
  name: string;
  dryRunJobId: string;
  importJobId: string | null;
  at: number;
}

const staged = new Map<string, Staged>();
const STAGE_MINUTES = 30;

/** Keeps an upload and starts its dry run; the page shows the plan and, on confirmation, imports it. */
export function stageUpload(ds: DataSource, ctx: RequestContext, source: ImportSource, name: string): Staged {
  for (const [id, s] of staged) if (Date.now() - s.at > STAGE_MINUTES * 60_000) staged.delete(id);
  const job = startImportJob(ds, ctx, source, { dryRun: true });
  const s: Staged = { id: randomUUID(), actorId: ctx.actor.id, source, name, dryRunJobId: job.id, importJobId: null, at: Date.now() };
  staged.set(s.id, s);
  return s;
}

export function stagedUpload(id: string, ctx: RequestContext): Staged & { dryRun: ImportJob; imported: ImportJob | null } {
  const s = staged.get(id);
  if (!s || s.actorId !== ctx.actor.id) {
    throw new DomainError(
      'not_found',
      'not_found',
      'This upload is not (or no longer) kept',
      '올린 파일을 찾을 수 없습니다 (30분이 지나면 다시 올려야 합니다)',
      [{ field: 'id', rule: 'exists', message: 'no such upload', message_ko: '그런 파일이 없습니다' }],
    );
  }
  return { ...s, dryRun: importJobOf(s.dryRunJobId, ctx), imported: s.importJobId ? importJobOf(s.importJobId, ctx) : null };
}

/** The confirmation: the staged upload is imported (once). */
export function confirmStaged(ds: DataSource, ctx: RequestContext, id: string): void {
  const s = stagedUpload(id, ctx);
  if (s.importJobId) return;
  staged.get(id)!.importJobId = startImportJob(ds, ctx, s.source, {}).id;
}
