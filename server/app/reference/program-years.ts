import type { DataSource, EntityManager } from 'typeorm';
import type { Appropriation } from '../../../entities/appropriation';
import type { ProgramYear } from '../../../entities/program-year';
import { notFound } from '../../../domain/errors';
import { checkBasis } from '../../../domain/basis';
import {
  assertAppropriable,
  assertNewAppropriation,
  assertNewProgramYear,
  assertOrgExistsInYear,
  assertPolicyParent,
} from '../../../domain/reference';
import { assertAccountInYear } from '../../../domain/accounts';
import { RequestContext } from '../../context';
import { accountById } from '../../store/accounts/accounts';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { orgUnitByCode } from '../../store/org-units/org-units';
import { programByCode, programById } from '../../store/programs/programs';
import { findProgramYear, insertProgramYear, lockProgramYear } from '../../store/programs/program-years';
import { findAppropriation, insertAppropriation, insertBasisLines } from '../../store/programs/appropriations';
import { assertOrgAccess } from '../../access/scope';
import { assertYearOpen } from '../ledger/fiscal-years';
import { assertWritable } from '../ledger/writable';
import type { CreateAppropriationBody, CreateProgramYearBody } from './requests';

/** Puts a program into a fiscal year under a department (and, for a unit program, under its policy program). */
export async function createProgramYear(
  ds: DataSource,
  ctx: RequestContext,
  input: CreateProgramYearBody,
  em?: EntityManager,
): Promise<ProgramYear> {
  return within(ds, em, async (tx) => {
    const program = await programByCode(tx, input.programCode);
    const org = await orgUnitByCode(tx, input.orgCode);
    // the department before any other check
    await assertOrgAccess(tx, ctx, org.id);
    await assertYearOpen(tx, input.fiscalYear);
    assertOrgExistsInYear(org, input.fiscalYear);
    assertNewProgramYear(await findProgramYear(tx, program.id, input.fiscalYear), program, input.fiscalYear);
    // the program's account (회계) must exist in the year
    if (program.accountId) assertAccountInYear(await accountById(tx, program.accountId), input.fiscalYear, 'programCode');
    let parentId: number | null = null;
    if (input.parentProgramCode) {
      const parentProgram = await programByCode(tx, input.parentProgramCode, 'parentProgramCode');
      assertPolicyParent(parentProgram.kind);
      const parent = await findProgramYear(tx, parentProgram.id, input.fiscalYear);
      if (!parent)
        throw notFound(
          `Policy program ${input.parentProgramCode} in ${input.fiscalYear}`,
          `${input.fiscalYear}년 정책사업 ${input.parentProgramCode}`,
          'parentProgramCode',
        );
      parentId = parent.id;
    }
    const py = await insertProgramYear(tx, {
      programId: program.id,
      fiscalYear: input.fiscalYear,
      orgUnitId: org.id,
      parentId,
      name: input.name ?? program.name,
      sortOrder: input.sortOrder ?? 0,
      priorYearBasis: input.priorYearBasis ?? null,
      note: input.note ?? null,
    });
    await audit(tx, ctx, { action: 'program_year.create', entity: 'program_year', entityId: py.id, after: py });
    return py;
  });
}

/** What createAppropriation takes: the request and the program-year it goes to. */
export type AppropriationInput = CreateAppropriationBody & { programYearId: number };

/** Appropriates an expense item (편성목) of a unit program, with its calculation basis (산출근거) checked line by line. */
export async function createAppropriation(
  ds: DataSource,
  ctx: RequestContext,
  input: AppropriationInput,
  em?: EntityManager,
): Promise<Appropriation> {
  return within(ds, em, async (tx) => {
    const py = await lockProgramYear(tx, input.programYearId);
    if (!py) throw notFound(`Program-year ${input.programYearId}`, `사업(연도) ${input.programYearId}`, 'programYearId');
    // the department that owns it now (after any whole-program 이체) before any other check, then the year open
    await assertWritable(tx, ctx, py);
    const program = await programById(tx, py.programId);
    assertAppropriable(program.kind);
    assertNewAppropriation(await findAppropriation(tx, py.id, input.expenseItem), input.expenseItem);
    if (input.basis?.length) checkBasis(input.basis, input.amount);
    const appropriation = await insertAppropriation(tx, {
      programYearId: py.id,
      expenseItem: input.expenseItem,
      amount: input.amount,
      note: input.note ?? null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await insertBasisLines(tx, appropriation.id, input.basis ?? []);
    await audit(tx, ctx, {
      action: 'appropriation.create',
      entity: 'appropriation',
      entityId: appropriation.id,
      after: { ...appropriation, basis: input.basis ?? [] },
    });
    return appropriation;
  });
}
