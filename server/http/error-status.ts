import type { DomainError, ErrorKind } from '../../domain/errors';

/** The one mapping from a refusal's kind to its HTTP status, for the API and the web pages alike. */
const STATUS_OF_KIND: Record<ErrorKind, number> = {
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  invalid: 422,
  rate_limited: 429,
};

export function httpStatusOf(err: DomainError): number {
  return STATUS_OF_KIND[err.kind];
}
