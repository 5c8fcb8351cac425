import type { DataSource, EntityManager } from 'typeorm';
import type { FiscalYear } from '../../../entities/fiscal-year';
import type { LedgerEntry } from '../../../entities/ledger-entry';
import type { ProgramYear } from '../../../entities/program-year';
import { conflict } from '../../../domain/errors';
import { assertPostable } from '../../../domain/entries';
import { assertYearClosable, assertYearNew } from '../../../domain/fiscal-year';
import { LineFigures, withEntry } from '../../../domain/ledger';
import { ownerAfterMoves } from '../../../domain/transfers';
import {
  assertCarryIdentity,
  assertNextYearTakes,
  carryInsFor,
  carryTotals,
  firstDayOf,
  planCarryForward,
  validOn,
  type ProgramYearToCarry,
} from '../../../domain/year-operations';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { allAccounts } from '../../store/accounts/accounts';
import { allOrgUnits } from '../../store/org-units/org-units';
import { insertEntries, newEntry } from '../../store/ledger/entries';
import { expenseLineFigures } from '../../store/ledger/line-figures';
import { fiscalYearOf, lockFiscalYear, newFiscalYear, saveFiscalYear, yearHeld } from '../../store/ledger/fiscal-years';
import { lockProgramYear, programYearOwnership, programsByIds } from '../../store/ledger/program-years';
import { carryLines, insertCarriedProgramYear, liveCarryOuts, programYearsOfYear } from '../../store/ledger/year-operations';

/** What opening a year carried forward from the year before. */
export interface YearOpening {
  /** the year it carried from (N − 1), or null when that year is not in the ledger */
  carriedFrom: number | null;
  /** organisation units and accounts valid on 1 January (they are dated rows: valid in the new year as they are) */
  orgUnits: number;
  accounts: number;
  /** program-years created in the new year */
  programs: number;
  /** programs of N − 1 left behind, with the reason */
  skipped: { programCode: string; name: string; reason: string; reasonKo: string }[];
}

type Carryable = ProgramYearToCarry & { row: ProgramYear };

/**
 * Puts programs of year `from` into year `to`, after planCarryForward (domain/year-operations.ts):
 * same program, name, policy program, department (after 이체) and order; no amounts. `only` narrows
 * it to some programs (and their policy programs). Returns the new year's program-year of each
 * program carried or already there, and those left behind.
 */
async function carryForwardPrograms(
  em: EntityManager,
  ctx: RequestContext,
  from: number,
  to: number,
  only?: Set<number>,
): Promise<{ inNext: Map<number, ProgramYear>; skipped: YearOpening['skipped']; created: number }> {
  const [rows, ownership, orgs, next] = await Promise.all([
    programYearsOfYear(em, from),
    programYearOwnership(em, from),
    allOrgUnits(em),
    programYearsOfYear(em, to),
  ]);
  const day = firstDayOf(to);
  const validOrgs = new Set(orgs.filter((o) => validOn(o, day)).map((o) => o.id));
  const inNext = new Map(next.map((py) => [py.programId, py]));
  let wanted = rows;
  if (only) {
    const parents = new Set(rows.filter((r) => only.has(r.programId)).map((r) => r.parentId));
    wanted = rows.filter((r) => only.has(r.programId) || parents.has(r.id));
  }
  const candidates: Carryable[] = wanted.map((row) => ({
    id: row.id,
    programId: row.programId,
    parentId: row.parentId,
    ownerOrgUnitId: ownerAfterMoves(
      row.orgUnitId,
      ownership.moves.filter((m) => m.fromProgramYearId === row.id),
    ),
    name: row.name,
    sortOrder: row.sortOrder,
    row,
  }));
  const plan = planCarryForward(
    candidates,
    (org) => validOrgs.has(org),
    (programId) => inNext.has(programId),
  );
  const newIdOf = new Map<number, number>();
  for (const c of candidates) if (inNext.has(c.programId)) newIdOf.set(c.id, inNext.get(c.programId)!.id);
  // level by level (policy programs, then the programs under them): the inserts of one level are
  // issued together, so that a MariaDB transaction pipelines them instead of a round trip each
  let pending = plan.carried;
  while (pending.length) {
    const level = pending.filter((c) => c.parentId === null || newIdOf.has(c.parentId));
    pending = pending.filter((c) => !level.includes(c));
    const made = await Promise.all(
      level.map((c) =>
        insertCarriedProgramYear(em, {
          programId: c.programId,
          fiscalYear: to,
          orgUnitId: c.ownerOrgUnitId,
          parentId: c.parentId === null ? null : newIdOf.get(c.parentId)!,
          name: c.name,
          sortOrder: c.sortOrder,
          priorYearBasis: null,
          note: null,
        }),
      ),
    );
    for (const [i, c] of level.entries()) {
      newIdOf.set(c.id, made[i].id);
      inNext.set(c.programId, made[i]);
      await audit(em, ctx, {
        action: 'program_year.create',
        entity: 'program_year',
        entityId: made[i].id,
        after: { ...made[i], carriedFromId: c.id },
      });
    }
    if (!level.length) throw new Error('carryForwardPrograms: a program-year whose parent is neither carried nor in the new year');
  }
  const programs = await programsByIds(
    em,
    plan.skipped.map((s) => s.programYear.programId),
  );
  const skipped = plan.skipped.map((s) => ({
    programCode: programs.find((p) => p.id === s.programYear.programId)?.code ?? String(s.programYear.programId),
    name: s.programYear.name,
    reason: s.reason,
    reasonKo: s.reasonKo,
  }));
  return { inNext, skipped, created: plan.carried.length };
}

