import type { DataSource, EntityManager } from 'typeorm';
import { Consignment, ConsignmentType, ContractTerm, FundingType, Operator, SelectionMethod } from '../../../entities/consignment';
import { ConsentKind, ConsentResult, ConsignmentConsent, ConsignmentStaff } from '../../../entities/consignment-records';
import { Program } from '../../../entities/program';
import { conflict, invalid, notFound } from '../../../domain/errors';
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
  insertContractTerm,
  insertOperator,
  insertStaff,
  operatorByRef,
  operatorNamed,
  staffOfYear,
  termStarting,
} from '../../store/consignments/consignments';

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
    if (await operatorNamed(tx, input.name)) {
      throw conflict('duplicate_operator', `Operator ${input.name} exists`, `수탁기관 ${input.name}이(가) 이미 있습니다`, 'name');
    }
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
    if (await consignmentCoded(tx, input.code)) {
      throw conflict('duplicate_code', `Consignment code ${input.code} exists`, `위탁사무 코드 ${input.code}가 이미 있습니다`, 'code');
    }
    if (input.fundingType === 'budget' && !input.programCode) {
      throw invalid(
        'programCode',
        'required',
        'A budget-funded consignment names the program that funds it',
        '예산지원형 위탁사무는 재원 사업을 지정해야 합니다',
      );
    }
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
    if (input.endDate < input.startDate)
      throw invalid('endDate', 'afterStartDate', 'endDate is before startDate', '계약 종료일이 시작일보다 앞섭니다');
    if (input.selectionMethod !== 'renewal' && (input.renewalCount ?? 0) !== 0) {
      throw invalid('renewalCount', 'renewalOnly', 'Only a renewal (재계약) carries a renewal count', '재계약만 재계약 횟수를 가집니다');
    }
    if (await termStarting(tx, c.id, input.startDate)) {
      throw conflict(
        'duplicate_term',
        `A term starting ${input.startDate} exists`,
        `${input.startDate}에 시작하는 계약기간이 이미 있습니다`,
        'startDate',
      );
    }
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
    const dates = [input.submittedOn, input.referredOn, input.decidedOn].filter((d): d is string => !!d);
    if (dates.some((d, i) => i > 0 && d < dates[i - 1])) {
      throw invalid('decidedOn', 'dateOrder', 'submitted ≤ referred ≤ decided', '제출일 ≤ 회부일 ≤ 의결일 순서여야 합니다');
    }
    const result = input.result ?? 'pending';
    if (result !== 'pending' && !input.decidedOn)
      throw invalid('decidedOn', 'required', 'A decided bill needs its decision date', '의결 결과에는 의결일이 필요합니다');
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
    if (await consentForBill(tx, c.id, input.billNumber)) {
      throw conflict(
        'duplicate_bill',
        `Bill ${input.billNumber} is recorded`,
        `의안 ${input.billNumber}이(가) 이미 있습니다`,
        'billNumber',
      );
    }
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
    if (!Number.isInteger(input.headcount) || input.headcount < 0)
      throw invalid('headcount', 'nonNegative', 'headcount must be ≥ 0', '인원은 0 이상이어야 합니다');
    if (await staffOfYear(tx, c.id, input.year)) {
      throw conflict('duplicate_staff_year', `Headcount for ${input.year} is recorded`, `${input.year}년 인원이 이미 있습니다`, 'year');
    }
    const row = await insertStaff(tx, { consignmentId: c.id, year: input.year, headcount: input.headcount, note: input.note ?? null });
    await audit(tx, ctx, { action: 'consignment.staff', entity: 'consignment_staff', entityId: row.id, after: row });
    return row;
  });
}
