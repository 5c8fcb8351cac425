import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { RequestContext } from '../context';
import { verifyBearerToken, type TokenVerdict } from '../auth/tokens';
import { DomainError } from '../../domain/errors';
import { sendProblem } from './problem';
import { requestIdsOf } from './request-id';

export type ContextRequest = Request & { ctx?: RequestContext };

/**
 * The JSON API takes a bearer token. A browser session (web pages) may already have put an actor
 * on the request; then the session decides.
 */
export function bearerAuth(ds: DataSource) {
  return async (req: ContextRequest, res: Response, next: NextFunction) => {
    if (req.ctx) return next();
    const header = req.header('Authorization');
    if (!header) {
      return sendProblem(
        res,
        new DomainError('unauthenticated', 'unauthenticated', 'A bearer token is required', '인증 토큰이 필요합니다'),
        req.originalUrl,
      );
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    let verdict: TokenVerdict | null;
    try {
      verdict = match ? await verifyBearerToken(ds, match[1]) : null;
    } catch (err) {
      // the database could not be asked (a node down, say): that is not a bad token (503, not 401)
      return next(err);
    }
    if (!verdict?.actor) {
      return sendProblem(
        res,
        verdict?.refusal ??
          new DomainError('unauthenticated', 'invalid_token', 'The bearer token is not valid', '인증 토큰이 올바르지 않습니다'),
        req.originalUrl,
      );
    }
    req.ctx = { actor: verdict.actor, ...requestIdsOf(req) };
    next();
  };
}
