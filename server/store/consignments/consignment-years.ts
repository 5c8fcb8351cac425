import type { EntityManager } from 'typeorm';
import { Consignment } from '../../../entities/consignment';
import { GrantPlan } from '../../../entities/consignment-grant-plan';
import { ProgramYear } from '../../../entities/program-year';
import { invalid, notFound } from '../../../domain/errors';
import type { LineFigures } from '../../../domain/ledger';
import { hydrate, selectColumns } from '../../db/lean';
import { isMysql } from '../../db/transaction';
import { eachKey, PerKey, readEach, split } from '../../db/batch';
import { resolveConsignment } from './consignment-ref';

/** A consignment-year: the consignment and the fiscal year. */
export interface ConsignmentYear {
  consignment: Consignment;
  year: number;
}

type ProgramYearKey = { programId: number; fiscalYear: number };

const keyOf = ({ consignment, year }: ConsignmentYear): ProgramYearKey | null =>
  consignment.programId === null ? null : { programId: consignment.programId, fiscalYear: year };

/**
 * The funding program-years of several consignment-years, in one statement; with `lock` their rows
 * are locked in the order of the (program, year) index, whoever asks. Each is answered with its
 * program-year or its own refusal (no funding program, no program-year that year).
 */
function fundingProgramYears(em: EntityManager, years: ConsignmentYear[], field = 'fiscalYear', lock = false): PerKey<ProgramYear> {
  return readEach(
    years,
    async (all) => {
      const keys = all.flatMap((y) => keyOf(y) ?? []);
      if (!keys.length) return [] as ProgramYear[];
      const among = `(${keys.map(() => '(py.program_id = ? AND py.fiscal_year = ?)').join(' OR ')})`;
      const locking = lock && isMysql(em.connection) ? ' FOR UPDATE' : '';
      const rows = (await em.query(
        `SELECT ${selectColumns(em, ProgramYear, 'py')} FROM program_years py WHERE ${among} ORDER BY py.program_id, py.fiscal_year${locking}`,
        keys.flatMap((k) => [k.programId, k.fiscalYear]),
      )) as Record<string, unknown>[];
      return rows.map((r) => hydrate(em, ProgramYear, r));
    },
    (found, { consignment: c, year }) => {
      if (c.programId === null) {
        throw invalid(
          'consignment',
          'fundingProgramRequired',
          `Consignment ${c.code} names no funding program`,
          `위탁사무 ${c.code}에 재원 사업이 지정되지 않았습니다`,
        );
      }
      const py = found.find((p) => p.programId === c.programId && p.fiscalYear === year);
      if (!py) throw notFound(`Funding program of ${c.code} in ${year}`, `${year}년 ${c.name} 재원 사업`, field);
      return py;
    },
  );
}

/** The program-year that funds a consignment in a fiscal year, or its refusal naming `field`. */
export async function fundingProgramYear(em: EntityManager, c: Consignment, year: number, field = 'fiscalYear'): Promise<ProgramYear> {
  return fundingProgramYears(em, [{ consignment: c, year }], field)[0];
}

/** What the writes to a consignment-year check, read together under its lock. */
export interface ConsignmentYearState {
  /** the approved grant plan (교부계획) in force, if any */
  plan: GrantPlan | null;
  /** Σ paid grants (교부액), from its running total */
  paid: number;
  /** the confirmed settlement (정산) that locks the year, if any */
  settlement: { id: number; confirmedOn: string | null } | null;
}

/**
 * Consignment-years' approved plans, paid totals and confirmed settlements, in one statement: a
 * payment checks all three under the program-year lock, and every statement there lengthens the
 * time other payments of the program wait.
 */
async function consignmentYearStates(
  em: EntityManager,
  keys: { consignmentId: number; fiscalYear: number }[],
): Promise<ConsignmentYearState[]> {
  if (!keys.length) return [];
  const table = keys.map((_, i) => (i ? 'SELECT ?, ?, ?' : 'SELECT ? AS i, ? AS consignment_id, ? AS fiscal_year')).join(' UNION ALL ');
  const rows = (await em.query(
    `SELECT k.i AS state_key, t.paid AS state_paid, s.id AS state_settlement_id, s.confirmed_on AS state_confirmed_on, ${selectColumns(em, GrantPlan, 'p', 'plan_')}
     FROM (${table}) k
     LEFT JOIN consignment_grant_totals t ON t.consignment_id = k.consignment_id AND t.fiscal_year = k.fiscal_year
     LEFT JOIN consignment_settlements s ON s.consignment_id = k.consignment_id AND s.fiscal_year = k.fiscal_year AND s.status = 'confirmed'
     LEFT JOIN grant_plans p ON p.consignment_id = k.consignment_id AND p.fiscal_year = k.fiscal_year AND p.status = 'approved'`,
    keys.flatMap((k, i) => [i, k.consignmentId, k.fiscalYear]),
  )) as Record<string, unknown>[];
  const byKey = new Map(rows.map((row) => [Number(row.state_key), row]));
  return keys.map((_, i) => {
    const row = byKey.get(i)!;
    return {
      plan: row.plan_id === null ? null : hydrate(em, GrantPlan, row, 'plan_'),
      paid: row.state_paid === null ? 0 : Number(row.state_paid),
      settlement:
        row.state_settlement_id === null
          ? null
          : { id: Number(row.state_settlement_id), confirmedOn: (row.state_confirmed_on as string | null) ?? null },
    };
  });
}

