import { EntityManager, In } from 'typeorm';
import { Appropriation } from '../../entities/appropriation';
import { BudgetTransfer } from '../../entities/budget-transfer';
import { EntryKind, LedgerEntry } from '../../entities/ledger-entry';
import { OrgUnit } from '../../entities/org-unit';
import { Program } from '../../entities/program';
import { ProgramYear } from '../../entities/program-year';
import { lineFigures } from '../../domain/ledger';
import { OrgNode, ProgramYearFacts } from '../../domain/settlement';

/**
 * Everything a year's roll-ups need, in four queries whatever the size of the ledger: program-years,
 * appropriations summed, entries summed by kind, and whole-program 이체 (which move a program to
 * another department).
 */
export async function loadYearFacts(em: EntityManager, year: number): Promise<{ orgs: OrgNode[]; programs: ProgramYearFacts[] }> {
  const pys = await em.getRepository(ProgramYear).find({ where: { fiscalYear: year } });
  const programs = pys.length ? await em.getRepository(Program).findBy({ id: In([...new Set(pys.map((p) => p.programId))]) }) : [];
  const programById = new Map(programs.map((p) => [p.id, p]));
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
  const moves = await em.getRepository(BudgetTransfer).find({ where: { fiscalYear: year, kind: 'org' }, order: { transferDate: 'ASC', id: 'ASC' } });
  const reversed = new Set(moves.filter((m) => m.reversalOfId !== null).map((m) => m.reversalOfId));
  const orgOf = new Map<number, number>();
  for (const m of moves) if (m.fromProgramYearId === m.toProgramYearId && m.reversalOfId === null && !reversed.has(m.id) && m.toOrgUnitId) orgOf.set(m.fromProgramYearId, m.toOrgUnitId);

  const appBy = new Map(apps.map((a) => [Number(a.id), Number(a.amount)]));
  const entriesBy = new Map<number, { kind: EntryKind; amount: number }[]>();
  for (const s of entrySums) {
    const list = entriesBy.get(Number(s.id)) ?? [];
    list.push({ kind: s.kind, amount: Number(s.amount) });
    entriesBy.set(Number(s.id), list);
  }
  const facts: ProgramYearFacts[] = pys.map((py) => {
    const program = programById.get(py.programId)!;
    return {
      id: py.id,
      programCode: program.code,
      name: py.name,
      kind: program.kind,
      account: program.account,
      orgUnitId: orgOf.get(py.id) ?? py.orgUnitId,
      parentId: py.parentId,
      sortOrder: py.sortOrder,
      figures: lineFigures(appBy.get(py.id) ?? 0, entriesBy.get(py.id) ?? []),
      priorYearBasis: py.priorYearBasis,
    };
  });
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const orgs = (await em.getRepository(OrgUnit).find({ order: { id: 'ASC' } }))
    .filter((o) => o.validFrom <= yearEnd && (!o.validTo || o.validTo >= yearStart))
    .map((o) => ({ id: o.id, code: o.code, name: o.name, level: o.level, parentId: o.parentId }));
  return { orgs, programs: facts };
}
