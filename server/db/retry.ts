/**
 * When a MariaDB transaction is run again from the start (inTransaction, server/db/transaction.ts).
 *
 * One server reports a deadlock victim as error 1213 (ER_LOCK_DEADLOCK); a Galera cluster reports a
 * certification conflict the same way — at COMMIT, or at any statement when a write set from another
 * node aborted the transaction ("Deadlock found when trying to get lock; try restarting
 * transaction"). Either way the server has rolled the transaction back whole, so running the whole
 * function again is safe: it re-reads under its locks and re-checks every rule (the ceiling, the
 * running totals, the Idempotency-Key's claim) against what the winner committed.
 *
 * Nothing else is retried: a lost connection (the commit's fate is unknown: the client retries with
 * its Idempotency-Key, which is written in the same transaction as the work), a lock wait timeout
 * (answered 409 by the idempotency layer), a refusal.
 */
export interface RetryPolicy {
  /** tries in all, the first included */
  attempts: number;
  /** the first retry waits a random time up to this; each later one up to twice the one before */
  baseDelayMs: number;
  /** the longest wait before a retry */
  maxDelayMs: number;
}

const positive = (raw: string | undefined, fallback: number): number => {
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** TX_RETRY_ATTEMPTS (10), TX_RETRY_BASE_MS (5) and TX_RETRY_MAX_MS (200): enough for a hot row written through three nodes at once */
export const defaultRetryPolicy: RetryPolicy = {
  attempts: Math.floor(positive(process.env.TX_RETRY_ATTEMPTS, 10)),
  baseDelayMs: positive(process.env.TX_RETRY_BASE_MS, 5),
  maxDelayMs: positive(process.env.TX_RETRY_MAX_MS, 200),
};

/** A deadlock victim or a Galera certification conflict (1213), however the driver or TypeORM wrapped it. */
export function isRetryableConflict(err: unknown): boolean {
  for (let e = err as { code?: unknown; errno?: unknown; driverError?: unknown } | undefined, depth = 0; e && depth < 3; depth++) {
    if (e.code === 'ER_LOCK_DEADLOCK' || e.errno === 1213) return true;
    e = e.driverError as typeof e;
  }
  return false;
}

/** The wait before try `attempt + 1` (attempt ≥ 1): "full jitter", uniform in [0, min(max, base·2^(attempt-1))]. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** transactions of this process: run, run more than once, given up after the last try */
export interface RetryCounters {
  transactions: number;
  retried: number;
  retries: number;
  exhausted: number;
}

const counters: RetryCounters = { transactions: 0, retried: 0, retries: 0, exhausted: 0 };

/** A copy of this process's counters (benchmarks report the share of transactions retried). */
export function retryCounters(): RetryCounters {
  return { ...counters };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` (one whole transaction) until it succeeds, fails with an error that is not a
 * conflict, or has been tried `policy.attempts` times; the last conflict is then thrown.
 */
export async function withConflictRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy = defaultRetryPolicy,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<T> {
  counters.transactions++;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isRetryableConflict(err)) throw err;
      if (tries >= policy.attempts) {
        counters.exhausted++;
        throw err;
      }
      if (tries === 1) counters.retried++;
      counters.retries++;
      await wait(retryDelayMs(policy, tries));
    }
  }
}
