import type { EntityManager } from 'typeorm';
import { Consignment, ConsignmentType, FundingType, SelectionMethod } from '../../../entities/consignment';
import { Operator } from '../../../entities/consignment';
import { DomainError } from '../../../domain/errors';
import { RequestContext } from '../../context';
import { assertOrgAccess } from '../../access/scope';
import { resolveConsignment } from '../../store/consignments/consignment-ref';
import {
  allConsignments,
  allOperators,
  appropriationOf,
  consentsOf,
  departmentOf,
  fundingProgramOf,
  fundingProgramYearsOf,
  operatorById,
  staffOf,
} from '../../store/consignments/consignments';
import { contractTermsOf, termOn } from '../../store/consignments/contract-terms';
import { fundingLineFigures } from './funding-line';

export { termOn };

export const SELECTION_METHOD_KO: Record<SelectionMethod, string> = { open: '공개모집', renewal: '재계약', retender: '재위탁(공모)' };
export const CONSIGNMENT_TYPE_KO: Record<ConsignmentType, string> = { office: '사무형', facility: '시설형' };
export const FUNDING_TYPE_KO: Record<FundingType, string> = { budget: '예산지원형', self: '자립형' };

/**
 * Who may read a consignment: council staff and administrators all of them; budget officers and
 * inspectors only their own department's.
 */
export async function assertConsignmentRead(em: EntityManager, ctx: RequestContext, c: Consignment): Promise<void> {
  await assertOrgAccess(em, ctx, c.orgUnitId);
}

/** A consignment the reader may see, by id, code or exact name. */
export async function readableConsignment(
  em: EntityManager,
  ctx: RequestContext,
  ref: string | number,
  field = 'consignment',
): Promise<Consignment> {
  const c = await resolveConsignment(em, ref, field);
  await assertConsignmentRead(em, ctx, c);
  return c;
}

export interface ConsignmentSummary {
  id: number;
  code: string;
  name: string;
  consignmentType: ConsignmentType;
  fundingType: FundingType;
  department: { code: string; name: string } | null;
  program: { code: string; name: string } | null;
  expenseItem: string;
}

async function summary(em: EntityManager, c: Consignment): Promise<ConsignmentSummary> {
  const org = await departmentOf(em, c);
  const program = await fundingProgramOf(em, c);
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    consignmentType: c.consignmentType,
    fundingType: c.fundingType,
    department: org ? { code: org.code, name: org.name } : null,
    program: program ? { code: program.code, name: program.name } : null,
    expenseItem: c.expenseItem,
  };
}

/** Consignments the actor may read (department-scoped roles see their own department's). */
export async function listConsignments(em: EntityManager, ctx: RequestContext): Promise<ConsignmentSummary[]> {
  const all = await allConsignments(em);
  const out: ConsignmentSummary[] = [];
  for (const c of all) {
    try {
      await assertConsignmentRead(em, ctx, c);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'forbidden') continue;
      throw err;
    }
    out.push(await summary(em, c));
  }
  return out;
}

/** A consignment with its whole history: terms, operators, consents, staff and budget by year. */
export async function consignmentDetail(em: EntityManager, ctx: RequestContext, ref: string | number) {
  const c = await readableConsignment(em, ctx, ref, 'ref');
  const terms = await contractTermsOf(em, c.id);
  const operators = new Map<number, Operator>();
  for (const t of terms) if (!operators.has(t.operatorId)) operators.set(t.operatorId, await operatorById(em, t.operatorId));
  const consents = await consentsOf(em, c.id);
  const staff = await staffOf(em, c.id);
  const budgetByYear: { fiscalYear: number; appropriation: number; currentBudget: number; executed: number }[] = [];
  for (const py of await fundingProgramYearsOf(em, c)) {
    const app = await appropriationOf(em, py.id, c.expenseItem);
    const f = await fundingLineFigures(em, py.id, c.expenseItem);
    budgetByYear.push({ fiscalYear: py.fiscalYear, appropriation: app?.amount ?? 0, currentBudget: f.current, executed: f.executed });
  }
  return {
    ...(await summary(em, c)),
    legalBasis: c.legalBasis,
    location: c.location,
    startedOn: c.startedOn,
    note: c.note,
    contractTerms: terms.map((t) => ({
      id: t.id,
      startDate: t.startDate,
      endDate: t.endDate,
      periodLabel: t.periodLabel,
      operator: { id: t.operatorId, name: operators.get(t.operatorId)!.name, representative: operators.get(t.operatorId)!.representative },
      selectionMethod: t.selectionMethod,
      selectionMethodKo: SELECTION_METHOD_KO[t.selectionMethod],
      renewalCount: t.renewalCount,
      recordedScore: t.recordedScore,
      evaluatedBy: t.evaluatedBy,
      note: t.note,
    })),
    consents,
    staff,
    budgetByYear,
  };
}

/** The consignment and year a report is about, after checking the reader may see it: who held it that year, which department owns it. */
export async function consignmentYearSubject(em: EntityManager, ctx: RequestContext, ref: string, year: number) {
  const c = await readableConsignment(em, ctx, ref, 'consignment');
  const holder = (await termOn(em, c.id, `${year}-12-31`)) ?? (await termOn(em, c.id, `${year}-01-01`));
  const dept = await departmentOf(em, c);
  return { c, year, holder, dept };
}

/** 수탁기관, by name. */
export function listOperators(em: EntityManager): Promise<Operator[]> {
  return allOperators(em);
}