/** What a consignment-year's lock brings with it, before any check is made of it. */
export interface ConsignmentYearReads<M> {
  programYear: ProgramYear;
  /** the funding program-year's whole-program moves (who owns it now), as the ledger's reads answer them */
  moves: M;
  state: ConsignmentYearState;
  /** figures of the funding line, when asked for (`readLine`) */
  lineAtLock: LineFigures | null;
}

/**
 * The ledger's reads a write to a funding line makes with its lock (the fiscal year open, the
 * program-year's moves; the line's figures), by program and year: they are issued in the same round
 * trip as the lock, and their statements belong to the ledger.
 */
export interface LedgerReadsUnderLock<M> {
  writable(keys: { key: ProgramYearKey; fiscalYear: number }[]): PerKey<M>;
  lines(keys: { programYear: ProgramYearKey; expenseItem: string }[]): Promise<LineFigures[]>;
}

/** The reads of locked consignment-years: each one's reads, or its own refusal thrown. */
export interface LockedYears<M> {
  of(consignment: Consignment, year: number): ConsignmentYearReads<M>;
}

/**
 * The funding program-years' locks (SELECT … FOR UPDATE on MariaDB; SQLite transactions are
 * serialised) and every read the checks of a write need, issued together: one round trip on
 * MariaDB, keyed by program and year rather than the program-year's id, which is not known yet.
 * The statements run in the order issued, so the reads see the data as it stands under the locks;
 * this is why the locks, all in one statement, come first. Then each kind of read for all of them
 * in one statement (the fiscal year once). `readLine` also reads the funding line's figures, for a
 * caller about to post to the line. Each consignment-year is answered with its reads or its own
 * refusal (no funding program, no program-year that year, a closed year), thrown by `of`.
 */
export async function readConsignmentYearsLocked<M>(
  em: EntityManager,
  years: (ConsignmentYear & { readLine: boolean })[],
  ledger: LedgerReadsUnderLock<M>,
): Promise<LockedYears<M>> {
  const locks = fundingProgramYears(em, years, 'fiscalYear', true);
  // without a funding program fundingProgramYears refuses the write, so there is nothing to read
  const keyed = years.filter((y) => keyOf(y));
  const writable = ledger.writable(keyed.map((y) => ({ key: keyOf(y)!, fiscalYear: y.year })));
  const states = split(
    consignmentYearStates(
      em,
      years.map((y) => ({ consignmentId: y.consignment.id, fiscalYear: y.year })),
    ),
    years.length,
  );
  const lined = years.filter((y) => y.readLine && keyOf(y));
  const lines = split(ledger.lines(lined.map((y) => ({ programYear: keyOf(y)!, expenseItem: y.consignment.expenseItem }))), lined.length);
  // one after another per consignment-year (all were issued above: no round trip), so the first refusal is the lock's
  const reads = eachKey(years, async (y, i): Promise<ConsignmentYearReads<M>> => {
    const programYear = await locks[i];
    const moves = await writable[keyed.indexOf(y)];
    const state = await states[i];
    const at = lined.indexOf(y);
    return { programYear, moves, state, lineAtLock: at < 0 ? null : await lines[at] };
  });
  const answered = await Promise.allSettled(reads);
  return {
    of(consignment, year) {
      const i = years.findIndex((y) => y.consignment.id === consignment.id && y.year === year);
      if (i < 0) throw new Error(`consignment-year ${consignment.id}:${year} was not read`);
      return answerOf(answered[i]);
    },
  };
}

/** A settled answer as a plain value, or its refusal thrown. */
function answerOf<T>(answer: PromiseSettledResult<T>): T {
  if (answer.status === 'rejected') throw answer.reason;
  return answer.value;
}

/** Consignments named by references, all looked up at once; `of` answers each one's consignment or throws its refusal. */
export async function resolveConsignments(em: EntityManager, refs: string[]): Promise<{ of(ref: string): Consignment }> {
  const unique = [...new Set(refs)];
  const found = await Promise.allSettled(eachKey(unique, (ref) => resolveConsignment(em, ref)));
  return { of: (ref) => answerOf(found[unique.indexOf(ref)]) };
}
