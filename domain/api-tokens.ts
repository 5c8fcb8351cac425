/**
 * Integration tokens (API tokens an administrator issues for a user): what a token looks like, how
 * long it may live, when it still opens the API and when its last use is worth writing down. No I/O:
 * the secret's randomness and its hash are server/auth's.
 */
import { DomainError, invalid } from './errors';

/** Every issued token begins with this, so a leaked one is recognised (secret scanners, logs). */
export const TOKEN_MARK = 'lgr_';
/** The characters of a token kept in clear to tell tokens apart: the mark and 8 of the secret. */
export const PREFIX_LENGTH = TOKEN_MARK.length + 8;
/** A token lives at most this many days from its issue. */
export const MAX_TOKEN_DAYS = 731;
/** The last use is written at most this often per token. */
export const LAST_USE_INTERVAL_MS = 60_000;

/** The token as handed out once: the mark and the random secret (base64url). */
export const tokenText = (secret: string): string => `${TOKEN_MARK}${secret}`;

/** The part of a token shown in lists. */
export const prefixOf = (token: string): string => token.slice(0, PREFIX_LENGTH);

/** 'YYYY-MM-DD' + n days. */
function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Today's date in Korea (UTC+9), where the expiry dates are meant. */
export const koreanDate = (now: Date): string => new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

/**
 * A token issued today expiring on `expiresOn` (a calendar date, in Korea) opens the API through the
 * end of that day: the instant returned. Refused when the date is not after today or is more than
 * MAX_TOKEN_DAYS ahead.
 */
export function tokenExpiry(expiresOn: string, now: Date): Date {
  const today = koreanDate(now);
  if (expiresOn <= today) {
    throw invalid('expiresOn', 'afterToday', `expiresOn must be after today (${today})`, `만료일은 오늘(${today}) 이후여야 합니다`);
  }
  const latest = addDays(today, MAX_TOKEN_DAYS);
  if (expiresOn > latest) {
    throw invalid(
      'expiresOn',
      'withinMaxLifetime',
      `A token may live at most ${MAX_TOKEN_DAYS} days: expiresOn at most ${latest}`,
      `토큰의 유효 기간은 최대 ${MAX_TOKEN_DAYS}일입니다. 만료일은 ${latest} 이전이어야 합니다`,
    );
  }
  return new Date(`${addDays(expiresOn, 1)}T00:00:00+09:00`);
}

/** What the verification reads of a token's row (joined to its user). */
export interface TokenState {
  revokedAt: Date | null;
  expiresAt: Date | null;
  userActive: boolean;
}

/**
 * Whether a token still opens the API: null when it does, else the refusal (401) saying why — an
 * unknown token and one of a deactivated user get the same answer, so a guess learns nothing.
 */
export function tokenRefusal(token: TokenState | null, now: Date): DomainError | null {
  if (!token || !token.userActive) {
    return new DomainError('unauthenticated', 'invalid_token', 'The bearer token is not valid', '인증 토큰이 올바르지 않습니다');
  }
  if (token.revokedAt) {
    return new DomainError(
      'unauthenticated',
      'token_revoked',
      'The bearer token has been revoked; ask an administrator for a new one',
      '폐기된 인증 토큰입니다. 관리자에게 새 토큰을 요청하십시오',
    );
  }
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) {
    return new DomainError(
      'unauthenticated',
      'token_expired',
      `The bearer token expired at ${token.expiresAt.toISOString()}; ask an administrator for a new one`,
      '만료된 인증 토큰입니다. 관리자에게 새 토큰을 요청하십시오',
    );
  }
  return null;
}

/** Whether a use now is worth writing down, given when the last use was written (throttled). */
export const lastUseDue = (lastWritten: Date | number | null | undefined, now: Date): boolean =>
  lastWritten == null || now.getTime() - new Date(lastWritten).getTime() >= LAST_USE_INTERVAL_MS;
