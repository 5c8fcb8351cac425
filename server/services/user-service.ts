import { DataSource, IsNull } from 'typeorm';
import { ApiToken, Role, User } from '../../entities/user';
import { Actor } from '../context';
import { hashPassword, newToken, sha256 } from '../auth/passwords';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  orgUnitId?: number | null;
  password: string;
}

export async function createUser(ds: DataSource, input: NewUser): Promise<User> {
  const user = ds.getRepository(User).create({
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    orgUnitId: input.orgUnitId ?? null,
    passwordHash: await hashPassword(input.password),
    active: true,
    createdAt: new Date(),
  });
  return ds.getRepository(User).save(user);
}

/** Issues a bearer token; the plain token is returned once and only its hash is kept. */
export async function issueToken(ds: DataSource, userId: number, label: string, token = newToken()): Promise<string> {
  await ds.getRepository(ApiToken).insert({ userId, tokenHash: sha256(token), label, createdAt: new Date(), revokedAt: null });
  return token;
}

export function actorOf(user: User): Actor {
  return { id: user.id, name: user.username, role: user.role, orgUnitId: user.orgUnitId };
}

export async function actorForToken(ds: DataSource, token: string): Promise<Actor | null> {
  const row = await ds.getRepository(ApiToken).findOneBy({ tokenHash: sha256(token), revokedAt: IsNull() });
  if (!row) return null;
  const user = await ds.getRepository(User).findOneBy({ id: row.userId, active: true });
  return user ? actorOf(user) : null;
}
