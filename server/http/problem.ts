import type { ErrorRequestHandler, Response } from 'express';
import { DomainError } from '../../domain/errors';
import { httpStatusOf } from './error-status';

export const PROBLEM_TYPE = 'application/problem+json';

/** The problem+json text of a refusal (what sendProblem sends, and what an Idempotency-Key stores). */
export function problemBody(err: DomainError, instance?: string): string {
  return JSON.stringify({
    type: `urn:ledger:problem:${err.code}`,
    title: err.title,
    title_ko: err.titleKo,
    status: httpStatusOf(err),
    code: err.code,
    instance,
    errors: err.errors,
    ...(err.figures ? { figures: err.figures } : {}),
  });
}

export function sendProblem(res: Response, err: DomainError, instance?: string): void {
  res.status(httpStatusOf(err)).type(PROBLEM_TYPE).send(problemBody(err, instance));
}

/**
 * The last middleware. Known errors become problem+json with the status they carry; body-parser
 * errors become 400/413/415; anything else is a 500 that names no internals.
 */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof DomainError) return sendProblem(res, err, req.originalUrl);
  const type = (err as { type?: string }).type;
  if (type === 'entity.parse.failed') {
    return sendProblem(
      res,
      new DomainError('malformed', 'malformed_json', 'The body is not valid JSON', '요청 본문이 올바른 JSON이 아닙니다', [
        { field: 'body', rule: 'json', message: 'malformed JSON', message_ko: 'JSON 형식 오류' },
      ]),
      req.originalUrl,
    );
  }
  if (type === 'entity.too.large') {
    return sendProblem(
      res,
      new DomainError('malformed', 'body_too_large', 'The body is too large', '요청 본문이 너무 큽니다', [
        { field: 'body', rule: 'maxSize', message: 'body too large', message_ko: '요청 본문이 너무 큽니다' },
      ]),
      req.originalUrl,
    );
  }
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return sendProblem(
      res,
      new DomainError('unsupported', 'unsupported_encoding', 'Unsupported encoding', '지원하지 않는 인코딩입니다'),
      req.originalUrl,
    );
  }
  if ((err as { code?: string }).code === 'LIMIT_FILE_SIZE') {
    return sendProblem(
      res,
      new DomainError('malformed', 'file_too_large', 'The file is too large', '파일이 너무 큽니다', [
        { field: 'file', rule: 'maxSize', message: 'file too large', message_ko: '파일이 너무 큽니다' },
      ]),
      req.originalUrl,
    );
  }
  console.error('unhandled error', err);
  res
    .status(500)
    .type(PROBLEM_TYPE)
    .send(
      JSON.stringify({
        type: 'urn:ledger:problem:internal',
        title: 'Internal error',
        title_ko: '내부 오류가 발생했습니다',
        status: 500,
        code: 'internal',
      }),
    );
};
