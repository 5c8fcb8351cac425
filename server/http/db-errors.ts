/** Driver-neutral recognition of a unique-key violation (SQLite and MySQL/MariaDB). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'ER_DUP_ENTRY';
}

/** codes of a database that cannot be reached or has left the cluster's primary component for a moment */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_UNKNOWN_COM_ERROR', // 1047: "WSREP has not yet prepared node for application use"
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK', // a conflict still there after the last retry (server/db/retry.ts)
]);

/**
 * A failure worth trying again in a moment, on this app process or another (answered 503 with
 * Retry-After): the database unreachable or not ready, or a conflict that outlasted the retries. The
 * request's work did not commit — except when the connection was lost during COMMIT, when no one
 * can know: a client sends its Idempotency-Key again, and the key's record, written in the same
 * transaction as the work, answers with the committed result or runs the work once.
 */
export function isTransientDbError(err: unknown): boolean {
  for (let e = err as { code?: unknown; errno?: unknown; driverError?: unknown } | undefined, depth = 0; e && depth < 3; depth++) {
    if (typeof e.code === 'string' && UNAVAILABLE.has(e.code)) return true;
    if (e.errno === 1047 || e.errno === 1213 || e.errno === 1205) return true;
    e = e.driverError as typeof e;
  }
  return false;
}
