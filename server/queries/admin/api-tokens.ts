import type { EntityManager } from 'typeorm';
import type { ApiToken } from '../../../entities/user';
import { allApiTokens } from '../../store/users/api-tokens';
import { allUsers } from '../../store/users/users';

/** A token as the API and the page show it: never its hash, never the secret. */
export interface ApiTokenView {
  id: number;
  name: string;
  /** the token's first characters (integration tokens only) */
  prefix: string | null;
  userId: number;
  username: string | null;
  createdAt: Date;
  createdById: number | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const apiTokenView = (
  t: Pick<ApiToken, 'id' | 'label' | 'prefix' | 'userId' | 'createdAt' | 'createdById' | 'expiresAt' | 'lastUsedAt' | 'revokedAt'>,
  username: string | null,
): ApiTokenView => ({
  id: t.id,
  name: t.label,
  prefix: t.prefix,
  userId: t.userId,
  username,
  createdAt: t.createdAt,
  createdById: t.createdById,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

/** Every token, newest first, with its user's name. */
export async function listApiTokens(em: EntityManager): Promise<ApiTokenView[]> {
  const [tokens, users] = await Promise.all([allApiTokens(em), allUsers(em)]);
  const names = new Map(users.map((u) => [u.id, u.username]));
  return tokens.map((t) => apiTokenView(t, names.get(t.userId) ?? null));
}
