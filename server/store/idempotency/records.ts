import type { EntityManager } from 'typeorm';
import { IdempotencyRecord } from '../../../entities/idempotency-record';
import { leanFindOne, leanInsert, leanInsertMany, leanUpdate } from '../../db/lean';
import { beforeCommit, transactionLocal } from '../../db/transaction';

/**
 * The statements of the Idempotency-Key records (server/http/idempotency.ts). A key's record is
 * written in the transaction of the request's work: claimed first (the unique index locks the key
 * for that transaction) and completed with its answer before COMMIT — or, for a request carried by
 * group commit, inserted complete with the group's other records in one statement before COMMIT.
 */

export interface KeyOf {
  scope: string;
  idemKey: string;
}

/** A request's answer as it is stored: status, body (capped) and whether the body was cut. */
export interface StoredAnswer {
  status: number;
  responseBody: string | null;
  truncated: boolean;
}

/** The record of a key in its scope, or null. */
export function idempotencyRecordOf(em: EntityManager, key: KeyOf): Promise<IdempotencyRecord | null> {
  return leanFindOne(em, IdempotencyRecord, { scope: key.scope, idemKey: key.idemKey });
}

/**
 * Claims a key in the caller's transaction (no answer yet, a lease until lockedUntil). A unique
 * violation when the key is taken; on MariaDB a claim that another open transaction holds waits for
 * it to end. Returns the record's id.
 */
export function claimIdempotencyKey(
  em: EntityManager,
  claim: KeyOf & { requestHash: string; now: Date; lockedUntil: Date; expiresAt: Date },
): Promise<number> {
  return leanInsert(em, IdempotencyRecord, {
    scope: claim.scope,
    idemKey: claim.idemKey,
    requestHash: claim.requestHash,
    status: null,
    responseBody: null,
    truncated: false,
    createdAt: claim.now,
    lockedUntil: claim.lockedUntil,
    expiresAt: claim.expiresAt,
  });
}

/** Locks a record for the rest of the transaction (a retry taking over an abandoned claim) and reads it again. */
export function lockIdempotencyRecord(em: EntityManager, id: number): Promise<IdempotencyRecord | null> {
  return leanFindOne(em, IdempotencyRecord, { id }, { lock: true });
}

/** Stores the answer on a claimed record (in a pipelined transaction, with its next statement: COMMIT). */
export function completeIdempotencyRecord(em: EntityManager, id: number, answer: StoredAnswer, expiresAt: Date): Promise<void> {
  return leanUpdate(em, IdempotencyRecord, id, { ...answer, lockedUntil: null, expiresAt });
}

/** Stores the answer on a claimed record just before the caller's transaction commits (a retry that took over an abandoned claim, in a group). */
export function completeBeforeCommit(em: EntityManager, id: number, answer: StoredAnswer, expiresAt: Date): void {
  if (!beforeCommit(em, () => completeIdempotencyRecord(em, id, answer, expiresAt))) {
    throw new Error('completeBeforeCommit needs a transaction opened by inTransaction');
  }
}

type AnsweredRow = Omit<IdempotencyRecord, 'id'>;

const QUEUE = Symbol('idempotency records of this transaction');

/**
 * Queues a complete record (key and answer) to be inserted just before the caller's transaction
 * commits, with the transaction's other such records in one statement (group commit: one statement
 * for the group, riding with COMMIT on MariaDB). Outside a transaction it is inserted at once.
 */
export async function insertAnsweredRecord(
  em: EntityManager,
  row: KeyOf & StoredAnswer & { requestHash: string; now: Date; expiresAt: Date },
): Promise<void> {
  const record: AnsweredRow = {
    scope: row.scope,
    idemKey: row.idemKey,
    requestHash: row.requestHash,
    status: row.status,
    responseBody: row.responseBody,
    truncated: row.truncated,
    createdAt: row.now,
    expiresAt: row.expiresAt,
    lockedUntil: null,
  };
  const queue = transactionLocal(em, QUEUE, () => {
    const rows: AnsweredRow[] = [];
    beforeCommit(em, () => leanInsertMany(em, IdempotencyRecord, rows));
    return rows;
  });
  if (queue) queue.push(record);
  else await leanInsert(em, IdempotencyRecord, record);
}

/** Deletes a key's record if it has expired (a new request may then use the key afresh). */
export async function deleteExpiredRecord(em: EntityManager, key: KeyOf, now: Date): Promise<void> {
  await em
    .createQueryBuilder()
    .delete()
    .from(IdempotencyRecord)
    .where('scope = :scope AND idem_key = :idemKey AND expires_at < :now', { ...key, now })
    .execute();
}

/** Deletes up to `limit` expired records; returns how many went. */
export async function purgeExpiredRecords(em: EntityManager, now: Date, limit = 1000): Promise<number> {
  const expired = await em
    .createQueryBuilder(IdempotencyRecord, 'r')
    .select('r.id', 'id')
    .where('r.expires_at < :now', { now })
    .orderBy('r.expires_at')
    .limit(limit)
    .getRawMany<{ id: number }>();
  if (!expired.length) return 0;
  await em
    .createQueryBuilder()
    .delete()
    .from(IdempotencyRecord)
    .whereInIds(expired.map((r) => r.id))
    .execute();
  return expired.length;
}
