import type { EntityManager } from 'typeorm';
import type { EntryKind } from '../../../entities/ledger-entry';
import type { BudgetTransfer } from '../../../entities/budget-transfer';
import { lineFigures } from '../../../domain/ledger';
import { OrgNode, ProgramYearFacts } from '../../../domain/settlement';
import { appropriationSumsOf, entrySumsOf, orgTransfersOf, programYearRowsOf, ProgramYearRow } from '../../store/ledger/year-facts';
import { orgUnitsById } from '../../store/org-units/org-units';

/** program-year id → the department a whole-program 이체 (not reversed) moved it to. */
export function movedPrograms(moves: BudgetTransfer[]): Map<number, number> {
  const reversed = new Set(moves.filter((m) => m.reversalOfId !== null).map((m) => m.reversalOfId));
  const orgOf = new Map<number, number>();
  for (const m of moves)
    if (m.fromProgramYearId === m.toProgramYearId && m.reversalOfId === null && !reversed.has(m.id) && m.toOrgUnitId)
      orgOf.set(m.fromProgramYearId, m.toOrgUnitId);
  return orgOf;
}

/** The moves of a year (few: whole-program 이체), as `movedPrograms` reads them. */
export async function yearMoves(em: EntityManager, year: number): Promise<Map<number, number>> {
  return movedPrograms(await orgTransfersOf(em, year));
}

/**
 * Program-year rows with their sums → facts (figures from domain/ledger). The one mapping, used by
 * the whole-year read below and by the paged reads of the streamed reports.
 */
export function factsOf(
  pys: ProgramYearRow[],
  apps: { id: number; amount: string | number }[],
  entrySums: { id: number; kind: EntryKind; amount: string | number }[],
  orgOf: Map<number, number>,
): ProgramYearFacts[] {
  const appBy = new Map(apps.map((a) => [Number(a.id), Number(a.amount)]));
  const entriesBy = new Map<number, { kind: EntryKind; amount: number }[]>();
  for (const s of entrySums) {
    const list = entriesBy.get(Number(s.id)) ?? [];
    list.push({ kind: s.kind, amount: Number(s.amount) });
    entriesBy.set(Number(s.id), list);
  }
  return pys.map((py) => {
    const id = Number(py.id);
    return {
      id,
      programCode: py.code,
      name: py.name,
      kind: py.kind,
      account: py.account,
      accountId: py.acct === null || py.acct === undefined ? null : Number(py.acct),
      orgUnitId: orgOf.get(id) ?? Number(py.org),
      parentId: py.parent === null ? null : Number(py.parent),
      sortOrder: Number(py.sort),
      figures: lineFigures(appBy.get(id) ?? 0, entriesBy.get(id) ?? []),
      priorYearBasis: py.basis === null ? null : Number(py.basis),
    };
  });
}

/** The organisation units that existed in a year. */
export async function orgsOfYear(em: EntityManager, year: number): Promise<OrgNode[]> {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  return (await orgUnitsById(em))
    .filter((o) => o.validFrom <= yearEnd && (!o.validTo || o.validTo >= yearStart))
    .map((o) => ({ id: o.id, code: o.code, name: o.name, level: o.level, parentId: o.parentId }));
}

/**
 * Everything a year's roll-ups need, in four queries whatever the size of the ledger: program-years,
 * appropriations summed, entries summed by kind, and whole-program 이체 (which move a program to
 * another department).
 */
export async function loadYearFacts(
  em: EntityManager,
  year: number,
  options: { upTo?: string } = {},
): Promise<{ orgs: OrgNode[]; programs: ProgramYearFacts[] }> {
  const pys = await programYearRowsOf(em, year);
  const apps = await appropriationSumsOf(em, year);
  // upTo: only entries dated up to that day (회계별 집행 현황 as of a date)
  const entrySums = await entrySumsOf(em, year, options.upTo);
  const orgOf = await yearMoves(em, year);
  return { orgs: await orgsOfYear(em, year), programs: factsOf(pys, apps, entrySums, orgOf) };
}
