import type { Express } from 'express';
import type { Finding } from './engine';

/**
 * 500s the fuzz finds whose fix belongs to another part of issue #14, not to the fuzz's own files.
 * Each entry carries a probe: one exact request that shows the defect. While the probe still answers
 * 500, fuzz findings that match the entry are reported but do not fail the suite; once the owner's
 * fix makes the probe answer below 500, the suite fails until the entry is removed here, so the
 * list only shrinks and a fixed defect can never hide a later regression.
 */
export interface KnownDefect {
  owner: string;
  what: string;
  route?: RegExp;
  detail: RegExp;
  /** only on this database (where the other one does not show it) */
  db?: 'sqlite' | 'mysql';
  /** the probe request's status, sent with the bearer token of the user it names */
  probe: (app: Express, bearer: (user: 'officer' | 'admin') => string) => Promise<number>;
}

export const KNOWN_ELSEWHERE: KnownDefect[] = [];

/** The entries whose probe still answers 500 (the others are fixed and must go). */
export async function stillKnown(
  app: Express,
  token: Record<'officer' | 'admin', string>,
  db: 'sqlite' | 'mysql',
): Promise<{ open: KnownDefect[]; fixed: KnownDefect[] }> {
  const open: KnownDefect[] = [];
  const fixed: KnownDefect[] = [];
  const consoleError = console.error;
  console.error = () => undefined; // the server logs each 500
  try {
    for (const k of KNOWN_ELSEWHERE.filter((k) => !k.db || k.db === db))
      ((await k.probe(app, (user) => `Bearer ${token[user]}`)) >= 500 ? open : fixed).push(k);
  } finally {
    console.error = consoleError;
  }
  return { open, fixed };
}

export const knownDefectOf = (f: Finding, open: KnownDefect[]): KnownDefect | undefined =>
  f.kind === 'server error' ? open.find((k) => k.detail.test(f.detail) && (!k.route || k.route.test(f.route))) : undefined;
