import type { Actor } from '../context';

/**
 * Who a bearer token belongs to, remembered for a moment. Every API call names its token, and
 * looking it up is a round trip to the database of its own (on MariaDB the costliest statement of a
 * grant payment after the lock). An entry lives AUTH_CACHE_MS (2 s by default; 0 turns the cache
 * off); a change to a user clears the cache at once in this process, so a role change, a
 * deactivation or a password reset is seen by the next request here and within those 2 s by any
 * other server process. Unknown tokens are never remembered: a guess always reaches the database.
 */

const LIFETIME_MS = Math.max(0, Number(process.env.AUTH_CACHE_MS ?? 2000));
/** enough for every officer of a city at once; the oldest entry goes first */
const MAX_ENTRIES = 5000;

const entries = new Map<string, { actor: Actor; until: number }>();

export function cachedActor(tokenHash: string, now = Date.now()): Actor | null {
  const hit = entries.get(tokenHash);
  if (!hit) return null;
  if (hit.until > now) return hit.actor;
  entries.delete(tokenHash);
  return null;
}

export function rememberActor(tokenHash: string, actor: Actor, now = Date.now()): void {
  if (LIFETIME_MS === 0) return;
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(tokenHash, { actor, until: now + LIFETIME_MS });
}

/** After any change to users or their tokens. */
export function forgetActors(): void {
  entries.clear();
}