/**
 * Opens fiscal year `year` once (a second opening is refused: 409 fiscal_year_exists). When year − 1
 * is in the ledger its continuing programs are carried forward (planCarryForward); organisation units
 * and accounts are dated rows, valid in the new year as they stand — the opening counts those valid
 * on 1 January. One transaction, audited.
 */
export async function openYear(
  ds: DataSource,
  ctx: RequestContext,
  year: number,
  em?: EntityManager,
): Promise<FiscalYear & { opening: YearOpening }> {
  return within(ds, em, async (tx) => {
    assertYearNew(await fiscalYearOf(tx, year), year);
    const fy = newFiscalYear(tx, { year, status: 'open', closedAt: null, closedById: null });
    await saveFiscalYear(tx, fy);
    const previous = await fiscalYearOf(tx, year - 1);
    const day = firstDayOf(year);
    const [orgs, accounts] = await Promise.all([allOrgUnits(tx), allAccounts(tx)]);
    const carried = previous ? await carryForwardPrograms(tx, ctx, year - 1, year) : null;
    const opening: YearOpening = {
      carriedFrom: previous ? previous.year : null,
      orgUnits: orgs.filter((o) => validOn(o, day)).length,
      accounts: accounts.filter((a) => validOn(a, day)).length,
      programs: carried?.created ?? 0,
      skipped: carried?.skipped ?? [],
    };
    await audit(tx, ctx, { action: 'fiscal_year.open', entity: 'fiscal_year', entityId: year, after: { ...fy, opening } });
    return { ...fy, opening };
  });
}

/** What closing a year carried into the next. */
export interface CarriedOver {
  intoYear: number;
  /** 전년이월 entries posted in the next year, one per standing 차년이월 */
  entries: number;
  total: number;
  byType: ReturnType<typeof carryTotals>['byType'];
}

/**
 * Carries the standing 차년이월 of `year` into `year + 1` as 전년이월 on the same program and 편성목,
 * dated 1 January, each naming its source (sourceRef carry_out:<id>), through insertEntries — in the
 * caller's transaction, which holds `year` locked for closing. The next year must be open
 * (assertNextYearTakes); a program not yet in it is carried forward first. Then the cross-year
 * identity is checked on every line, or the whole closing is refused.
 */
