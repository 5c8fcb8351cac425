/**
 * The long run of the API fuzz (test/fuzz/engine.ts; `npm test` runs a short one with a fixed seed):
 *
 *   npm run fuzz -- --runs 100000 [--seed N] [--contents] [--reset-every 10000]
 *
 * Every write operation of /api/openapi.json, with bodies generated from its schema and mutated, over
 * a fresh seeded database: a temporary SQLite file, or a new throwaway database on the MariaDB server
 * TEST_DB_URL (or DB_URL) names, dropped at the end — never the database itself. Each answer must be
 * below 500 and each refusal must leave the row count of every table unchanged (--contents: every
 * row's content too, much slower). A new database every --reset-every runs keeps the state from
 * drifting far (closed years, used-up budgets). Exits 1 naming every finding, grouped by route and
 * cause, with one input of each; known ones (test/fuzz/known.ts) are marked as such but still count.
 */
import 'reflect-metadata';
import { fuzzApi, summarise, type Finding } from '../test/fuzz/engine';
import { KNOWN_ELSEWHERE, knownDefectOf } from '../test/fuzz/known';
import { testApp } from '../test/support/app';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function count(name: string, fallback: number): number {
  const raw = option(name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not ${raw}`);
  return n;
}

async function main(): Promise<number> {
  const runs = count('runs', 1000);
  const seed = count('seed', Date.now() % 2 ** 31);
  const resetEvery = count('reset-every', 10_000) || runs;
  const contents = process.argv.includes('--contents');
  console.log(`fuzz: ${runs} runs, seed ${seed}, a fresh database every ${resetEvery} runs${contents ? ', row contents checked' : ''}`);

  const findings: Finding[] = [];
  const statuses: Record<string, number> = {};
  let done = 0;
  let seconds = 0;
  for (let segment = 0; done < runs; segment++) {
    const t = await testApp();
    try {
      const n = Math.min(resetEvery, runs - done);
      const report = await fuzzApi(
        { app: t.app, ds: t.ds, kind: t.db.kind, token: t.token },
        {
          runs: n,
          seed: seed + segment,
          contents,
          onProgress: (k, r) => {
            if (k % 1000 === 0) {
              const rate = (done + k) / (seconds + r.seconds);
              console.log(`  ${done + k} runs, ${rate.toFixed(0)} runs/s, ${findings.length + r.findings.length} findings`);
            }
          },
        },
      );
      done += report.runs;
      seconds += report.seconds;
      findings.push(...report.findings);
      for (const [s, k] of Object.entries(report.statuses)) statuses[s] = (statuses[s] ?? 0) + k;
    } finally {
      await t.close();
    }
  }

  const serverErrors = findings.filter((f) => f.kind === 'server error').length;
  const writes = findings.filter((f) => f.kind === 'write on refusal').length;
  console.log(
    `\n${done} runs in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(0)} runs/s, seed ${seed}${contents ? ', contents' : ''})`,
  );
  console.log(`answers by status: ${JSON.stringify(statuses)}`);
  console.log(
    `responses ≥ 500: ${serverErrors}; writes on refusals: ${writes}; other findings: ${findings.length - serverErrors - writes}`,
  );
  const known = (f: Finding) => knownDefectOf(f, KNOWN_ELSEWHERE);
  for (const line of summarise(findings.filter((f) => !known(f)))) console.log(`- ${line}`);
  for (const k of KNOWN_ELSEWHERE) {
    const met = findings.filter((f) => known(f) === k);
    const routes = new Set(met.map((f) => f.route)).size;
    if (met.length) console.log(`- (known, test/fuzz/known.ts, for ${k.owner}) ${met.length}× on ${routes} route(s): ${k.what}`);
  }
  return findings.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
