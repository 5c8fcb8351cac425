import type { ErrorRequestHandler, Response } from 'express';
import { DomainError, FieldProblem } from '../../domain/errors';
import { echoValue } from '../requests/text';
import { httpStatusOf } from './error-status';
import { parserProblem } from './parser-errors';
import { isTransientDbError } from './db-errors';

export const PROBLEM_TYPE = 'application/problem+json';

/** A problem echoes at most a short prefix of a bad value, and field names and messages of bounded length. */
function bounded(errors: FieldProblem[]): FieldProblem[] {
  const cap = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);
  return errors.map((e) => {
    const out: FieldProblem = { ...e, field: cap(e.field, 120), message: cap(e.message, 300), message_ko: cap(e.message_ko, 300) };
    if ('value' in e) {
      const value = echoValue(e.value);
      if (value === undefined) delete out.value;
      else out.value = value;
    }
    return out;
  });
}

/** The problem+json text of a refusal (what sendProblem sends, and what an Idempotency-Key stores). */
export function problemBody(err: DomainError, instance?: string): string {
  return JSON.stringify({
    type: `urn:ledger:problem:${err.code}`,
    title: err.title,
    title_ko: err.titleKo,
    status: httpStatusOf(err),
    code: err.code,
    instance: instance && instance.length > 200 ? `${instance.slice(0, 200)}…` : instance,
    errors: bounded(err.errors),
    ...(err.figures ? { figures: err.figures } : {}),
  });
}

export function sendProblem(res: Response, err: DomainError, instance?: string): void {
  res.status(httpStatusOf(err)).type(PROBLEM_TYPE).send(problemBody(err, instance));
}

/**
 * The last middleware. Known errors become problem+json with the status they carry; the parsers'
 * errors (body-parser, multer, a bad URL) become 400/413/415 (`parserProblem`); a database that is
 * unreachable, not ready or still in conflict after the retries is a 503 with Retry-After
 * (`isTransientDbError`); anything else is a 500 that names no internals.
 */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof DomainError) return sendProblem(res, err, req.originalUrl);
  const refused = parserProblem(err);
  if (refused) return sendProblem(res, refused, req.originalUrl);
  if (isTransientDbError(err)) {
    console.error('database unavailable or busy', (err as { code?: unknown }).code ?? err);
    return void res
      .status(503)
      .set('Retry-After', '1')
      .type(PROBLEM_TYPE)
      .send(
        JSON.stringify({
          type: 'urn:ledger:problem:unavailable',
          title: 'The database is busy or unavailable; retry (with the same Idempotency-Key)',
          title_ko: '데이터베이스가 잠시 응답하지 않습니다. 같은 Idempotency-Key로 다시 시도하십시오',
          status: 503,
          code: 'database_unavailable',
        }),
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
