import { USERNAME_PATTERN } from './users';

/**
 * Failed logins, the pure part: the one normal form of a login name, and whether an attempt may try
 * a password given the failures already counted. The counts themselves live behind
 * server/auth/login-throttle.ts (in the process's memory today; a table when several processes serve).
 */

/** Longest login name read at all: a longer one is cut before it is normalised. */
const MAX_LOGIN_NAME = 200;

/**
 * The login name as the lookup and the limiter both see it: trimmed (spaces, tabs, line feeds, the
 * ideographic space), NFC, lower case. Accounts are created lower case, and MariaDB's collation
 * compares case-insensitively where SQLite does not; folding here makes one name one key on both.
 */
export function loginName(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw.slice(0, MAX_LOGIN_NAME).trim().normalize('NFC').toLowerCase();
}

/**
 * Only a name of the accounts' own pattern is looked up. Anything else cannot be an account, and
 * must not reach a collation that would match it to one anyway (MariaDB's ignores zero-width
 * characters and trailing spaces, and folds full-width letters): the limiter's key is this name, so
 * any spelling that can sign in as an account counts against that account.
 */
export const isPossibleUsername = (name: string): boolean => USERNAME_PATTERN.test(name);

/** Failures allowed in the window: per user name (any address), per client address, and for the whole service. */
export interface LoginBudgets {
  perUser: number;
  perAddress: number;
  global: number;
  windowMs: number;
}

/** Attempts in the window under each key, this one included (an attempt counts until it succeeds). */
export interface AttemptCounts {
  user: number;
  address: number;
  global: number;
}

export type LoginVerdict = { allowed: true } | { allowed: false; budget: 'user' | 'address' | 'global' };

/**
 * An attempt may try its password while its user name and its address are within their budgets.
 * Past the global budget (many failures over many names and addresses: password spraying), only an
 * attempt whose name and address have no other failure in the window may try: every sprayer gets one
 * guess per address and name, while people who type their password right still sign in.
 */
export function loginVerdict(counts: AttemptCounts, budgets: LoginBudgets): LoginVerdict {
  if (counts.user > budgets.perUser) return { allowed: false, budget: 'user' };
  if (counts.address > budgets.perAddress) return { allowed: false, budget: 'address' };
  if (counts.global > budgets.global && (counts.user > 1 || counts.address > 1)) return { allowed: false, budget: 'global' };
  return { allowed: true };
}
