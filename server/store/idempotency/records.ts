import type { EntityManager } from 'typeorm';
import { IdempotencyRecord } from '../../../entities/idempotency-record';

/**
 * The statements of the Idempotency-Key records (server/http/idempotency.ts): the first request's
 * claim on its key, the look-up of a replay, and the answer stored or the claim given up.
 */

/** Claims a key for a request still running (no answer yet); a unique violation when the key is taken. Returns the record's id. */
export async function claimIdempotencyKey(
  em: EntityManager,
  claim: { scope: string; idemKey: string; requestHash: string },
): Promise<number> {
  const inserted = await em.insert(IdempotencyRecord, {
    scope: claim.scope,
    idemKey: claim.idemKey,
    requestHash: claim.requestHash,
    status: null,
    responseBody: null,
    createdAt: new Date(),
  });
  return inserted.identifiers[0].id as number;
}

/** The record of a key already claimed in this scope (it exists: its claim was refused as a duplicate). */
export function idempotencyRecordOf(em: EntityManager, scope: string, idemKey: string): Promise<IdempotencyRecord> {
  return em.getRepository(IdempotencyRecord).findOneByOrFail({ scope, idemKey });
}

/** Stores the answer a replay will get. */
export async function storeIdempotentAnswer(em: EntityManager, id: number, status: number, responseBody: string | null): Promise<void> {
  await em.update(IdempotencyRecord, { id }, { status, responseBody });
}

/** Gives up a claim (a server error is not stored, so a retry may run). */
export async function releaseIdempotencyKey(em: EntityManager, id: number): Promise<void> {
  await em.delete(IdempotencyRecord, { id });
}
