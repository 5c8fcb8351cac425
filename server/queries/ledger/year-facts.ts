import { EntityManager } from 'typeorm';
import { Appropriation } from '../../../entities/appropriation';
import { BudgetTransfer } from '../../../entities/budget-transfer';
import { EntryKind, LedgerEntry } from '../../../entities/ledger-entry';
import { OrgUnit } from '../../../entities/org-unit';
import { Program } from '../../../entities/program';
import { ProgramYear } from '../../../entities/program-year';
import { lineFigures } from '../../../domain/ledger';
import { OrgNode, ProgramYearFacts } from '../../../domain/settlement';

/**
 * Everything a year's roll-ups need, in four queries whatever the size of the ledger: program-years,
 * appropriations summed, entries summed by kind, and whole-program 이체 (which move a program to
 * another department).
 */
export async function loadYearFacts(em: EntityManager, year: number): Promise<{ orgs: OrgNode[]; programs: ProgramYearFacts[] }> {
  // Raw rows, not entities: a city-scale year has tens of thousands of program-years, and this
  // runs for every settlement report.
  const pys = await em
    .getRepository(ProgramYear)
    .createQueryBuilder('py')
    .innerJoin(Program, 'p', 'p.id = py.programId')
    .select([
      'py.id AS id',
      'py.orgUnitId AS org',
      'py.parentId AS parent',
      'py.name AS name',
      'py.sortOrder AS sort',
      'py.priorYearBasis AS basis',
      'p.code AS code',
      'p.kind AS kind',
      'p.account AS account',
    ])
    .where('py.fiscalYear = :year', { year })
    .getRawMany<{
      id: number;
      org: number;
      parent: number | null;
      name: string;
      sort: number;
      basis: string | number | null;
      code: string;
      kind: ProgramYearFacts['kind'];
      account: ProgramYearFacts['account'];
    }>();
  const apps = await em
    .getRepository(Appropriation)
    .createQueryBuilder('a')
    .innerJoin(ProgramYear, 'py', 'py.id = a.programYearId')
    .select('a.programYearId', 'id')
    .addSelect('SUM(a.amount)', 'amount')
    .where('py.fiscalYear = :year', { year })
    .groupBy('a.programYearId')
    .getRawMany<{ id: number; amount: string | number }>();
  const entrySums = await em
    .getRepository(LedgerEntry)
    .createQueryBuilder('e')
    .select('e.programYearId', 'id')
    .addSelect('e.kind', 'kind')
    .addSelect('SUM(e.amount)', 'amount')
    .where('e.fiscalYear = :year', { year })
    .groupBy('e.programYearId')
    .addGroupBy('e.kind')
    .getRawMany<{ id: number; kind: EntryKind; amount: string | number }>();
  const moves = await em
    .getRepository(BudgetTransfer)
    .find({ where: { fiscalYear: year, kind: 'org' }, order: { transferDate: 'ASC', id: 'ASC' } });
  const reversed = new Set(moves.filter((m) => m.reversalOfId !== null).map((m) => m.reversalOfId));
  const orgOf = new Map<number, number>();
  for (const m of moves)
    if (m.fromProgramYearId === m.toProgramYearId && m.reversalOfId === null && !reversed.has(m.id) && m.toOrgUnitId)
      orgOf.set(m.fromProgramYearId, m.toOrgUnitId);

  const appBy = new Map(apps.map((a) => [Number(a.id), Number(a.amount)]));
  const entriesBy = new Map<number, { kind: EntryKind; amount: number }[]>();
  for (const s of entrySums) {
    const list = entriesBy.get(Number(s.id)) ?? [];
    list.push({ kind: s.kind, amount: Number(s.amount) });
    entriesBy.set(Number(s.id), list);
  }
  const facts: ProgramYearFacts[] = pys.map((py) => {
    const id = Number(py.id);
    return {
      id,
      programCode: py.code,
      name: py.name,
      kind: py.kind,
      account: py.account,
      orgUnitId: orgOf.get(id) ?? Number(py.org),
      parentId: py.parent === null ? null : Number(py.parent),
      sortOrder: Number(py.sort),
      figures: lineFigures(appBy.get(id) ?? 0, entriesBy.get(id) ?? []),
      priorYearBasis: py.basis === null ? null : Number(py.basis),
    };
  });
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const orgs = (await em.getRepository(OrgUnit).find({ order: { id: 'ASC' } }))
    .filter((o) => o.validFrom <= yearEnd && (!o.validTo || o.validTo >= yearStart))
    .map((o) => ({ id: o.id, code: o.code, name: o.name, level: o.level, parentId: o.parentId }));
  return { orgs, programs: facts };
}
