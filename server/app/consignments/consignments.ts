import type { DataSource, EntityManager } from 'typeorm';
import { Consignment, ConsignmentType, ContractTerm, FundingType, Operator, SelectionMethod } from '../../../entities/consignment';
import { ConsentKind, ConsentResult, ConsignmentConsent, ConsignmentStaff } from '../../../entities/consignment-records';
import { Program } from '../../../entities/program';
import { notFound } from '../../../domain/errors';
import {
  assertContractTerm,
  assertConsentDates,
  assertNewBill,
  assertNewConsignment,
  assertNewOperator,
  assertStaffCount,
} from '../../../domain/consignment-records';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { assertOrgAccess } from '../../access/scope';
import { orgUnitByCode } from '../../store/org-units/org-units';
import { programByCode } from '../../store/programs/programs';
import { resolveConsignment } from '../../store/consignments/consignment-ref';
import {
  consentForBill,
  consignmentCoded,
  insertConsent,
  insertConsignment,
  insertOperator,
  insertStaff,
  operatorByRef,
  operatorNamed,
  staffOfYear,
} from '../../store/consignments/consignments';
import { insertContractTerm, termStarting } from '../../store/consignments/contract-terms';

// ---------------------------------------------------------------------------------------------
// Operators

export interface OperatorInput {
  name: string;
  registrationNumber?: string | null;
  representative?: string | null;
  note?: string | null;
}

export async function createOperator(ds: DataSource, ctx: RequestContext, input: OperatorInput, em?: EntityManager): Promise<Operator> {
  return within(ds, em, async (tx) => {
    assertNewOperator(input.name, await operatorNamed(tx, input.name));
    const op = await insertOperator(tx, {
      name: input.name,
      registrationNumber: input.registrationNumber ?? null,
      representative: input.representative ?? null,
      note: input.note ?? null,
    });
    await audit(tx, ctx, { action: 'operator.create', entity: 'operator', entityId: op.id, after: op });
    return op;
  });
}

// ---------------------------------------------------------------------------------------------
// Consignments, contract terms, consents, staff

export interface ConsignmentInput {
  code: string;
  name: string;
  consignmentType: ConsignmentType;
  fundingType: FundingType;
  legalBasis?: string | null;
  orgCode: string;
  programCode?: string | null;
  expenseItem?: string;
  location?: string | null;
  startedOn?: string | null;
  note?: string | null;
}

export async function createConsignment(
  ds: DataSource,
  ctx: RequestContext,
  input: ConsignmentInput,
  em?: EntityManager,
): Promise<Consignment> {
  return within(ds, em, async (tx) => {
    const org = await orgUnitByCode(tx, input.orgCode, 'orgCode');
    await assertOrgAccess(tx, ctx, org.id);
    assertNewConsignment(input, await consignmentCoded(tx, input.code));
    const program: Program | null = input.programCode ? await programByCode(tx, input.programCode, 'programCode') : null;
    const c = await insertConsignment(tx, {
      code: input.code,
      name: input.name,
      consignmentType: input.consignmentType,
      fundingType: input.fundingType,
      legalBasis: input.legalBasis ?? null,
      orgUnitId: org.id,
      programId: program?.id ?? null,
      expenseItem: input.expenseItem ?? '민간위탁금',
      location: input.location ?? null,
      startedOn: input.startedOn ?? null,
      note: input.note ?? null,
      createdAt: new Date(),
    });
    await audit(tx, ctx, { action: 'consignment.create', entity: 'consignment', entityId: c.id, after: c });
    return c;
  });
}

export interface ContractTermInput {
  operator: string | number;
  startDate: string;
  endDate: string;
  selectionMethod: SelectionMethod;
  renewalCount?: number;
  recordedScore?: string | null;
  evaluatedBy?: string | null;
  periodLabel?: string | null;
  note?: string | null;
}

export async function addContractTerm(
  ds: DataSource,
  ctx: RequestContext,
  consignmentRef: string | number,
  input: ContractTermInput,
  em?: EntityManager,
): Promise<ContractTerm> {
  return within(ds, em, async (tx) => {
    const c = await resolveConsignment(tx, consignmentRef);
    await assertOrgAccess(tx, ctx, c.orgUnitId);
    const op = await operatorByRef(tx, input.operator);
    assertContractTerm(input, await termStarting(tx, c.id, input.startDate));
    const term = await insertContractTerm(tx, {
      consignmentId: c.id,
      operatorId: op.id,
      startDate: input.startDate,
      endDate: input.endDate,
      selectionMethod: input.selectionMethod,
      renewalCount: input.renewalCount ?? 0,
      recordedScore: input.recordedScore ?? null,
      evaluatedBy: input.evaluatedBy ?? null,
      periodLabel: input.periodLabel ?? null,
      note: input.note ?? null,
    });
    await audit(tx, ctx, { action: 'consignment.term', entity: 'contract_term', entityId: term.id, after: term });
    return term;
  });
}

export interface ConsentInput {
  kind: ConsentKind;
  billNumber: string;
  contractTermStart?: string | null;
  submittedOn?: string | null;
  referredOn?: string | null;
  decidedOn?: string | null;
  result?: ConsentResult;
  note?: string | null;
}

export async function recordConsent(
  ds: DataSource,
  ctx: RequestContext,
  consignmentRef: string | number,
  input: ConsentInput,
  em?: EntityManager,
): Promise<ConsignmentConsent> {
  return within(ds, em, async (tx) => {
    const c = await resolveConsignment(tx, consignmentRef);
    await assertOrgAccess(tx, ctx, c.orgUnitId);
    const result = input.result ?? 'pending';
    assertConsentDates({ ...input, result });
    let termId: number | null = null;
    if (input.contractTermStart) {
      const term = await termStarting(tx, c.id, input.contractTermStart);
      if (!term)
        throw notFound(
          `Contract term starting ${input.contractTermStart}`,
          `${input.contractTermStart} 시작 계약기간`,
          'contractTermStart',
        );
      termId = term.id;
    }
    assertNewBill(input.billNumber, await consentForBill(tx, c.id, input.billNumber));
    const consent = await insertConsent(tx, {
      consignmentId: c.id,
      contractTermId: termId,
      kind: input.kind,
      billNumber: input.billNumber,
      submittedOn: input.submittedOn ?? null,
      referredOn: input.referredOn ?? null,
      decidedOn: input.decidedOn ?? null,
      result,
      note: input.note ?? null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await audit(tx, ctx, { action: 'consignment.consent', entity: 'consignment_consent', entityId: consent.id, after: consent });
    return consent;
  });
}

export async function recordStaff(
  ds: DataSource,
  ctx: RequestContext,
  consignmentRef: string | number,
  input: { year: number; headcount: number; note?: string | null },
  em?: EntityManager,
): Promise<ConsignmentStaff> {
  return within(ds, em, async (tx) => {
    const c = await resolveConsignment(tx, consignmentRef);
    await assertOrgAccess(tx, ctx, c.orgUnitId);
    assertStaffCount(input, await staffOfYear(tx, c.id, input.year));
    const row = await insertStaff(tx, { consignmentId: c.id, year: input.year, headcount: input.headcount, note: input.note ?? null });
    await audit(tx, ctx, { action: 'consignment.staff', entity: 'consignment_staff', entityId: row.id, after: row });
    return row;
  });
}