async function carryIntoNextYear(tx: EntityManager, ctx: RequestContext, year: number): Promise<CarriedOver> {
  const outs = await liveCarryOuts(tx, year);
  const totals = carryTotals(outs);
  const result = { intoYear: year + 1, entries: outs.length, total: totals.total, byType: totals.byType };
  if (!outs.length) return result;
  assertNextYearTakes(await yearHeld(tx, year + 1), year, outs.length);

  const { inNext } = await carryForwardPrograms(tx, ctx, year, year + 1, new Set(outs.map((o) => o.programId)));
  const missing = outs.find((o) => !inNext.has(o.programId));
  if (missing) {
    throw conflict(
      'carry_target_missing',
      `Program ${missing.programId} carries ${missing.amount} won into ${year + 1} but cannot continue there (its department or policy program does not): put it into ${year + 1} first`,
      `${year + 1}회계연도로 이월할 사업이 그해에 이어지지 않습니다(소관 부서 또는 상위 정책사업 없음). 먼저 ${year + 1}년 사업으로 등록하십시오`,
      'year',
      { fiscalYear: year, programId: missing.programId, amount: missing.amount },
    );
  }
  const plans = carryInsFor(year, outs);
  const targets = [...new Set(plans.map((p) => inNext.get(p.programId)!.id))].sort((a, b) => a - b);
  // issued together, in id order (a MariaDB transaction pipelines them; two closers cannot deadlock)
  await Promise.all(targets.map((id) => lockProgramYear(tx, id)));
  const keys = [...new Set(plans.map((p) => `${inNext.get(p.programId)!.id}\u0000${p.expenseItem}`))];
  const read = await Promise.all(
    keys.map((k) => {
      const [id, item] = k.split('\u0000');
      return expenseLineFigures(tx, Number(id), item);
    }),
  );
  const lines = new Map<string, LineFigures>(keys.map((k, i) => [k, read[i]]));
  const entries: LedgerEntry[] = [];
  for (const p of plans) {
    const py = inNext.get(p.programId)!;
    const key = `${py.id}\u0000${p.expenseItem}`;
    const before = lines.get(key)!;
    assertPostable(before, year + 1, { kind: 'carry_in', amount: p.amount, entryDate: p.entryDate, reason: p.reason });
    lines.set(key, withEntry(before, 'carry_in', p.amount));
    entries.push(
      newEntry(tx, {
        programYearId: py.id,
        fiscalYear: year + 1,
        expenseItem: p.expenseItem,
        kind: 'carry_in',
        amount: p.amount,
        entryDate: p.entryDate,
        reason: p.reason,
        carryType: p.carryType,
        transferId: null,
        reversalOfId: null,
        sourceRef: p.sourceRef,
        createdById: ctx.actor.id,
        createdAt: new Date(),
      }),
    );
  }
  const ids = await insertEntries(tx, entries);
  for (const [i, e] of entries.entries()) {
    await audit(tx, ctx, { action: 'ledger.carry_in', entity: 'ledger_entry', entityId: ids[i], after: { ...e, id: ids[i] } });
  }
  assertCarryIdentity(year, await carryLines(tx, year));
  return result;
}

/**
 * Closes a fiscal year: from then on it is read-only. Its standing 차년이월 become the 전년이월 of the
 * next year in the same transaction (carryIntoNextYear). `at` dates the closing (the seeds date
 * theirs after the documents); pass `em` to close inside the caller's transaction.
 */
export async function closeYear(
  ds: DataSource,
  ctx: RequestContext,
  year: number,
  options: { em?: EntityManager; at?: Date } = {},
): Promise<FiscalYear & { carriedOver: CarriedOver }> {
  return within(ds, options.em, async (tx) => {
    const fy = assertYearClosable(await lockFiscalYear(tx, year), year);
    const before = { ...fy };
    const carriedOver = await carryIntoNextYear(tx, ctx, year);
    fy.status = 'closed';
    fy.closedAt = options.at ?? new Date();
    fy.closedById = ctx.actor.id;
    await saveFiscalYear(tx, fy);
    await audit(tx, ctx, { action: 'fiscal_year.close', entity: 'fiscal_year', entityId: year, before, after: { ...fy, carriedOver } });
    return { ...fy, carriedOver };
  });
}
