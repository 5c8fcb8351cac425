import type { ErrorRequestHandler, Response } from 'express';
import { DomainError, FieldProblem } from '../../domain/errors';
import { echoValue } from '../requests/text';
import { httpStatusOf } from './error-status';
import { parserProblem } from './parser-errors';

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
 * errors (body-parser, multer, a bad URL) become 400/413/415 (`parserProblem`); anything else is a
 * 500 that names no internals.
 */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof DomainError) return sendProblem(res, err, req.originalUrl);
  const refused = parserProblem(err);
  if (refused) return sendProblem(res, refused, req.originalUrl);
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
