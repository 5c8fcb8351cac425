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
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsDecimalText } from '../../../requests/validators';
import type { CriterionSpec } from '../../../../entities/inspection-template';

/** A measurable criterion: the inspector enters the figures, the system judges (e.g. ≥ 10% of users). */
export class CriterionBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label: string;

  /** ratio: numerator / denominator × 100 (or the percentage entered directly); value: one figure */
  @IsIn(['ratio', 'value'])
  kind: 'ratio' | 'value';

  @IsOptional()
  @IsString()
  @MaxLength(100)
  numeratorLabel?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  denominatorLabel?: string;

  @IsIn(['gte', 'gt', 'lte', 'lt'])
  comparator: 'gte' | 'gt' | 'lte' | 'lt';

  @IsDecimalText()
  threshold: string;

  @IsOptional()
  @IsString()
  @MaxLength(10)
  unit?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(4)
  decimals?: number;
}

export class TemplateItemBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  guidance?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  ratingScale?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => CriterionBody)
  criterion?: CriterionBody;
}

export class TemplateAreaBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  guidance?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TemplateAreaBody)
  areas?: TemplateAreaBody[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TemplateItemBody)
  items?: TemplateItemBody[];
}

export class TemplateVersionBody {
  @IsCalendarDate()
  effectiveFrom: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  /** default rating scale of the version's items, e.g. ["적정","일부 미흡","부적정","해당없음"] */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  ratingScale?: string[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TemplateAreaBody)
  areas: TemplateAreaBody[];
}

export class CreateTemplateBody extends TemplateVersionBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

// ---- the inputs the use cases take: the request classes above, as seeds and tests also build them ----

export interface TemplateItemInput {
  code: string;
  title: string;
  guidance?: string | null;
  ratingScale?: string[];
  criterion?: CriterionSpec | null;
}

export interface TemplateAreaInput {
  code: string;
  title: string;
  guidance?: string | null;
  areas?: TemplateAreaInput[];
  items?: TemplateItemInput[];
}

export interface TemplateVersionInput {
  effectiveFrom: string;
  note?: string | null;
  ratingScale?: string[];
  areas: TemplateAreaInput[];
}

export interface TemplateInput extends TemplateVersionInput {
  code: string;
  name: string;
}
