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
  /** look-ups under way: requests that miss at the same moment (every client once an entry expires) share one */
  private readonly loading = new Map<string, Promise<Actor | null>>();
  /** moves on at every clear(): a look-up that began before a change to a user may not remember what it read */
  private generation = 0;

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

  /**
   * The remembered actor, or `load`'s answer, remembered unless it refused the token or a user
   * changed while it ran. Requests that miss together wait for one load. With the cache off every
   * request loads on its own.
   */
  resolve(tokenHash: string, load: () => Promise<Actor | null>): Promise<Actor | null> {
    const hit = this.get(tokenHash);
    if (hit) return Promise.resolve(hit);
    if (this.lifetimeMs <= 0) return load();
    const under = this.loading.get(tokenHash);
    if (under) return under;
    const generation = this.generation;
    const loading = load()
      .then((actor) => {
        if (actor && generation === this.generation) this.remember(tokenHash, actor);
        return actor;
      })
      .finally(() => {
        if (this.loading.get(tokenHash) === loading) this.loading.delete(tokenHash);
      });
    this.loading.set(tokenHash, loading);
    return loading;
  }

  clear(): void {
    this.entries.clear();
    this.loading.clear();
    this.generation++;
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
