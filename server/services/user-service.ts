import { DataSource } from 'typeorm';
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
  // One query on every API call: the live token joined to its active user.
  const user = await ds
    .getRepository(User)
    .createQueryBuilder('u')
    .innerJoin(ApiToken, 't', 't.userId = u.id')
    .where('t.tokenHash = :hash AND t.revokedAt IS NULL AND u.active = :active', { hash: sha256(token), active: true })
    .getOne();
  return user ? actorOf(user) : null;
}
