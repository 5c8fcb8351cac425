import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { assertShallow } from '../requests/validation';
import { multipartProblem } from './parser-errors';

/** The largest JSON body of an ordinary write (the largest request class, an inspection with its results, is a few kB). */
export const JSON_LIMIT = '512kb';
/** A bulk import sent as JSON carries as much as a workbook may. */
export const IMPORT_JSON_LIMIT = '20mb';
export const FILE_LIMIT_BYTES = 20 * 1024 * 1024;

/**
 * The API's JSON parsing: bodies over their limit are refused with 413, and a body nested deeper than
 * any request class (MAX_BODY_DEPTH) with 400 before anything reads it — class-transformer and the
 * Idempotency-Key's hash recurse, and would overflow the stack on a body nested 10,000 levels.
 */
export function jsonBodies(): RequestHandler[] {
  const shallow: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
    try {
      if (req.body !== undefined) assertShallow(req.body);
      next();
    } catch (err) {
      next(err);
    }
  };
  return [
    // the first parser that reads a body marks it read; the other one then passes it by
    express.Router().use('/imports', express.json({ limit: IMPORT_JSON_LIMIT, strict: false })),
    express.json({ limit: JSON_LIMIT, strict: false }),
    shallow,
  ];
}

/**
 * The one multipart upload: a single file in `field`, few small text fields. Whatever multer or busboy
 * refuses (another file field, two files, a malformed part, a limit) is the client's error, a 4xx.
 */
export function uploadOf(field: string): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: FILE_LIMIT_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024, fieldNameSize: 100, parts: 25, headerPairs: 50 },
  }).single(field);
  return (req, res, next) => upload(req, res, (err?: unknown) => next(err ? multipartProblem(err) : undefined));
}
