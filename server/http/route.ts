import type { Request, Response, NextFunction, Router } from 'express';
import { pipeline, type Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { Role } from '../../entities/user';
import { RequestContext } from '../context';
import { DomainError, forbidden } from '../../domain/errors';
import { validateInput } from '../requests/validation';
import { answerKeyed } from './idempotency';
import { sendProblem } from './problem';
import { attachmentHeader } from './content-disposition';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiRequest<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  ctx: RequestContext;
  ds: DataSource;
  raw: Request;
}

export type ApiResult =
  | { status?: number; body: unknown }
  | {
      status?: number;
      /**
       * filename may be Korean; asciiFilename is the fallback for clients that do not read filename* (RFC 5987).
       * `inline`: shown as the answer itself (a streamed JSON body), not offered as a download
       */
      file: { contentType: string; filename: string; asciiFilename?: string; data: Buffer | Readable; inline?: boolean };
    };

/**
 * One API action: its path, who may call it, the classes that validate its input (the same classes
 * generate the OpenAPI description, so the two cannot drift) and a thin handler that calls a service.
 */
export interface RouteDef<B extends object = object, Q extends object = object> {
  id: string;
  method: Method;
  path: string;
  summary: string;
  roles: readonly Role[];
  body?: new () => B;
  query?: new () => Q;
  /** 'multipart' for file uploads (the file arrives in raw.file) */
  bodyType?: 'json' | 'multipart';
  /** content types of a successful answer; json by default */
  produces?: string[];
  /** the answer's schema class for OpenAPI, if any */
  response?: new () => object;
  /**
   * The use case carries the request by group commit (server/db/group-commit.ts) in a transaction of
   * the group's own; an Idempotency-Key's answer — this status and the use case's value as the body —
   * is then written by that transaction. Any other route's keyed request runs in one transaction with
   * its key's record (server/http/idempotency.ts).
   */
  groupCommit?: { status: number };
  handler: (req: ApiRequest<B, Q>) => Promise<ApiResult>;
}

export function route<B extends object = object, Q extends object = object>(def: RouteDef<B, Q>): RouteDef {
  return def as unknown as RouteDef;
}

export function contextOf(req: Request): RequestContext {
  const ctx = (req as Request & { ctx?: RequestContext }).ctx;
  if (!ctx) throw new DomainError('unauthenticated', 'unauthenticated', 'Authentication required', '로그인이 필요합니다');
  return ctx;
}

function authorize(roles: readonly Role[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    try {
      const ctx = contextOf(req);
      if (ctx.actor.role !== 'system' && !roles.includes(ctx.actor.role)) throw forbidden();
      next();
    } catch (err) {
      if (err instanceof DomainError) return sendProblem(res, err, req.originalUrl);
      next(err);
    }
  };
}

export function mountRoutes(
  router: Router,
  ds: DataSource,
  routes: RouteDef[],
  middleware: { upload?: (req: Request, res: Response, next: NextFunction) => void } = {},
): void {
  for (const def of routes) {
    const chain = [authorize(def.roles)];
    // the upload is read first so that an Idempotency-Key is checked against the file itself
    if (def.bodyType === 'multipart' && middleware.upload) chain.push(middleware.upload);
    router[def.method](def.path, ...chain, async (req: Request, res: Response, next: NextFunction) => {
      try {
        const run = async (): Promise<ApiResult> => {
          const body = def.body ? await validateInput(def.body, req.body, 'body') : (req.body as object);
          const query = def.query ? await validateInput(def.query, req.query, 'query') : (req.query as object);
          return def.handler({ body, query, params: req.params as Record<string, string>, ctx: contextOf(req), ds, raw: req });
        };
        if (def.method === 'post' && req.header('Idempotency-Key')) await answerKeyed(ds, req, res, def.groupCommit, run, sendResult);
        else sendResult(res, await run());
      } catch (err) {
        next(err);
      }
    });
  }
}

function sendResult(res: Response, result: ApiResult): void {
  res.status(result.status ?? 200);
  if ('file' in result) {
    res.type(result.file.contentType);
    if (!result.file.inline) res.setHeader('Content-Disposition', attachmentHeader(result.file.filename, result.file.asciiFilename));
    if (Buffer.isBuffer(result.file.data)) res.send(result.file.data);
    // a stream that fails after its first byte destroys the response: the client sees a cut connection, never a complete-looking file
    else pipeline(result.file.data, res, () => undefined);
  } else {
    res.json(result.body);
  }
}
