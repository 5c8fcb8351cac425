import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Brackets } from 'typeorm';
import { Consignment, ContractTerm, Operator } from '../../entities/consignment';
import { Inspection } from '../../entities/inspection';
import { Program } from '../../entities/program';
import { ProgramYear } from '../../entities/program-year';
import { containsPattern, LIKE_ESCAPE, whereInScope } from './grid';

/** The one search box: programs, consignments, operators and inspections by name or code, within a scope. */

export interface SearchHit {
  id: number;
  code: string | null;
  name: string;
  /** what the hit belongs to or opens (a consignment for an operator, a year for a program) */
  context: string | null;
  targetId: number;
}

const LIMIT = 20;

function matching<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, exprs: string[], text: string): SelectQueryBuilder<T> {
  return qb.andWhere(
    new Brackets((w) => {
      for (const e of exprs) w.orWhere(`${e} LIKE :sq ${LIKE_ESCAPE}`, { sq: containsPattern(text) });
    }),
  );
}

const hits = (rows: Record<string, unknown>[]): SearchHit[] =>
  rows.map((r) => ({
    id: Number(r.id),
    code: r.code === null || r.code === undefined ? null : String(r.code),
    name: String(r.name),
    context: r.context === null || r.context === undefined ? null : String(r.context),
    targetId: Number(r.targetId),
  }));

/** Programs with a program-year among `programYearIds` (null: all); the hit opens its latest program-year. */
export async function searchPrograms(em: EntityManager, programYearIds: Set<number> | null, text: string): Promise<SearchHit[]> {
  const qb = em
    .createQueryBuilder()
    .from(Program, 'p')
    .innerJoin(ProgramYear, 'py', 'py.program_id = p.id')
    .select('p.id', 'id')
    .addSelect('p.code', 'code')
    .addSelect('p.name', 'name')
    .addSelect('MAX(py.fiscal_year)', 'context')
    .addSelect('MAX(py.id)', 'targetId');
  whereInScope(qb, 'py.id', programYearIds);
  matching(qb, ['p.name', 'p.code', 'py.name'], text);
  return hits(await qb.groupBy('p.id').addGroupBy('p.code').addGroupBy('p.name').orderBy('p.name', 'ASC').limit(LIMIT).getRawMany());
}

/** Consignments owned by `units` (null: all). */
export async function searchConsignments(em: EntityManager, units: Set<number> | null, text: string): Promise<SearchHit[]> {
  const qb = em
    .createQueryBuilder()
    .from(Consignment, 'c')
    .select('c.id', 'id')
    .addSelect('c.code', 'code')
    .addSelect('c.name', 'name')
    .addSelect('c.expense_item', 'context')
    .addSelect('c.id', 'targetId');
  whereInScope(qb, 'c.org_unit_id', units);
  matching(qb, ['c.name', 'c.code'], text);
  return hits(await qb.orderBy('c.name', 'ASC').limit(LIMIT).getRawMany());
}

/** Operators that run (or ran) a consignment owned by `units` (null: all); the hit opens the consignment. */
export async function searchOperators(em: EntityManager, units: Set<number> | null, text: string): Promise<SearchHit[]> {
  const qb = em
    .createQueryBuilder()
    .from(Operator, 'o')
    .innerJoin(ContractTerm, 't', 't.operator_id = o.id')
    .innerJoin(Consignment, 'c', 'c.id = t.consignment_id')
    .select('o.id', 'id')
    .addSelect('o.registration_number', 'code')
    .addSelect('o.name', 'name')
    .addSelect('c.name', 'context')
    .addSelect('c.id', 'targetId')
    .distinct(true);
  whereInScope(qb, 'c.org_unit_id', units);
  matching(qb, ['o.name', 'o.registration_number', 'o.representative'], text);
  return hits(await qb.orderBy('o.name', 'ASC').limit(LIMIT).getRawMany());
}

/** Inspections of consignments owned by `units` (null: all), by title or document number. */
export async function searchInspections(em: EntityManager, units: Set<number> | null, text: string): Promise<SearchHit[]> {
  const qb = em
    .createQueryBuilder()
    .from(Inspection, 'i')
    .innerJoin(Consignment, 'c', 'c.id = i.consignment_id')
    .select('i.id', 'id')
    .addSelect('i.document_number', 'code')
    .addSelect('i.title', 'name')
    .addSelect('c.name', 'context')
    .addSelect('i.id', 'targetId');
  whereInScope(qb, 'c.org_unit_id', units);
  matching(qb, ['i.title', 'i.document_number', 'c.name'], text);
  return hits(await qb.orderBy('i.fiscal_year', 'DESC').addOrderBy('i.id', 'DESC').limit(LIMIT).getRawMany());
}
