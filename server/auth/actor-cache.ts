import type { DataSource } from 'typeorm';
import type { Actor } from '../context';

/**
 * Who a bearer token belongs to, remembered for a moment. Every API call names its token, and
 * looking it up costs a round trip to the database of its own (on MariaDB as much as a third of a
 * grant payment's statements before the pipelining). An entry lives AUTH_CACHE_MS (2 s by default;
 * 0 turns the cache off). A change to a user clears the cache at once in this process, so a role
 * change, a deactivation or a password reset is seen by the next request here, and within those
 * 2 s by any other server process. Unknown tokens are never remembered: a guess always reaches the
 * database, and a token issued a moment after a refused attempt works at once.
 */
export class ActorCache {
  private readonly entries = new Map<string, { actor: Actor; until: number }>();

  constructor(
    private readonly lifetimeMs: number,
    /** enough for every officer of a city at once; the oldest entry goes first */
    private readonly maxEntries = 5000,
  ) {}

  get(tokenHash: string, now = Date.now()): Actor | null {
    const hit = this.entries.get(tokenHash);
    if (!hit) return null;
    if (hit.until > now) return hit.actor;
    this.entries.delete(tokenHash);
    return null;
  }

  remember(tokenHash: string, actor: Actor, now = Date.now()): void {
    if (this.lifetimeMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { actor: Object.freeze({ ...actor }), until: now + this.lifetimeMs });
  }

  clear(): void {
    this.entries.clear();
  }
}

const LIFETIME_MS = Math.max(0, Number(process.env.AUTH_CACHE_MS ?? 2000));

// one per database: a process that opens several (the tests) must not answer one's token from another
const caches = new WeakMap<DataSource, ActorCache>();

export function actorCacheOf(ds: DataSource): ActorCache {
  let cache = caches.get(ds);
  if (!cache) caches.set(ds, (cache = new ActorCache(LIFETIME_MS)));
  return cache;
}
