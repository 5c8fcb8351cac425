import type { Request, Response } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../domain/errors';
import type { IdempotencyRecord } from '../../entities/idempotency-record';
import { Outcome, Rider, withRider } from '../db/group-commit';
import { inRequestTransaction, inTransaction } from '../db/transaction';
import {
  claimIdempotencyKey,
  completeIdempotencyRecord,
  completeBeforeCommit,
  deleteExpiredRecord,
  idempotencyRecordOf,
  insertAnsweredRecord,
  KeyOf,
  lockIdempotencyRecord,
  purgeExpiredRecords,
  StoredAnswer,
} from '../store/idempotency/records';
import { createHash } from 'node:crypto';
import { canonicalJsonHash } from './canonical-json';
import { isUniqueViolation } from './db-errors';
import { PROBLEM_TYPE, problemBody } from './problem';
import type { ApiResult } from './route';
import { contextOf } from './route';

/**
 * Idempotency-Key on a POST, done as payment APIs do it. The key's record is claimed, and completed
 * with the answer, in the SAME transaction as the request's work (inRequestTransaction: the use case
 * joins it), the answer written before COMMIT: after a crash a key either has its committed answer or
 * nothing at all, and its retry replays that answer or runs the work once. A request carried by group
 * commit (route `groupCommit`) has its record, answer included, written by the group's transaction
 * before that COMMIT (a Rider: one statement for the whole group).
 *
 * A replay (same user, path, key and canonical body) gets the stored answer; the same key with
 * another body is refused (422). A replay that arrives while the first still runs waits for it (in
 * this process; on MariaDB another process's claim holds the key's index entry until it commits) —
 * or is told to retry (409) when the wait times out. A record left claimed without an answer (only
 * older versions committed such a claim) is taken over by a retry once its lease has passed, never
 * 409 for ever. Refusals (4xx) are stored too, in a transaction of their own after the work was rolled
 * back; server errors are not, so a retry after one runs. Answers expire after 24 hours and are purged;
 * a body longer than the cap is stored shortened.
 */

const HOUR = 3600 * 1000;
/** how long a stored answer is replayed (IDEMPOTENCY_TTL_HOURS, 24 by default) */
export const answerTtlMs = () => Number(process.env.IDEMPOTENCY_TTL_HOURS ?? 24) * HOUR;
/** how long a claim without an answer keeps its key from a retry (IDEMPOTENCY_LEASE_MS, one minute by default) */
export const leaseMs = () => Number(process.env.IDEMPOTENCY_LEASE_MS ?? 60_000);
/**
 * the longest body stored whole, in UTF-8 bytes (the column is a TEXT: 65,535 bytes on MariaDB); a
 * longer one is stored shortened
 */
export const STORED_BODY_CAP = 60_000;
/** a string in a shortened body keeps this many characters */
const STRING_PREFIX = 200;

/** this process's keyed requests still running, per database: a replay waits for the first */
const inFlight = new WeakMap<DataSource, Map<string, Promise<void>>>();

/** The key was claimed by another request between our look-up and our claim: look again. */
class KeyTaken extends Error {}

export async function answerKeyed(
  ds: DataSource,
  req: Request,
  res: Response,
  grouped: { status: number } | undefined,
  run: () => Promise<ApiResult>,
  send: (res: Response, result: ApiResult) => void,
): Promise<void> {
  const idemKey = req.header('Idempotency-Key')!;
  if (idemKey.length > 200) {
    throw new DomainError(
      'malformed',
      'idempotency_key_too_long',
      'Idempotency-Key is longer than 200 characters',
      'Idempotency-Key가 200자를 넘습니다',
      [{ field: 'Idempotency-Key', rule: 'maxLength', message: 'at most 200 characters', message_ko: '200자 이하' }],
    );
  }
  const ctx = contextOf(req);
  const key: KeyOf = { scope: scopeOf(`${ctx.actor.id ?? 'system'}:${req.method}:${req.baseUrl}${req.path}`), idemKey };
  const file = (req as Request & { file?: { buffer: Buffer } }).file?.buffer;
  const request: Keyed = { ds, req, res, key, requestHash: canonicalJsonHash(req.body ?? null, ...(file ? [file] : [])), run, send };

  let flights = inFlight.get(ds);
  if (!flights) inFlight.set(ds, (flights = new Map()));
  const slot = `${key.scope}\n${key.idemKey}`;
  for (let running = flights.get(slot); running; running = flights.get(slot)) await running;
  const flight = answerOnce(request, grouped);
  const settled = flight.then(
    () => undefined,
    () => undefined,
  );
  flights.set(slot, settled);
  try {
    await flight;
  } finally {
    if (flights.get(slot) === settled) flights.delete(slot);
  }
}

