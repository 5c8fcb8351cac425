import type { DataSource } from 'typeorm';
import type { User } from '../../entities/user';
import type { DomainError } from '../../domain/errors';
import { LAST_USE_INTERVAL_MS, lastUseDue, tokenRefusal } from '../../domain/api-tokens';
import type { Actor } from '../context';
import { inTransaction } from '../db/transaction';
import { stampLastUse, tokenWithUser } from '../store/users/api-tokens';
import { actorCacheOf } from './actor-cache';
import { sha256 } from './passwords';
import { freshRemembered } from './revocation';

/** The actor every use case sees for a user. */
export function actorOf(user: User): Actor {
  return { id: user.id, name: user.username, role: user.role, orgUnitId: user.orgUnitId };
}

/** A bearer token's verdict: the actor it opens the API as, or why it opens nothing (401). */
export type TokenVerdict = { actor: Actor; refusal?: undefined } | { actor?: undefined; refusal: DomainError };

/**
 * The one verification of a bearer token (demo accounts' and integration tokens alike): the token's
 * hash names a row; the row must be unrevoked and unexpired and its user active. A valid token's
 * actor is remembered for a moment (actor-cache.ts; a revocation clears it in this process, another
 * process sees it within AUTH_CACHE_MS, and an expiry is seen within as long). A refused token is
 * read again to say why (revoked, expired, unknown): refusals are never remembered. A use is written
 * down (last_used_at) at most once a minute per token and process.
 */
export async function verifyBearerToken(ds: DataSource, token: string, now = new Date()): Promise<TokenVerdict> {
  const tokenHash = sha256(token);
  // a revocation by another process empties this process's cache first (revocation.ts)
  await freshRemembered(ds);
  const actor = await actorCacheOf(ds).resolve(tokenHash, async () => {
    const found = await tokenWithUser(ds.manager, tokenHash);
    return found && !tokenRefusal({ ...found.token, userActive: found.user.active }, now) ? actorOf(found.user) : null;
  });
  if (!actor) {
    const found = await tokenWithUser(ds.manager, tokenHash);
    const refusal = tokenRefusal(found && { ...found.token, userActive: found.user.active }, now);
    if (refusal) return { refusal };
    // valid by now (issued a moment ago): the next request remembers it
    await noteUse(ds, tokenHash, now);
    return { actor: actorOf(found!.user) };
  }
  await noteUse(ds, tokenHash, now);
  return { actor };
}

/** Who a bearer token belongs to, or null for a token that opens nothing (verifyBearerToken without the reason). */
export async function actorForToken(ds: DataSource, token: string): Promise<Actor | null> {
  return (await verifyBearerToken(ds, token)).actor ?? null;
}

// per database (the tests open several): token hash → when this process last wrote its use
const usesWritten = new WeakMap<DataSource, Map<string, number>>();
const MAX_REMEMBERED_USES = 10_000;

async function noteUse(ds: DataSource, tokenHash: string, now: Date): Promise<void> {
  let written = usesWritten.get(ds);
  if (!written) usesWritten.set(ds, (written = new Map()));
  if (!lastUseDue(written.get(tokenHash), now)) return;
  if (written.size >= MAX_REMEMBERED_USES) written.delete(written.keys().next().value!);
  written.set(tokenHash, now.getTime());
  // a usage stamp, not a change of the ledger: no audit record; a failure to write it refuses nothing
  await inTransaction(ds, (em) => stampLastUse(em, tokenHash, now, new Date(now.getTime() - LAST_USE_INTERVAL_MS))).catch(() => {
    written.delete(tokenHash);
  });
}
