import { performance } from 'node:perf_hooks';
import { FiscalYear } from '../entities/fiscal-year';
import { LedgerEntry } from '../entities/ledger-entry';
import { ProgramYear } from '../entities/program-year';
import { systemContext } from '../server/context';
import { inTransaction } from '../server/db/transaction';
import { postEntry } from '../server/app/ledger/ledger';
import { closeYear, openYear } from '../server/app/ledger/fiscal-years';
import { createOrgUnit } from '../server/app/reference/org-units';
import { createProgram } from '../server/app/reference/programs';
import { createAppropriation, createProgramYear } from '../server/app/reference/program-years';
import { carryLines } from '../server/store/ledger/year-operations';
import { carryIdentityBreaks } from '../domain/year-operations';
import { freshDatabase } from '../test/support/db';

/**
 * npm run bench:years [-- --programs 2500 --carry 1000]: a synthetic 구 of 40 departments and
 * `programs` unit programs (under 40 policy programs) in one year, `carry` of them with a 차년이월;
 * times opening the next year (carrying every program forward) and closing the year (one 전년이월 per
 * 차년이월, the cross-year identity checked), on a fresh database — SQLite, or MariaDB when
 * TEST_DB_URL=mysql://… names a server.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PROGRAMS = arg('programs', 2500);
const CARRY = arg('carry', 1000);
const YEAR = 2030;

async function main() {
  const db = await freshDatabase();
  const ds = db.ds;
  const ctx = systemContext('bench');
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const t0 = performance.now();
    await inTransaction(ds, async (em) => {
      await em.insert(FiscalYear, { year: YEAR, status: 'open', closedAt: null, closedById: null });
      await createOrgUnit(
        ds,
        ctx,
        { code: 'B', name: '시험구', level: 'city', parentCode: null, validFrom: '2000-01-01', validTo: null },
        em,
      );
      for (let d = 0; d < 40; d++) {
        const org = `B-D${d}`;
        await createOrgUnit(
          ds,
          ctx,
          { code: org, name: `부서${d}`, level: 'department', parentCode: 'B', validFrom: '2000-01-01', validTo: null },
          em,
        );
        await createProgram(ds, ctx, { code: `P${d}`, name: `정책사업 ${d}`, kind: 'policy', account: 'general' }, em);
        await createProgramYear(ds, ctx, { programCode: `P${d}`, fiscalYear: YEAR, orgCode: org, sortOrder: d * 1000 }, em);
      }
      for (let i = 0; i < PROGRAMS; i++) {
        const d = i % 40;
        await createProgram(ds, ctx, { code: `U${i}`, name: `단위사업 ${i}`, kind: 'unit', account: 'general' }, em);
        const py = await createProgramYear(
          ds,
          ctx,
          { programCode: `U${i}`, fiscalYear: YEAR, orgCode: `B-D${d}`, parentProgramCode: `P${d}`, sortOrder: d * 1000 + i + 1 },
          em,
        );
        await createAppropriation(ds, ctx, { programYearId: py.id, expenseItem: '사무관리비', amount: 10_000_000 }, em);
        if (i < CARRY) {
          await postEntry(
            ds,
            ctx,
            {
              programYearId: py.id,
              expenseItem: '사무관리비',
              kind: 'carry_out',
              amount: 1_000_000 + i,
              entryDate: `${YEAR}-12-31`,
              reason: '사업 지연',
              carryType: (['explicit', 'accident', 'continuing'] as const)[i % 3],
            },
            em,
          );
        }
      }
    });
    const setup = performance.now() - t0;
    const t1 = performance.now();
    const opened = await openYear(ds, ctx, YEAR + 1);
    const open = performance.now() - t1;
    const t2 = performance.now();
    const closed = await closeYear(ds, ctx, YEAR);
    const close = performance.now() - t2;
    const breaks = carryIdentityBreaks(await carryLines(ds.manager, YEAR)).length;
    const carriedIn = await ds.getRepository(LedgerEntry).countBy({ fiscalYear: YEAR + 1, kind: 'carry_in' });
    const programsNext = await ds.getRepository(ProgramYear).countBy({ fiscalYear: YEAR + 1 });
    console.log(`database: ${db.kind}; ${PROGRAMS} unit programs under 40 policy programs in 40 departments, ${CARRY} with a 차년이월`);
    console.log(`setup (through the use cases): ${(setup / 1000).toFixed(1)} s`);
    console.log(
      `open ${YEAR + 1}: ${(open / 1000).toFixed(2)} s — ${opened.opening.programs} program-years carried forward (now ${programsNext})`,
    );
    console.log(
      `close ${YEAR}: ${(close / 1000).toFixed(2)} s — ${closed.carriedOver.entries} 전년이월 posted (${carriedIn} in ${YEAR + 1}), ` +
        `total ${closed.carriedOver.total.toLocaleString('en-US')} won; identity breaks: ${breaks}`,
    );
    console.log(`peak RSS: ${Math.round(peak / 1048576)} MB`);
    process.exitCode = breaks || carriedIn !== CARRY ? 1 : 0;
  } finally {
    clearInterval(sample);
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
