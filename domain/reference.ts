import type { ProgramKind } from '../entities/program';
import { conflict, invalid } from './errors';
import { ko } from './korean-particles';

/**
 * The rules of the reference data: organisation units, programs, program-years and appropriations.
 * Each throws the refusal the API, the pages and the import report show.
 */

/** An organisation code is unique. */
export function assertNewOrgCode(existing: unknown, code: string): void {
  if (existing) throw conflict('duplicate_code', `Organisation code ${code} exists`, ko`조직 코드 ${code}이/가 이미 있습니다`, 'code');
}

/** A unit's validity may not end before it begins. */
export function assertValidityPeriod(validFrom: string, validTo?: string | null): void {
  if (validTo && validTo < validFrom)
    throw invalid('validTo', 'afterValidFrom', 'validTo is before validFrom', '종료일이 시작일보다 앞섭니다');
}

/** True when the unit existed at some time in the fiscal year. */
export function existsInYear(unit: { validFrom: string; validTo: string | null }, fiscalYear: number): boolean {
  const startsAfter = unit.validFrom > `${fiscalYear}-12-31`;
  const endedBefore = !!unit.validTo && unit.validTo < `${fiscalYear}-01-01`;
  return !startsAfter && !endedBefore;
}

/** A program-year is put under a unit that exists in that year. */
export function assertOrgExistsInYear(unit: { name: string; validFrom: string; validTo: string | null }, fiscalYear: number): void {
  if (!existsInYear(unit, fiscalYear)) {
    throw invalid(
      'orgCode',
      'orgValidInYear',
      `${unit.name} does not exist in ${fiscalYear}`,
      ko`${unit.name}은/는 ${fiscalYear}년에 존재하지 않는 조직입니다`,
    );
  }
}

/** A program code is unique. */
export function assertNewProgramCode(existing: unknown, code: string): void {
  if (existing) throw conflict('duplicate_code', `Program code ${code} exists`, ko`사업 코드 ${code}이/가 이미 있습니다`, 'code');
}

/** A program is put into a year once. */
export function assertNewProgramYear(existing: unknown, program: { code: string; name: string }, fiscalYear: number): void {
  if (existing) {
    throw conflict(
      'duplicate_program_year',
      `${program.code} already has ${fiscalYear}`,
      `${program.name}의 ${fiscalYear}년 사업이 이미 있습니다`,
      'programCode',
    );
  }
}

/** A unit program sits under a policy program. */
export function assertPolicyParent(parentKind: ProgramKind): void {
  if (parentKind !== 'policy')
    throw invalid(
      'parentProgramCode',
      'parentIsPolicy',
      'A unit program sits under a policy program',
      '단위사업의 상위는 정책사업이어야 합니다',
    );
}

/** A policy program is a roll-up: only its unit programs are appropriated. */
export function assertAppropriable(kind: ProgramKind): void {
  if (kind === 'policy')
    throw invalid(
      'programYearId',
      'notPolicy',
      'A policy program is a roll-up; appropriate its unit programs',
      '정책사업은 합계입니다. 단위사업에 편성하십시오',
    );
}

/** An expense item is appropriated once; later changes go through 추경. */
export function assertNewAppropriation(existing: unknown, expenseItem: string): void {
  if (existing) {
    throw conflict(
      'duplicate_appropriation',
      `${expenseItem} is already appropriated; amend it with 추경`,
      `${expenseItem} 편성이 이미 있습니다. 추경으로 변경하십시오`,
      'expenseItem',
    );
  }
}

/** A revenue line code is unique in its year. */
export function assertNewRevenueCode(existing: unknown, code: string, fiscalYear: number): void {
  if (existing) {
    throw conflict('duplicate_code', `Revenue line ${code} exists in ${fiscalYear}`, ko`세입 과목 ${code}이/가 이미 있습니다`, 'code');
  }
}
