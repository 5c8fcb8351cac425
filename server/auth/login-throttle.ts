import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ipKeyGenerator } from 'express-rate-limit';
import { inTransaction, isMysql } from '../db/transaction';
import { countLoginAttempts, deleteLoginAttempt, insertLoginAttempt, purgeLoginAttempts } from '../store/auth-state/auth-state';
import { LoginBudgets, loginVerdict } from '../../domain/login-throttle';

/**
 * Where failed logins are counted. One process keeps them in memory (MemoryLoginAttempts); several
 * processes behind one database need them in a table (DatabaseLoginAttempts), over two statements:
 * `add` inserts one row per key and counts the rows of those keys since `since` (in one transaction,
 * or insert first and count after: a concurrent attempt is then counted by both, never by neither),
 * `withdraw` deletes the rows of an attempt, and old rows are purged now and then.
 *
 * The protocol counts an attempt BEFORE its password is tried and withdraws it when it succeeds, so
 * many attempts sent at once cannot all pass the check while the first ones are still hashing.
 */
export interface LoginAttempts {
  /** Counts an attempt at `at` under each key; returns its id and, per key, the attempts at or after `since`, this one included. */
  add(keys: readonly string[], at: number, since: number): Promise<{ id: string; counts: number[] }>;
  /** Withdraws an attempt: it succeeded, or it was refused before trying a password. */
  withdraw(id: string): Promise<void>;
}

/** Failed logins in this process's memory: a sliding window of timestamps per key, swept as it goes. */
export class MemoryLoginAttempts implements LoginAttempts {
  private readonly byKey = new Map<string, number[]>();
  private readonly attempts = new Map<string, { keys: readonly string[]; at: number }>();
  private nextId = 0;
  private addsSinceSweep = 0;

  add(keys: readonly string[], at: number, since: number): Promise<{ id: string; counts: number[] }> {
    if (++this.addsSinceSweep >= 1000) this.sweep(since);
    const counts = keys.map((key) => {
      const times = this.recent(key, since);
      times.push(at);
      return times.length;
    });
    const id = String(++this.nextId);
    this.attempts.set(id, { keys, at });
    return Promise.resolve({ id, counts });
  }

  withdraw(id: string): Promise<void> {
    const attempt = this.attempts.get(id);
    this.attempts.delete(id);
    for (const key of attempt?.keys ?? []) {
      const times = this.byKey.get(key);
      const i = times?.lastIndexOf(attempt!.at) ?? -1;
      if (i >= 0) times!.splice(i, 1);
      if (times && !times.length) this.byKey.delete(key);
    }
    return Promise.resolve();
  }

  /** Keys and attempts held (for tests: the memory stays bounded by the window). */
  get size(): { keys: number; attempts: number } {
    return { keys: this.byKey.size, attempts: this.attempts.size };
  }

  /** The key's times at or after `since` (older ones dropped); the list is kept, so pushing to it records. */
  private recent(key: string, since: number): number[] {
    let times = this.byKey.get(key);
    if (!times) this.byKey.set(key, (times = []));
    let old = 0;
    while (old < times.length && times[old] < since) old++;
    if (old) times.splice(0, old);
    return times;
  }

  /** Drops what has left the window: keys nobody tried lately, attempts too old to withdraw. */
  sweep(since: number): void {
    this.addsSinceSweep = 0;
    for (const key of [...this.byKey.keys()]) if (!this.recent(key, since).length) this.byKey.delete(key);
    for (const [id, a] of this.attempts) if (a.at < since) this.attempts.delete(id);
  }
}

/**
 * Failed logins in the database (login_attempts), shared by every process that serves the ledger
 * (WORKERS=N, several servers on a cluster). The attempt is inserted in a transaction of its own and
 * counted after it committed: two attempts at once are each counted by both, never by neither. On a
 * Galera cluster the count waits for the writes the cluster committed before it (wsrep_sync_wait),
 * so an attempt on another node is counted too. Every 200th attempt of a process purges old rows.
 */
export class DatabaseLoginAttempts implements LoginAttempts {
  private addsSincePurge = 0;

  constructor(private readonly ds: DataSource) {}

