import type { NextFunction, Request, Response } from 'express';
import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../domain/errors';
import { inTransaction } from '../db/transaction';
import { claimIdempotencyKey, idempotencyRecordOf, releaseIdempotencyKey, storeIdempotentAnswer } from '../store/idempotency/records';
import { isUniqueViolation } from './db-errors';
import { sendProblem } from './problem';
import { contextOf } from './route';

/**
 * Honours the Idempotency-Key header on a POST: the first request's answer is stored and a replay
 * (same user, path, key and body) gets that answer again without running the action twice. A
 * replay that arrives while the first request still runs is told to retry (409); the same key with
 * a different body is refused (422). Server errors are not stored, so a retry after one may run.
 */
export function idempotency(ds: DataSource) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const key = req.header('Idempotency-Key');
    if (!key) return next();
    try {
      if (key.length > 200) {
        throw new DomainError(
          'malformed',
          'idempotency_key_too_long',
          'Idempotency-Key is longer than 200 characters',
          'Idempotency-Key가 200자를 넘습니다',
          [{ field: 'Idempotency-Key', rule: 'maxLength', message: 'at most 200 characters', message_ko: '200자 이하' }],
        );
      }
      const ctx = contextOf(req);
      const scope = `${ctx.actor.id ?? 'system'}:${req.method}:${req.baseUrl}${req.path}`;
      const requestHash = crypto
        .createHash('sha256')
        .update(JSON.stringify(req.body ?? null))
        .update((req as Request & { file?: { buffer: Buffer } }).file?.buffer ?? Buffer.alloc(0))
        .digest('hex');
      let recordId: number;
      try {
        recordId = await inTransaction(ds, (em) => claimIdempotencyKey(em, { scope, idemKey: key, requestHash }));
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        const existing = await idempotencyRecordOf(ds.manager, scope, key);
        if (existing.requestHash !== requestHash) {
          throw new DomainError(
            'invalid',
            'idempotency_key_reused',
            'This Idempotency-Key was used with a different request',
            '이 Idempotency-Key는 다른 요청에 이미 사용되었습니다',
            [
              {
                field: 'Idempotency-Key',
                rule: 'sameRequest',
                message: 'key reused with a different body',
                message_ko: '다른 내용의 요청에 같은 키를 사용했습니다',
              },
            ],
          );
        }
        if (existing.status === null) {
          throw new DomainError(
            'conflict',
            'idempotent_request_in_progress',
            'A request with this Idempotency-Key is still running',
            '같은 Idempotency-Key의 요청이 처리 중입니다',
          );
        }
        res.setHeader('Idempotent-Replayed', 'true');
        res
          .status(existing.status)
          .type(existing.status >= 400 ? 'application/problem+json' : 'application/json')
          .send(existing.responseBody ?? '');
        return;
      }

      // The answer is stored before it is sent, so a client that replays at once gets it back.
      const originalSend = res.send.bind(res);
      res.send = ((body?: unknown) => {
        const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : null;
        const status = res.statusCode;
        const store = inTransaction(ds, (em) =>
          status < 500 ? storeIdempotentAnswer(em, recordId, status, text) : releaseIdempotencyKey(em, recordId),
        );
        store.catch((err: unknown) => console.error('idempotency record not stored', err)).finally(() => originalSend(body as never));
        return res;
      }) as Response['send'];
      next();
    } catch (err) {
      if (err instanceof DomainError) return sendProblem(res, err, req.originalUrl);
      next(err);
    }
  };
}
