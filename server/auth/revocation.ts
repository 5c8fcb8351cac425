import type { DataSource, EntityManager } from 'typeorm';
import { authEpoch, bumpAuthEpoch } from '../store/auth-state/auth-state';
import { actorCacheOf } from './actor-cache';

/**
 * Revocation seen by every app process. A process remembers who a credential belongs to for a
 * moment (actor-cache.ts, AUTH_CACHE_MS). A change that must end that at once — a role change, a
 * deactivation, a password reset, a token revoked — calls `revokeRemembered(em)` in its own
 * transaction: it moves the database's revocation epoch (auth_epoch row 1) on with the change, and
 * this process forgets what it remembers. Every process reads the epoch before answering from its
 * cache, at most once per AUTH_EPOCH_POLL_MS (250 ms by default), and forgets everything it
 * remembers when the epoch has moved: another process sees a revocation within that window (and in
 * any case within AUTH_CACHE_MS, when its entry runs out).
 *
 * For any kind of credential: call `freshRemembered(ds)` before answering from a cache of
 * credentials (tokens.ts does for the API tokens), and `revokeRemembered(em)` in the transaction
 * that revokes one.
 */
const POLL_MS = Math.max(0, Number(process.env.AUTH_EPOCH_POLL_MS ?? 250));

interface Seen {
  epoch: number | null;
  checkedAt: number;
  checking: Promise<void> | null;
}

const seen = new WeakMap<DataSource, Seen>();
const forgetters = new Set<(ds: DataSource) => void>([(ds) => actorCacheOf(ds).clear()]);

/** Another cache of credentials to empty when the epoch moves (API tokens of another kind, say). */
export function onRevocation(forget: (ds: DataSource) => void): void {
  forgetters.add(forget);
}

function forgetAll(ds: DataSource): void {
  for (const forget of forgetters) forget(ds);
}

/** Moves the revocation epoch on in the caller's transaction, and forgets this process's remembered sign-ins. */
export async function revokeRemembered(em: EntityManager): Promise<void> {
  forgetAll(em.connection);
  await bumpAuthEpoch(em);
}

/** Forgets this process's remembered sign-ins when another process revoked since the last look (at most one look per window). */
export function freshRemembered(ds: DataSource, now = Date.now()): Promise<void> {
  let s = seen.get(ds);
  if (!s) seen.set(ds, (s = { epoch: null, checkedAt: -Infinity, checking: null }));
  if (s.checking) return s.checking;
  if (now - s.checkedAt < POLL_MS) return Promise.resolve();
  const state = s;
  state.checking = authEpoch(ds.manager)
    .then((epoch) => {
      if (state.epoch !== null && epoch !== state.epoch) forgetAll(ds);
      state.epoch = epoch;
      state.checkedAt = now;
    })
    .finally(() => {
      state.checking = null;
    });
  return state.checking;
}
