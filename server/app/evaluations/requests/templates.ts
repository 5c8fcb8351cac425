import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { IndicatorMeasure, IndicatorScope } from '../../../../entities/evaluation-template';
import type { GradeBand } from '../../../../domain/evaluation';
import { IsCalendarDate, IsDecimalText } from '../../../requests/validators';

/** What createTemplate takes: CreateTemplateBody, or the same shape from a seed. */
export interface TemplateInput {
  code: string;
  /** next version of the code when absent */
  version?: number;
  name: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  gradeBands?: GradeBand[] | null;
  note?: string | null;
  groups: {
    name: string;
    scope: IndicatorScope;
    measure: IndicatorMeasure;
    indicators: { name: string; maxPoints: string; guidance?: string | null }[];
  }[];
}

export class GradeBandBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  grade: string;

  /** inclusive lower bound, e.g. "90" */
  @IsDecimalText()
  minScore: string;
}

export class TemplateIndicatorBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** maximum points as decimal text, e.g. "15" or "2.5" */
  @IsDecimalText()
  maxPoints: string;

  /** 평가 착안사항 */
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  guidance?: string;
}

export class TemplateGroupBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** 공통지표 common · 개별지표 individual */
  @IsIn(['common', 'individual'])
  scope: 'common' | 'individual';

  /** 계량 quantitative · 비계량 qualitative */
  @IsIn(['quantitative', 'qualitative'])
  measure: 'quantitative' | 'qualitative';

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TemplateIndicatorBody)
  indicators: TemplateIndicatorBody[];
}

export class CreateTemplateBody implements TemplateInput {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  code: string;

  /** next version of the code when absent */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsCalendarDate()
  effectiveFrom: string;

  @IsOptional()
  @IsCalendarDate()
  effectiveTo?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => GradeBandBody)
  gradeBands?: GradeBandBody[];

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => TemplateGroupBody)
  groups: TemplateGroupBody[];
}

export class ListTemplatesQuery {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  code?: string;

  /** only the versions in force on this day */
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
