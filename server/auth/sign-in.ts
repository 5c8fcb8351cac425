import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { User } from '../../entities/user';
import { audit } from '../store/audit';
import { activeUserByName } from '../store/users/users';
import { hashPassword, verifyPassword } from './passwords';
import { createSession } from './web-sessions';

let dummyHash: Promise<string> | null = null;

/**
 * A login of the web pages: the active user of this name whose password matches gets a new browser
 * session (and the login is audited); null otherwise. The same scrypt work is done whether or not
 * the user exists, so the answer's timing does not tell.
 */
export async function signIn(ds: DataSource, username: string, password: string): Promise<{ user: User; token: string } | null> {
  const found = username ? await activeUserByName(ds.manager, username) : null;
  const ok = found
    ? await verifyPassword(password, found.passwordHash)
    : await verifyPassword(password, await (dummyHash ??= hashPassword('no-such-user')));
  if (!found || !ok) return null;
  const { token } = await createSession(ds, found.id);
  await audit(
    ds.manager,
    { actor: { id: found.id, name: found.username, role: found.role, orgUnitId: found.orgUnitId }, requestId: crypto.randomUUID() },
    { action: 'web.login', entity: 'user', entityId: found.id },
  );
  return { user: found, token };
}
