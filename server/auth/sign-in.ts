import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { User } from '../../entities/user';
import { isPossibleUsername, loginName } from '../../domain/login-throttle';
import { audit } from '../store/audit';
import { activeUserByName } from '../store/users/users';
import { addressKey, loginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { createSession } from './web-sessions';

let dummyHash: Promise<string> | null = null;

export type SignInResult =
  | { ok: true; user: User; token: string }
  /** no active user of that name with that password */
  | { ok: false; reason: 'invalid' }
  /** too many failures for the name, the address or the whole service: no password was tried */
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * A login of the web pages. The name is normalised once (domain/login-throttle.ts loginName) and that
 * one form is both what the failure budgets count and what is looked up, so no spelling of a name
 * escapes its budget. An attempt within the budgets tries the password: the active user of this
 * name whose password matches gets a new browser session (and the login is audited). The same
 * scrypt work is done whether or not the user exists, so the answer's timing does not tell.
 * `ip` is the client's address as the HTTP layer trusts it (TRUST_PROXY).
 */
export async function signIn(
  ds: DataSource,
  input: { username: unknown; password: string; ip: string | undefined },
): Promise<SignInResult> {
  const name = loginName(input.username);
  const attempt = await loginThrottle(ds).attempt(name, addressKey(input.ip));
  if (!attempt.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
  let found: User | null, ok: boolean;
  try {
    found = isPossibleUsername(name) ? await activeUserByName(ds.manager, name) : null;
    ok = found
      ? await verifyPassword(input.password, found.passwordHash)
      : await verifyPassword(input.password, await (dummyHash ??= hashPassword('no-such-user')));
  } catch (e) {
    // a failure of ours (the database), not a wrong password: it does not count against anyone
    await attempt.withdraw();
    throw e;
  }
  if (!found || !ok) return { ok: false, reason: 'invalid' };
  // a right password does not count as a failure (and what follows is no guess)
  await attempt.withdraw();
  const { token } = await createSession(ds, found.id);
  await audit(
    ds.manager,
    { actor: { id: found.id, name: found.username, role: found.role, orgUnitId: found.orgUnitId }, requestId: crypto.randomUUID() },
    { action: 'web.login', entity: 'user', entityId: found.id },
  );
  return { ok: true, user: found, token };
}
