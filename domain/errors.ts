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

export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 415 | 422 | 429,
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
  new DomainError(404, 'not_found', `${what} not found`, `${whatKo}을(를) 찾을 수 없습니다`, [
    { field, rule: 'exists', message: `${what} not found`, message_ko: `${whatKo}을(를) 찾을 수 없습니다` },
  ]);

export const forbidden = (message = 'Your role may not do this', messageKo = '이 작업을 할 권한이 없습니다') =>
  new DomainError(403, 'forbidden', message, messageKo);

export const conflict = (code: string, message: string, messageKo: string, field: string, figures?: Record<string, unknown>) =>
  new DomainError(409, code, message, messageKo, [{ field, rule: code, message, message_ko: messageKo }], figures);

export const invalid = (field: string, rule: string, message: string, messageKo: string, status: 400 | 422 = 422) =>
  new DomainError(status, rule, message, messageKo, [{ field, rule, message, message_ko: messageKo }]);