  async add(keys: readonly string[], at: number, since: number): Promise<{ id: string; counts: number[] }> {
    const id = randomUUID();
    const purge = ++this.addsSincePurge >= 200;
    if (purge) this.addsSincePurge = 0;
    await inTransaction(this.ds, async (em) => {
      await insertLoginAttempt(em, id, keys, at);
      if (purge) await purgeLoginAttempts(em, since);
    });
    return { id, counts: await countLoginAttempts(this.ds.manager, keys, since) };
  }

  async withdraw(id: string): Promise<void> {
    await inTransaction(this.ds, (em) => deleteLoginAttempt(em, id));
  }
}

/** Where a process keeps its failed logins: LOGIN_ATTEMPTS=database|memory; by default the database on MariaDB, memory on SQLite. */
export function loginAttemptsFor(ds: DataSource, env: NodeJS.ProcessEnv = process.env): LoginAttempts {
  const where = env.LOGIN_ATTEMPTS ?? (isMysql(ds) ? 'database' : 'memory');
  return where === 'database' ? new DatabaseLoginAttempts(ds) : new MemoryLoginAttempts();
}

/** An attempt that may try its password: withdrawn when the password was right (or nothing could be tried). */
export interface LoginAttempt {
  allowed: true;
  withdraw(): Promise<void>;
}

export interface LoginRefusal {
  allowed: false;
  budget: 'user' | 'address' | 'global';
  /** seconds until the window has certainly moved past the failures that refuse it */
  retryAfterSeconds: number;
}

/** The key of a client address: the address itself, or its /56 for IPv6 (one subscriber's whole range). */
export const addressKey = (ip: string | undefined): string => ipKeyGenerator(ip ?? '');

/** Counts failed logins per user name, per address and in all, and says whether an attempt may try a password. */
export class LoginThrottle {
  constructor(
    readonly attempts: LoginAttempts,
    readonly budgets: LoginBudgets,
    private readonly now: () => number = Date.now,
  ) {}

  /** `name` is the normalised login name (domain/login-throttle.ts loginName), `address` the client's (addressKey). */
  async attempt(name: string, address: string): Promise<LoginAttempt | LoginRefusal> {
    const at = this.now();
    const { id, counts } = await this.attempts.add([`user:${name}`, `address:${address}`, 'global'], at, at - this.budgets.windowMs);
    const verdict = loginVerdict({ user: counts[0], address: counts[1], global: counts[2] }, this.budgets);
    if (!verdict.allowed) {
      // a refused attempt tried nothing: it does not count, so the window is not kept open by knocking
      await this.attempts.withdraw(id);
      return { allowed: false, budget: verdict.budget, retryAfterSeconds: Math.ceil(this.budgets.windowMs / 1000) };
    }
    return { allowed: true, withdraw: () => this.attempts.withdraw(id) };
  }
}

const positive = (raw: string | undefined, fallback: number): number => {
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * The budgets from the environment: LOGIN_RATE_LIMIT failures per user name (default 10),
 * LOGIN_ADDRESS_LIMIT per client address (30) and LOGIN_GLOBAL_LIMIT for the whole service (100), in
 * a window of LOGIN_WINDOW_MINUTES (15).
 */
export function loginBudgetsFromEnv(env: NodeJS.ProcessEnv = process.env): LoginBudgets {
  return {
    perUser: positive(env.LOGIN_RATE_LIMIT, 10),
    perAddress: positive(env.LOGIN_ADDRESS_LIMIT, 30),
    global: positive(env.LOGIN_GLOBAL_LIMIT, 100),
    windowMs: positive(env.LOGIN_WINDOW_MINUTES, 15) * 60_000,
  };
}

const throttles = new WeakMap<DataSource, LoginThrottle>();

/**
 * The throttle of the ledger a data source opens: one per database, as the accounts are. Made on
 * first use with the budgets of the environment and the counts where loginAttemptsFor keeps them.
 */
export function loginThrottle(ds: DataSource): LoginThrottle {
  let throttle = throttles.get(ds);
  if (!throttle) throttles.set(ds, (throttle = new LoginThrottle(loginAttemptsFor(ds), loginBudgetsFromEnv())));
  return throttle;
}

/** Puts another throttle in place (other budgets, a shared store of attempts, a test's clock). */
export function useLoginThrottle(ds: DataSource, throttle: LoginThrottle): void {
  throttles.set(ds, throttle);
}
