import { DataSource, EntityManager } from 'typeorm';
import { Appropriation } from '../../../entities/appropriation';
import { CalculationBasisLine } from '../../../entities/calculation-basis-line';
import { OrgLevel, OrgUnit } from '../../../entities/org-unit';
import { Account, Program, ProgramKind } from '../../../entities/program';
import { ProgramYear } from '../../../entities/program-year';
import { conflict, DomainError, invalid, notFound } from '../../../domain/errors';
import { basisLineResult, formatInteger, sumWon } from '../../../domain/money';
import { RequestContext } from '../../context';
import { lockRow, within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { assertOrgAccess } from '../../access/scope';
import { assertYearOpen } from './fiscal-years';

export async function orgUnitByCode(em: EntityManager, code: string, field = 'orgCode'): Promise<OrgUnit> {
  const unit = await em.getRepository(OrgUnit).findOneBy({ code });
  if (unit) return unit;
  // Council staff type names, not codes: accept the exact Korean name too.
  const byName = await em.getRepository(OrgUnit).find({ where: { name: code }, order: { validFrom: 'DESC' } });
  if (byName.length) return byName[0];
  throw notFound(`Organisation unit ${code}`, `조직 ${code}`, field);
}

export async function programByCode(em: EntityManager, code: string, field = 'programCode'): Promise<Program> {
  const program = await em.getRepository(Program).findOneBy({ code });
  if (!program) throw notFound(`Program ${code}`, `사업 ${code}`, field);
  return program;
}

export interface OrgUnitInput {
  code: string;
  name: string;
  level: OrgLevel;
  parentCode?: string | null;
  validFrom: string;
  validTo?: string | null;
}

export async function createOrgUnit(ds: DataSource, ctx: RequestContext, input: OrgUnitInput, em?: EntityManager): Promise<OrgUnit> {
  return within(ds, em, async (tx) => {
    if (await tx.getRepository(OrgUnit).findOneBy({ code: input.code }))
      throw conflict('duplicate_code', `Organisation code ${input.code} exists`, `조직 코드 ${input.code}가 이미 있습니다`, 'code');
    if (input.validTo && input.validTo < input.validFrom)
      throw invalid('validTo', 'afterValidFrom', 'validTo is before validFrom', '종료일이 시작일보다 앞섭니다');
    const parent = input.parentCode ? await orgUnitByCode(tx, input.parentCode, 'parentCode') : null;
    const unit = tx.getRepository(OrgUnit).create({
      code: input.code,
      name: input.name,
      level: input.level,
      parentId: parent?.id ?? null,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
    });
    await tx.save(unit);
    await audit(tx, ctx, { action: 'org_unit.create', entity: 'org_unit', entityId: unit.id, after: unit });
    return unit;
  });
}

export interface ProgramInput {
  code: string;
  name: string;
  kind: ProgramKind;
  account: Account;
}

export async function createProgram(ds: DataSource, ctx: RequestContext, input: ProgramInput, em?: EntityManager): Promise<Program> {
  return within(ds, em, async (tx) => {
    if (await tx.getRepository(Program).findOneBy({ code: input.code }))
      throw conflict('duplicate_code', `Program code ${input.code} exists`, `사업 코드 ${input.code}가 이미 있습니다`, 'code');
    const program = tx.getRepository(Program).create(input);
    await tx.save(program);
    await audit(tx, ctx, { action: 'program.create', entity: 'program', entityId: program.id, after: program });
    return program;
  });
}

export interface ProgramYearInput {
  programCode: string;
  fiscalYear: number;
  orgCode: string;
  parentProgramCode?: string | null;
  name?: string | null;
  sortOrder?: number;
  priorYearBasis?: number | null;
  note?: string | null;
}

export async function createProgramYear(
  ds: DataSource,
  ctx: RequestContext,
  input: ProgramYearInput,
  em?: EntityManager,
): Promise<ProgramYear> {
  return within(ds, em, async (tx) => {
    await assertYearOpen(tx, input.fiscalYear);
    const program = await programByCode(tx, input.programCode);
    const org = await orgUnitByCode(tx, input.orgCode);
    await assertOrgAccess(tx, ctx, org.id);
    const yearStart = `${input.fiscalYear}-01-01`;
    const yearEnd = `${input.fiscalYear}-12-31`;
    if (org.validFrom > yearEnd || (org.validTo && org.validTo < yearStart)) {
      throw invalid(
        'orgCode',
        'orgValidInYear',
        `${org.name} does not exist in ${input.fiscalYear}`,
        `${org.name}은(는) ${input.fiscalYear}년에 존재하지 않는 조직입니다`,
      );
    }
    if (await tx.getRepository(ProgramYear).findOneBy({ programId: program.id, fiscalYear: input.fiscalYear })) {
      throw conflict(
        'duplicate_program_year',
        `${program.code} already has ${input.fiscalYear}`,
        `${program.name}의 ${input.fiscalYear}년 사업이 이미 있습니다`,
        'programCode',
      );
    }
    let parentId: number | null = null;
    if (input.parentProgramCode) {
      const parentProgram = await programByCode(tx, input.parentProgramCode, 'parentProgramCode');
      if (parentProgram.kind !== 'policy')
        throw invalid(
          'parentProgramCode',
          'parentIsPolicy',
          'A unit program sits under a policy program',
          '단위사업의 상위는 정책사업이어야 합니다',
        );
      const parent = await tx.getRepository(ProgramYear).findOneBy({ programId: parentProgram.id, fiscalYear: input.fiscalYear });
      if (!parent)
        throw notFound(
          `Policy program ${input.parentProgramCode} in ${input.fiscalYear}`,
          `${input.fiscalYear}년 정책사업 ${input.parentProgramCode}`,
          'parentProgramCode',
        );
      parentId = parent.id;
    }
    const py = tx.getRepository(ProgramYear).create({
      programId: program.id,
      fiscalYear: input.fiscalYear,
      orgUnitId: org.id,
      parentId,
      name: input.name ?? program.name,
      sortOrder: input.sortOrder ?? 0,
      priorYearBasis: input.priorYearBasis ?? null,
      note: input.note ?? null,
    });
    await tx.save(py);
    await audit(tx, ctx, { action: 'program_year.create', entity: 'program_year', entityId: py.id, after: py });
    return py;
  });
}

export interface BasisLineInput {
  description: string;
  unitAmount?: number | null;
  quantity?: string | null;
  multiplier?: string | null;
  amount: number;
  children?: BasisLineInput[];
}

/**
 * Checks a calculation basis: a line with a unit amount computes to its amount (12,500,000 × 1.1 =
 * 13,750,000), children add up to their parent, top-level lines add up to the appropriation.
 */
export function checkBasis(lines: BasisLineInput[], total: number, path = 'basis'): void {
  lines.forEach((line, i) => {
    const field = `${path}[${i}]`;
    if (line.unitAmount !== undefined && line.unitAmount !== null) {
      const computed = basisLineResult(line.unitAmount, line.quantity ?? '1', line.multiplier ?? '1');
      if (computed !== line.amount) {
        throw new DomainError(
          'invalid',
          'basis_line_mismatch',
          `${field}: ${line.unitAmount} × ${line.quantity ?? 1} × ${line.multiplier ?? 1} = ${computed}, not ${line.amount}`,
          `${field}: 산출 결과가 ${formatInteger(computed)}원인데 ${formatInteger(line.amount)}원으로 적혀 있습니다`,
          [
            {
              field: `${field}.amount`,
              rule: 'basisLineComputes',
              message: `computes to ${computed}`,
              message_ko: `계산 결과는 ${formatInteger(computed)}원입니다`,
            },
          ],
          { computed, stated: line.amount },
        );
      }
    }
    if (line.children?.length) checkBasis(line.children, line.amount, `${field}.children`);
  });
  const sum = sumWon(lines.map((l) => l.amount));
  if (sum !== total) {
    throw new DomainError(
      'invalid',
      'basis_sum_mismatch',
      `${path}: lines add up to ${sum}, not ${total}`,
      `${path}: 산출근거 합계 ${formatInteger(sum)}원이 ${formatInteger(total)}원과 다릅니다`,
      [
        {
          field: path,
          rule: 'basisAddsUp',
          message: `lines add up to ${sum}, expected ${total}`,
          message_ko: `합계 ${formatInteger(sum)}원, 기대값 ${formatInteger(total)}원`,
        },
      ],
      { sum, expected: total },
    );
  }
}

export interface AppropriationInput {
  programYearId: number;
  expenseItem: string;
  amount: number;
  basis?: BasisLineInput[];
  note?: string | null;
}

export async function createAppropriation(
  ds: DataSource,
  ctx: RequestContext,
  input: AppropriationInput,
  em?: EntityManager,
): Promise<Appropriation> {
  return within(ds, em, async (tx) => {
    const py = await lockRow(tx, ProgramYear, input.programYearId);
    if (!py) throw notFound(`Program-year ${input.programYearId}`, `사업(연도) ${input.programYearId}`, 'programYearId');
    await assertYearOpen(tx, py.fiscalYear);
    await assertOrgAccess(tx, ctx, py.orgUnitId);
    const program = await tx.getRepository(Program).findOneByOrFail({ id: py.programId });
    if (program.kind === 'policy')
      throw invalid(
        'programYearId',
        'notPolicy',
        'A policy program is a roll-up; appropriate its unit programs',
        '정책사업은 합계입니다. 단위사업에 편성하십시오',
      );
    if (await tx.getRepository(Appropriation).findOneBy({ programYearId: py.id, expenseItem: input.expenseItem })) {
      throw conflict(
        'duplicate_appropriation',
        `${input.expenseItem} is already appropriated; amend it with 추경`,
        `${input.expenseItem} 편성이 이미 있습니다. 추경으로 변경하십시오`,
        'expenseItem',
      );
    }
    if (input.basis?.length) checkBasis(input.basis, input.amount);
    const appropriation = tx.getRepository(Appropriation).create({
      programYearId: py.id,
      expenseItem: input.expenseItem,
      amount: input.amount,
      note: input.note ?? null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await tx.save(appropriation);
    const insertLines = async (lines: BasisLineInput[], parentLineId: number | null) => {
      for (const [i, line] of lines.entries()) {
        const row = tx.getRepository(CalculationBasisLine).create({
          appropriationId: appropriation.id,
          parentLineId,
          seq: i + 1,
          description: line.description,
          unitAmount: line.unitAmount ?? null,
          quantity: line.quantity ?? null,
          multiplier: line.multiplier ?? null,
          amount: line.amount,
        });
        await tx.save(row);
        if (line.children?.length) await insertLines(line.children, row.id);
      }
    };
    await insertLines(input.basis ?? [], null);
    await audit(tx, ctx, {
      action: 'appropriation.create',
      entity: 'appropriation',
      entityId: appropriation.id,
      after: { ...appropriation, basis: input.basis ?? [] },
    });
    return appropriation;
  });
}
