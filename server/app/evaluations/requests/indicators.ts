import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, IsConsignmentRef, IsDecimalText, IsFiscalYear } from '../../../requests/validators';

/** What createIndicator takes: CreateIndicatorBody, or the same shape from a seed. */
export interface IndicatorInput {
  consignment: string;
  strategicGoal: string;
  task: string;
  name: string;
  unit: string;
  lowerIsBetter?: boolean;
  seq?: number;
  note?: string | null;
}

/** What recordIndicatorValue takes: IndicatorValueBody, or the same shape from a seed. */
export interface IndicatorValueInput {
  year: number;
  /** last day the figures cover; 31 Dec for a whole year */
  periodEnd?: string;
  periodLabel?: string;
  target: string;
  actual?: string | null;
  /** a correction names the value it replaces */
  supersedesId?: number | null;
  note?: string | null;
}

export class CreateIndicatorBody implements IndicatorInput {
  /** consignment code or exact Korean name */
  @IsConsignmentRef()
  consignment: string;

  /** 전략목표 */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  strategicGoal: string;

  /** 전략과제 (세부사업) */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  task: string;

  /** 성과지표 */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  /** 단위: %, 명, 회, 건 … */
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  unit: string;

  /** true when a lower actual is better (achievement = target / actual × 100) */
  @IsOptional()
  @IsBoolean()
  lowerIsBetter?: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  seq?: number;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class IndicatorValueBody implements IndicatorValueInput {
  @IsFiscalYear()
  year: number;

  /** last day the figures cover (default 31 Dec; an earlier day makes a partial-year actual, e.g. 2024-06-30) */
  @IsOptional()
  @IsCalendarDate()
  periodEnd?: string;

  /** column heading, default "2022년" or "’24.6월" */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  periodLabel?: string;

  /** 목표치 */
  @IsDecimalText()
  target: string;

  /** 실적치 */
  @IsOptional()
  @IsDecimalText()
  actual?: string;

  /** a correction names the value it replaces */
  @IsOptional()
  @IsInt()
  @Min(1)
  supersedesId?: number;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ListIndicatorsQuery {
  @IsConsignmentRef()
  consignment: string;

  @IsOptional()
  @IsFiscalYear()
  year?: number;
}
