import type { DataSource } from 'typeorm';
import { conflict, notFound } from '../../../domain/errors';
import { prefixOf, tokenExpiry, tokenText } from '../../../domain/api-tokens';
import { RequestContext } from '../../context';
import { inTransaction } from '../../db/transaction';
import { newToken, sha256 } from '../../auth/passwords';
import { revokeRemembered } from '../../auth/revocation';
import { audit } from '../../store/audit';
import { insertApiToken, lockApiToken, setTokenRevoked } from '../../store/users/api-tokens';
import { activeUserById, userById } from '../../store/users/users';
import { apiTokenView, type ApiTokenView } from '../../queries/admin/api-tokens';
import type { IssueApiTokenRequest } from './requests';

/** A token just issued: its list entry and, this once, the token itself. */
export interface IssuedApiToken extends ApiTokenView {
  /** the bearer token; only its SHA-256 is kept, so it cannot be shown again */
  token: string;
}

/**
 * An administrator issues an integration token for an active user: a random 32-byte secret behind
 * the mark `lgr_`, kept as its SHA-256 with its first characters (prefix) to tell it apart, valid
 * through the expiry date. The audit record names the token, its user and expiry — never the secret.
 */
export async function issueApiToken(ds: DataSource, ctx: RequestContext, input: IssueApiTokenRequest): Promise<IssuedApiToken> {
  const now = new Date();
  const expiresAt = tokenExpiry(input.expiresOn, now);
  const token = tokenText(newToken());
  return inTransaction(ds, async (em) => {
    const user = await activeUserById(em, input.userId);
    if (!user) throw notFound(`Active user ${input.userId}`, `사용자 ${input.userId}`, 'userId');
    const row = {
      userId: user.id,
      tokenHash: sha256(token),
      label: input.name.trim(),
      prefix: prefixOf(token),
      expiresAt,
      createdById: ctx.actor.id,
    };
    const id = await insertApiToken(em, row);
    const view = apiTokenView({ ...row, id, createdAt: now, revokedAt: null, lastUsedAt: null }, user.username);
    await audit(em, ctx, {
      action: 'api_token.issue',
      entity: 'api_token',
      entityId: id,
      after: { userId: user.id, username: user.username, name: view.name, prefix: view.prefix, expiresAt },
    });
    return { ...view, token };
  });
}

/** An administrator revokes a token: from the next request on it opens nothing (401 token_revoked). */
export async function revokeApiToken(ds: DataSource, ctx: RequestContext, id: number): Promise<ApiTokenView> {
  return inTransaction(ds, async (em) => {
    const token = await lockApiToken(em, id);
    if (!token) throw notFound(`API token ${id}`, `API 토큰 ${id}`, 'id');
    if (token.revokedAt) throw conflict('token_already_revoked', `API token ${id} is already revoked`, '이미 폐기된 토큰입니다', 'id');
    const at = new Date();
    await setTokenRevoked(em, id, at);
    // every process forgets its remembered tokens: this one now, the others at their next look at the epoch
    await revokeRemembered(em);
    await audit(em, ctx, {
      action: 'api_token.revoke',
      entity: 'api_token',
      entityId: id,
      before: { userId: token.userId, name: token.label, prefix: token.prefix, revokedAt: null },
      after: { userId: token.userId, name: token.label, prefix: token.prefix, revokedAt: at },
    });
    return apiTokenView({ ...token, revokedAt: at }, (await userById(em, token.userId)).username);
  });
}