interface Keyed {
  ds: DataSource;
  req: Request;
  res: Response;
  key: KeyOf;
  requestHash: string;
  run: () => Promise<ApiResult>;
  send: (res: Response, result: ApiResult) => void;
}

async function answerOnce(k: Keyed, grouped: { status: number } | undefined): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const now = new Date();
    let existing = await idempotencyRecordOf(k.ds.manager, k.key);
    if (existing && existing.expiresAt && existing.expiresAt <= now) {
      await inTransaction(k.ds, (em) => deleteExpiredRecord(em, k.key, now));
      existing = null;
    }
    let takeover: number | null = null;
    if (existing) {
      if (existing.requestHash !== k.requestHash) throw keyReused();
      if (existing.status !== null) return replay(k.res, existing);
      const leaseEnd = existing.lockedUntil ?? new Date(existing.createdAt.getTime() + leaseMs());
      if (leaseEnd > now) throw inProgress(Math.ceil((leaseEnd.getTime() - now.getTime()) / 1000));
      takeover = existing.id; // its first request died: this one runs the work
    }
    try {
      return await (grouped ? answerGrouped(k, grouped.status, takeover) : answerInTransaction(k, takeover));
    } catch (err) {
      // someone else claimed or answered the key meanwhile: look again (and replay what it stored)
      if (err instanceof KeyTaken && attempt < 3) continue;
      if (err instanceof KeyTaken || isLockWaitTimeout(err)) throw inProgress(1);
      throw err;
    }
  }
}

/** The request's work in one transaction with its key's claim and answer. */
async function answerInTransaction(k: Keyed, takeover: number | null): Promise<void> {
  let result: ApiResult;
  try {
    result = await inRequestTransaction(k.ds, async (em) => {
      const now = new Date();
      const id = await claim(em, k, takeover, now);
      const answer = await k.run();
      await completeIdempotencyRecord(em, id, storedAnswerOf(answer), new Date(now.getTime() + answerTtlMs()));
      return answer;
    });
  } catch (err) {
    if (err instanceof DomainError) await storeRefusal(k, err, takeover);
    throw err;
  }
  k.send(k.res, result);
}

