import type { EntityManager } from 'typeorm';
import { Consignment, Operator } from '../../../entities/consignment';
import { ConsignmentConsent, ConsignmentStaff } from '../../../entities/consignment-records';
import { Appropriation } from '../../../entities/appropriation';
import { OrgUnit } from '../../../entities/org-unit';
import { Program } from '../../../entities/program';
import { ProgramYear } from '../../../entities/program-year';
import { notFound } from '../../../domain/errors';

// ---------------------------------------------------------------------------------------------
// Operators (수탁기관)

export async function operatorNamed(em: EntityManager, name: string): Promise<Operator | null> {
  return em.getRepository(Operator).findOneBy({ name });
}

export async function insertOperator(em: EntityManager, values: Omit<Operator, 'id'>): Promise<Operator> {
  const op = em.getRepository(Operator).create(values);
  await em.save(op);
  return op;
}

/** An operator by its id (digits) or exact name, or a refusal naming `field`. */
export async function operatorByRef(em: EntityManager, ref: string | number, field = 'operator'): Promise<Operator> {
  const text = String(ref).trim();
  const repo = em.getRepository(Operator);
  let op: Operator | null = null;
  if (/^\d{1,10}$/.test(text)) op = await repo.findOneBy({ id: Number(text) });
  op ??= await repo.findOneBy({ name: text });
  if (!op) throw notFound(`Operator ${text}`, `수탁기관 ${text}`, field);
  return op;
}

export async function operatorById(em: EntityManager, id: number): Promise<Operator> {
  return em.getRepository(Operator).findOneByOrFail({ id });
}

export async function allOperators(em: EntityManager): Promise<Operator[]> {
  return em.getRepository(Operator).find({ order: { name: 'ASC' } });
}

// ---------------------------------------------------------------------------------------------
// Consignments and their records

export async function consignmentCoded(em: EntityManager, code: string): Promise<Consignment | null> {
  return em.getRepository(Consignment).findOneBy({ code });
}

export async function insertConsignment(em: EntityManager, values: Omit<Consignment, 'id'>): Promise<Consignment> {
  const c = em.getRepository(Consignment).create(values);
  await em.save(c);
  return c;
}

export async function allConsignments(em: EntityManager): Promise<Consignment[]> {
  return em.getRepository(Consignment).find({ order: { code: 'ASC' } });
}

export async function consentForBill(em: EntityManager, consignmentId: number, billNumber: string): Promise<ConsignmentConsent | null> {
  return em.getRepository(ConsignmentConsent).findOneBy({ consignmentId, billNumber });
}

export async function insertConsent(em: EntityManager, values: Omit<ConsignmentConsent, 'id'>): Promise<ConsignmentConsent> {
  const consent = em.getRepository(ConsignmentConsent).create(values);
  await em.save(consent);
  return consent;
}

export async function consentsOf(em: EntityManager, consignmentId: number): Promise<ConsignmentConsent[]> {
  return em.getRepository(ConsignmentConsent).find({ where: { consignmentId }, order: { submittedOn: 'ASC', id: 'ASC' } });
}

export async function staffOfYear(em: EntityManager, consignmentId: number, year: number): Promise<ConsignmentStaff | null> {
  return em.getRepository(ConsignmentStaff).findOneBy({ consignmentId, year });
}

export async function insertStaff(em: EntityManager, values: Omit<ConsignmentStaff, 'id'>): Promise<ConsignmentStaff> {
  const row = em.getRepository(ConsignmentStaff).create(values);
  await em.save(row);
  return row;
}

export async function staffOf(em: EntityManager, consignmentId: number): Promise<ConsignmentStaff[]> {
  return em.getRepository(ConsignmentStaff).find({ where: { consignmentId }, order: { year: 'ASC' } });
}

// ---------------------------------------------------------------------------------------------
// What a consignment's views show of the department and the program that fund it

export async function departmentOf(em: EntityManager, c: Pick<Consignment, 'orgUnitId'>): Promise<OrgUnit | null> {
  return em.getRepository(OrgUnit).findOneBy({ id: c.orgUnitId });
}

export async function fundingProgramOf(em: EntityManager, c: Pick<Consignment, 'programId'>): Promise<Program | null> {
  return c.programId ? em.getRepository(Program).findOneBy({ id: c.programId }) : null;
}

/** The program-years of a consignment's funding program, by year. */
export async function fundingProgramYearsOf(em: EntityManager, c: Pick<Consignment, 'programId'>): Promise<ProgramYear[]> {
  if (c.programId === null) return [];
  return em.getRepository(ProgramYear).find({ where: { programId: c.programId }, order: { fiscalYear: 'ASC' } });
}

/** The appropriation (본예산) of a funding line. */
export async function appropriationOf(em: EntityManager, programYearId: number, expenseItem: string): Promise<Appropriation | null> {
  return em.getRepository(Appropriation).findOneBy({ programYearId, expenseItem });
}

/** Every consignment, by name (the dashboard, the inspection form's choices). */
export async function consignmentsByName(em: EntityManager): Promise<Consignment[]> {
  return em.getRepository(Consignment).find({ order: { name: 'ASC' } });
}
