import type { Express } from 'express';
import supertest from 'supertest';
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

const deep = (depth: number) => `{"amount":${'['.repeat(depth)}1${']'.repeat(depth)}}`;

export const KNOWN_ELSEWHERE: KnownDefect[] = [
  {
    owner: 'hygiene (issue #14 defect 4: a depth limit)',
    what: 'a body nested ~2,000+ levels overflows the stack in class-transformer (plainToInstance) or in JSON.stringify',
    detail: /Maximum call stack size exceeded/,
    probe: async (app, bearer) =>
      (await supertest(app).post('/api/ledger-entries').set('Authorization', bearer('officer')).type('json').send(deep(5000))).status,
  },
  {
    owner: 'hygiene (issue #14 defect 4: every parser error → 4xx)',
    what: 'multer errors (a field not named file, two file parts, a part without a name) end as 500',
    route: /\/api\/imports$/,
    detail: /MulterError/,
    probe: async (app, bearer) =>
      (await supertest(app).post('/api/imports').set('Authorization', bearer('officer')).attach('upload', Buffer.from('x'), 'a.xlsx'))
        .status,
  },
  {
    owner: 'hygiene (issue #14 defect 4: POST /api/imports {"entries":[1]})',
    what: 'an import row that is not an object: TypeError in the problem locator',
    route: /\/api\/imports$/,
    detail: /TypeError: Cannot read properties of undefined \(reading 'split'\)/,
    probe: async (app, bearer) =>
      (
        await supertest(app)
          .post('/api/imports')
          .set('Authorization', bearer('officer'))
          .send({ entries: [1] })
      ).status,
  },
  {
    owner: 'hygiene (the boundary, server/requests/validation.ts; not in the issue: found by the fuzz)',
    what: "@ValidateNested({ each: true }) lets a list item that is itself a list through ([[]]): evaluation templates' groups, indicators, gradeBands → TypeError",
    route: /\/api\/evaluation-templates$/,
    detail: /TypeError/,
    probe: async (app, bearer) =>
      (
        await supertest(app)
          .post('/api/evaluation-templates')
          .set('Authorization', bearer('admin'))
          .send({ code: 'PROBE', name: 'p', effectiveFrom: '2026-01-01', groups: [[]] })
      ).status,
  },
  {
    owner: 'idem (issue #14 part 1: server/http/idempotency.ts)',
    what: "a keyed request to a long path: the key's scope (user, method, whole path) is longer than idempotency_records.scope",
    db: 'mysql',
    detail: /Data too long for column 'scope'/,
    probe: async (app, bearer) =>
      (
        await supertest(app)
          .post(`/api/transfers/${'x'.repeat(3000)}/committee-report`)
          .set('Authorization', bearer('officer'))
          .set('Idempotency-Key', `probe-${Date.now()}`)
          .send({ reportedOn: '2017-04-20' })
      ).status,
  },
];

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
