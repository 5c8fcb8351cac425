import { ko } from './korean-particles';

/**
 * Errors the domain raises. Each names the rule it enforces, in English and Korean, so the API, the
 * web pages and the import report can show the same message. The HTTP layer turns them into
 * application/problem+json.
 */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
  message_ko: string;
  /** for spreadsheet imports: sheet and cell reference */
  sheet?: string;
  cell?: string;
  value?: unknown;
}

/**
 * What kind of refusal an error is, in the domain's terms. The HTTP layer alone decides which
 * status each kind becomes (`server/http/error-status.ts`), so no rule here knows about HTTP.
 */
export type ErrorKind =
  /** the input cannot be read at all (wrong type, malformed JSON, a number that is not a number) */
  | 'malformed'
  /** nobody is signed in */
  | 'unauthenticated'
  /** the caller's role or department may not do this */
  | 'forbidden'
  /** what the request names does not exist (or is not visible to the caller) */
  | 'not_found'
  /** the request is well formed but the current state refuses it (a balance, a status, a lock) */
  | 'conflict'
  /** the body or file is over a limit */
  | 'too_large'
  /** the content type or encoding is not one we read */
  | 'unsupported'
  /** the input is readable but breaks a rule of its own fields */
  | 'invalid'
  /** too many attempts */
  | 'rate_limited';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly title: string,
    readonly titleKo: string,
    readonly errors: FieldProblem[] = [],
    /** figures that explain the refusal, e.g. {currentBudget, executed, carriedOut, requested, available} */
    readonly figures?: Record<string, unknown>,
  ) {
    super(title);
  }
}

export const notFound = (what: string, whatKo: string, field = 'id') =>
  new DomainError('not_found', 'not_found', `${what} not found`, ko`${whatKo}을/를 찾을 수 없습니다`, [
    { field, rule: 'exists', message: `${what} not found`, message_ko: ko`${whatKo}을/를 찾을 수 없습니다` },
  ]);

export const forbidden = (message = 'Your role may not do this', messageKo = '이 작업을 할 권한이 없습니다') =>
  new DomainError('forbidden', 'forbidden', message, messageKo);

export const conflict = (code: string, message: string, messageKo: string, field: string, figures?: Record<string, unknown>) =>
  new DomainError('conflict', code, message, messageKo, [{ field, rule: code, message, message_ko: messageKo }], figures);

export const invalid = (field: string, rule: string, message: string, messageKo: string, kind: 'malformed' | 'invalid' = 'invalid') =>
  new DomainError(kind, rule, message, messageKo, [{ field, rule, message, message_ko: messageKo }]);
