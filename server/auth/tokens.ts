import type { DataSource } from 'typeorm';
import type { User } from '../../entities/user';
import type { Actor } from '../context';
import { userOfToken } from '../store/users/api-tokens';
import { actorCacheOf } from './actor-cache';
import { sha256 } from './passwords';
import { freshRemembered } from './revocation';

/** The actor every use case sees for a user. */
export function actorOf(user: User): Actor {
  return { id: user.id, name: user.username, role: user.role, orgUnitId: user.orgUnitId };
}

/** Who a bearer token belongs to (remembered for a moment, see actor-cache.ts); null for a token that opens nothing. */
export async function actorForToken(ds: DataSource, token: string): Promise<Actor | null> {
  const tokenHash = sha256(token);
  // a revocation by another process empties this process's cache first (revocation.ts)
  await freshRemembered(ds);
  return actorCacheOf(ds).resolve(tokenHash, async () => {
    // the live token joined to its active user, in one query
    const user = await userOfToken(ds.manager, tokenHash);
    return user ? actorOf(user) : null;
  });
}