async function claim(em: EntityManager, k: Keyed, takeover: number | null, now: Date): Promise<number> {
  if (takeover !== null) {
    const held = await lockIdempotencyRecord(em, takeover);
    if (held && held.status === null) return takeover;
    if (held) throw new KeyTaken();
  }
  try {
    return await claimIdempotencyKey(em, {
      ...k.key,
      requestHash: k.requestHash,
      now,
      lockedUntil: new Date(now.getTime() + leaseMs()),
      expiresAt: new Date(now.getTime() + answerTtlMs()),
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new KeyTaken();
    throw err;
  }
}

/**
 * A request carried by group commit: its record rides with its item (withRider) and is written,
 * answer included, by the group's transaction just before COMMIT — with the group's other records in
 * one statement. A key taken meanwhile by another process fails that statement; the group is then
 * carried item by item and only this request learns of it (and replays the answer stored first).
 */
async function answerGrouped(k: Keyed, status: number, takeover: number | null): Promise<void> {
  let rode: Outcome<unknown> | undefined;
  const rider: Rider = {
    ride(tx, outcome) {
      rode = outcome;
      const answer =
        'value' in outcome
          ? cap(status, JSON.stringify(outcome.value))
          : outcome.error instanceof DomainError
            ? refusalAnswer(outcome.error, k.req.originalUrl)
            : null;
      if (!answer) return;
      const now = new Date();
      const expiresAt = new Date(now.getTime() + answerTtlMs());
      if (takeover !== null) completeBeforeCommit(tx, takeover, answer, expiresAt);
      else void insertAnsweredRecord(tx, { ...k.key, ...answer, requestHash: k.requestHash, now, expiresAt });
    },
  };
  let result: ApiResult;
  try {
    result = await withRider(rider, k.run);
  } catch (err) {
    // a refusal that came out of a committed group transaction was stored with it
    const storedWithGroup = rode !== undefined && 'error' in rode && rode.error === err;
    if (isUniqueViolation(err) && !storedWithGroup) throw new KeyTaken();
    if (err instanceof DomainError && !storedWithGroup) await storeRefusal(k, err, takeover);
    throw err;
  }
  k.send(k.res, result);
}

/** A refusal's answer, stored after the work was rolled back (nothing of the request was written). */
async function storeRefusal(k: Keyed, err: DomainError, takeover: number | null): Promise<void> {
  const answer = refusalAnswer(err, k.req.originalUrl);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + answerTtlMs());
  try {
    await inTransaction(k.ds, (em) =>
      takeover !== null
        ? completeIdempotencyRecord(em, takeover, answer, expiresAt)
        : insertAnsweredRecord(em, { ...k.key, ...answer, requestHash: k.requestHash, now, expiresAt }),
    );
  } catch (storeErr) {
    // another request answered the key meanwhile: its answer stands
    if (!isUniqueViolation(storeErr)) throw storeErr;
  }
}

function refusalAnswer(err: DomainError, instance: string): StoredAnswer {
  const text = problemBody(err, instance);
  return cap((JSON.parse(text) as { status: number }).status, text);
}

function storedAnswerOf(result: ApiResult): StoredAnswer {
  const status = result.status ?? 200;
  if ('file' in result) {
    // no POST answers with a file today; one that did would be replayed as its status alone
    return { status, responseBody: null, truncated: true };
  }
  return cap(status, result.body === undefined ? null : JSON.stringify(result.body));
}

/**
 * The answer as it is stored: whole up to the cap; beyond it every string is cut to a short prefix
 * (a refusal echoing a 1.9 MB value keeps its code, its fields and rules), and if that is still too
 * long only the problem's identity (or, for a success, `{"truncated":true}`) is kept.
 */
export function cap(status: number, text: string | null): StoredAnswer {
  const fits = (body: string) => body.length <= STORED_BODY_CAP / 4 || Buffer.byteLength(body) <= STORED_BODY_CAP;
  if (text === null || fits(text)) return { status, responseBody: text, truncated: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const shortened = parsed === undefined ? null : JSON.stringify(shorten(parsed, 0));
  if (shortened !== null && fits(shortened)) return { status, responseBody: shortened, truncated: true };
  const p = (parsed ?? {}) as Record<string, unknown>;
  const identity =
    status >= 400
      ? { type: p.type, title: p.title, title_ko: p.title_ko, status, code: p.code, instance: p.instance, truncated: true }
      : { truncated: true };
  return { status, responseBody: JSON.stringify(shorten(identity, 0)), truncated: true };
}

function shorten(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.length > STRING_PREFIX ? `${value.slice(0, STRING_PREFIX)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= 32) return '…';
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => shorten(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, 100)
      .map(([k, v]) => [k.slice(0, STRING_PREFIX), shorten(v, depth + 1)]),
  );
}

function replay(res: Response, record: IdempotencyRecord): void {
  res.setHeader('Idempotent-Replayed', 'true');
  if (record.truncated) res.setHeader('Idempotent-Replay-Truncated', 'true');
  const status = record.status!;
  res
    .status(status)
    .type(status >= 400 ? PROBLEM_TYPE : 'application/json')
    .send(record.responseBody ?? '');
}

function keyReused(): DomainError {
  return new DomainError(
    'invalid',
    'idempotency_key_reused',
    'This Idempotency-Key was used with a different request',
    '이 Idempotency-Key는 다른 요청에 이미 사용되었습니다',
    [
      {
        field: 'Idempotency-Key',
        rule: 'sameRequest',
        message: 'key reused with a different body',
        message_ko: '다른 내용의 요청에 같은 키를 사용했습니다',
      },
    ],
  );
}

function inProgress(retryAfterSeconds: number): DomainError {
  return new DomainError(
    'conflict',
    'idempotent_request_in_progress',
    `A request with this Idempotency-Key is still running; retry in ${retryAfterSeconds} s`,
    `같은 Idempotency-Key의 요청이 처리 중입니다. ${retryAfterSeconds}초 후에 다시 시도하십시오`,
  );
}

function isLockWaitTimeout(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return (e.driverError?.code ?? e.code) === 'ER_LOCK_WAIT_TIMEOUT';
}

/** Deletes the answers past their expiry (in batches); returns how many went. */
export async function purgeExpiredIdempotencyRecords(ds: DataSource, now = new Date()): Promise<number> {
  let purged = 0;
  for (;;) {
    const batch = await inTransaction(ds, (em) => purgeExpiredRecords(em, now, 1000));
    purged += batch;
    if (batch < 1000) return purged;
  }
}

/** Purges expired answers now and then every `everyMs` (10 minutes by default); returns the stop. */
export function startIdempotencyPurge(ds: DataSource, everyMs = 10 * 60 * 1000): () => void {
  const purge = () => void purgeExpiredIdempotencyRecords(ds).catch((err: unknown) => console.error('idempotency purge failed', err));
  purge();
  const timer = setInterval(purge, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** the scope column holds 300 characters: a longer scope (a long path) keeps its start and a hash of the whole, so it stays unique */
const SCOPE_LENGTH = 300;
export function scopeOf(raw: string): string {
  if (raw.length <= SCOPE_LENGTH) return raw;
  return `${raw.slice(0, SCOPE_LENGTH - 65)}#${createHash('sha256').update(raw).digest('hex')}`;
}
