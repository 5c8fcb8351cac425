import { DomainError, ErrorKind } from '../../domain/errors';
import { echoValue } from '../requests/text';

const problem = (kind: ErrorKind, code: string, field: string, rule: string, message: string, messageKo: string) =>
  new DomainError(kind, code, message, messageKo, [{ field, rule, message, message_ko: messageKo }]);

/** multer's refusals (MulterError codes): each the client's, never ours. */
const MULTER: Record<string, (field: string) => DomainError> = {
  LIMIT_FILE_SIZE: (f) => problem('too_large', 'file_too_large', f, 'maxSize', 'The file is too large', '파일이 너무 큽니다'),
  LIMIT_FILE_COUNT: (f) => problem('malformed', 'too_many_files', f, 'oneFile', 'Send exactly one file', '파일은 하나만 보낼 수 있습니다'),
  LIMIT_UNEXPECTED_FILE: (f) =>
    problem(
      'malformed',
      'unexpected_file_field',
      f,
      'fileField',
      `A file may only come in the field "file", once (got "${f}")`,
      `파일은 "file" 필드로 한 번만 보낼 수 있습니다 (받은 필드: "${f}")`,
    ),
  LIMIT_PART_COUNT: (f) =>
    problem('too_large', 'too_many_parts', f, 'maxParts', 'The form has too many parts', '양식의 항목이 너무 많습니다'),
  LIMIT_FIELD_COUNT: (f) =>
    problem('too_large', 'too_many_fields', f, 'maxFields', 'The form has too many fields', '양식의 필드가 너무 많습니다'),
  LIMIT_FIELD_KEY: (f) =>
    problem('too_large', 'field_name_too_long', f, 'maxFieldName', 'A field name is too long', '필드 이름이 너무 깁니다'),
  LIMIT_FIELD_VALUE: (f) => problem('too_large', 'field_too_large', f, 'maxFieldSize', 'A field is too large', '필드 값이 너무 큽니다'),
};

/** body-parser's refusals (`err.type`). */
const BODY_PARSER: Record<string, () => DomainError> = {
  'entity.parse.failed': () =>
    problem('malformed', 'malformed_json', 'body', 'json', 'The body is not valid JSON', '요청 본문이 올바른 JSON이 아닙니다'),
  'entity.too.large': () => problem('too_large', 'body_too_large', 'body', 'maxSize', 'The body is too large', '요청 본문이 너무 큽니다'),
  'parameters.too.many': () =>
    problem('too_large', 'too_many_parameters', 'body', 'maxParameters', 'The form has too many fields', '양식의 필드가 너무 많습니다'),
  'charset.unsupported': () =>
    problem('unsupported', 'unsupported_encoding', 'Content-Type', 'charset', 'Unsupported charset', '지원하지 않는 문자 인코딩입니다'),
  'encoding.unsupported': () =>
    problem('unsupported', 'unsupported_encoding', 'Content-Encoding', 'encoding', 'Unsupported encoding', '지원하지 않는 인코딩입니다'),
  'request.aborted': () =>
    problem('malformed', 'request_aborted', 'body', 'complete', 'The body was not sent whole', '요청 본문이 끝까지 오지 않았습니다'),
  'request.size.invalid': () =>
    problem(
      'malformed',
      'body_length_mismatch',
      'body',
      'contentLength',
      'The body does not match its Content-Length',
      '요청 본문 길이가 맞지 않습니다',
    ),
};

const BY_STATUS: Record<number, ErrorKind> = { 413: 'too_large', 415: 'unsupported' };

/**
 * An error a parser raised about the request itself (JSON and form bodies, multipart uploads, a
 * malformed URL) as the refusal it is; null for anything else (a bug: the 500 stays a 500).
 */
export function parserProblem(err: unknown): DomainError | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { name?: string; code?: string; field?: string; type?: string; status?: number; expose?: boolean };
  if (e.name === 'MulterError' && e.code) {
    const field = typeof e.field === 'string' ? String(echoValue(e.field, 60)) : 'file';
    return (
      MULTER[e.code]?.(field) ??
      problem(
        'malformed',
        'malformed_multipart',
        field,
        'multipart',
        'The multipart form is malformed',
        '멀티파트 양식이 올바르지 않습니다',
      )
    );
  }
  if (e.type && BODY_PARSER[e.type]) return BODY_PARSER[e.type]();
  // http-errors a parser or the router raised for the client (a bad %-escape in the path: URIError with status 400 …)
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose !== false) {
    return problem(
      BY_STATUS[e.status] ?? 'malformed',
      'bad_request',
      'request',
      'wellFormed',
      'The request is malformed',
      '요청 형식이 올바르지 않습니다',
    );
  }
  return null;
}

/** Any other error while reading a multipart body (busboy: a malformed part, no boundary, an early end) is the client's. */
export function multipartProblem(err: unknown): DomainError {
  return (
    parserProblem(err) ??
    problem('malformed', 'malformed_multipart', 'body', 'multipart', 'The multipart form is malformed', '멀티파트 양식이 올바르지 않습니다')
  );
}
