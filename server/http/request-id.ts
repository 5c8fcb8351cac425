import type { NextFunction, Request, Response } from 'express';
import crypto from 'node:crypto';

/** The id of a request and the client's correlation id, as every adapter reads them. */
export interface RequestIds {
  /** generated here, for each request: what audit records and logs name */
  requestId: string;
  /** the client's X-Request-Id (or X-Correlation-Id), sanitised and bounded; null when absent or empty */
  correlationId: string | null;
}

const IDS = Symbol('request ids');
const MAX_CORRELATION_ID = 64;

/** A client's id as a correlation field: printable ASCII of a safe set only, at most 64 characters; null when nothing is left. */
export function sanitiseCorrelationId(raw: string | undefined): string | null {
  if (!raw) return null;
  const kept = raw.replace(/[^A-Za-z0-9._~:@+=/-]/g, '').slice(0, MAX_CORRELATION_ID);
  return kept === '' ? null : kept;
}

/**
 * The first middleware: every request gets a server-generated id (answered as X-Request-Id); an id
 * the client sent is never used as the request's id, only kept, sanitised, as its correlation id
 * (answered as X-Correlation-Id and written beside the audit records).
 */
export function requestIds(req: Request, res: Response, next: NextFunction): void {
  const ids: RequestIds = {
    requestId: crypto.randomUUID(),
    correlationId: sanitiseCorrelationId(req.header('X-Correlation-Id') ?? req.header('X-Request-Id')),
  };
  (req as Request & { [IDS]?: RequestIds })[IDS] = ids;
  res.setHeader('X-Request-Id', ids.requestId);
  if (ids.correlationId) res.setHeader('X-Correlation-Id', ids.correlationId);
  next();
}

/** The ids `requestIds` gave this request (fresh ones if it did not run, e.g. in a test mounting a router alone). */
export function requestIdsOf(req: Request): RequestIds {
  const holder = req as Request & { [IDS]?: RequestIds };
  return (holder[IDS] ??= { requestId: crypto.randomUUID(), correlationId: null });
}
