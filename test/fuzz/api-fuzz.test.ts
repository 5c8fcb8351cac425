import { expect } from 'chai';
import express from 'express';
import { testApp, TestApp } from '../support/app';
import { fuzzApi, summarise } from './engine';
import { knownDefectOf, stillKnown } from './known';

/**
 * A short, reproducible run of the API fuzz (test/fuzz/engine.ts) over a seeded database: a fixed
 * seed and a few hundred cases. `npm run fuzz -- --runs 100000` is the long run (scripts/fuzz.ts).
 */
export const FUZZ_SEED = 20260614;
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 300);

describe('API fuzz from /api/openapi.json: no 500, no write on a refusal', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it(`${FUZZ_RUNS} mutated requests to every write route (seed ${FUZZ_SEED})`, async () => {
    const report = await fuzzApi({ app: t.app, ds: t.ds, kind: t.db.kind, token: t.token }, { runs: FUZZ_RUNS, seed: FUZZ_SEED });
    expect(report.runs).to.equal(FUZZ_RUNS);
    // the cases reach the use cases: some writes are accepted, others refused by the rules behind validation
    const statuses = JSON.stringify(report.statuses);
    expect(
      Object.keys(report.statuses).some((s) => Number(s) < 300),
      statuses,
    ).to.equal(true);
    expect(
      Object.keys(report.statuses).filter((s) => ['404', '409', '422'].includes(s)),
      statuses,
    ).to.have.length(3);

    const { open, fixed } = await stillKnown(t.app, t.token, t.db.kind);
    expect(
      fixed.map((k) => `fixed by ${k.owner}: remove from test/fuzz/known.ts: ${k.what}`),
      'a known defect no longer shows',
    ).to.deep.equal([]);
    for (const k of open) {
      const found = report.findings.filter((f) => knownDefectOf(f, open) === k).length;
      if (found) console.warn(`      (known, for ${k.owner}: ${found}× ${k.what})`);
    }
    expect(summarise(report.findings.filter((f) => !knownDefectOf(f, open))), statuses).to.deep.equal([]);
  });

  it('catches what it is there to catch: a 500, and a refusal that wrote a row', async () => {
    // a probe table (the fuzz counts every table it finds) and, in front of the app, a route that
    // writes a row into it and then refuses; the first write request of all answers 500
    await t.ds.query('CREATE TABLE fuzz_probe (id INTEGER PRIMARY KEY)');
    let writes = 0;
    const sabotaged = express();
    sabotaged.use(async (req, res, next) => {
      if (req.method === 'GET') return next();
      writes++;
      if (writes === 1) return res.status(500).type('application/problem+json').send('{"code":"internal"}');
      if (writes === 2) {
        await t.ds.query(`INSERT INTO fuzz_probe (id) VALUES (${writes})`);
        return res.status(409).type('application/problem+json').send('{"code":"conflict"}');
      }
      next();
    }, t.app);
    try {
      const report = await fuzzApi({ app: sabotaged, ds: t.ds, kind: t.db.kind, token: t.token }, { runs: 5, seed: FUZZ_SEED });
      const kinds = report.findings.map((f) => `${f.kind} ${f.status}${f.kind === 'write on refusal' ? ` ${f.detail.split(';')[0]}` : ''}`);
      expect(kinds).to.include.members(['server error 500', 'write on refusal 409 fuzz_probe 0→1']);
    } finally {
      await t.ds.query('DROP TABLE fuzz_probe');
    }
  });
});
