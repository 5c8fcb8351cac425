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
import { IsCalendarDate, IsConsignmentRef, IsDecimalText } from '../../../requests/validators';

/** What createEvaluation takes: CreateEvaluationBody, or the same shape from a seed. */
export interface EvaluationInput {
  contractTermId: number;
  templateId: number;
  evaluatedBy: string;
  evaluatedOn: string;
  evaluators: string[];
  scores: { indicatorId: number; score: string; comment?: string | null }[];
  supersedesId?: number | null;
  note?: string | null;
}

export class IndicatorScoreBody {
  @IsInt()
  @Min(1)
  indicatorId: number;

  /** decimal text with at most two decimals, e.g. "13.5" */
  @IsDecimalText()
  score: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

/** There is no total field: the total is the sum of the scores, computed by the service. */
export class CreateEvaluationBody implements EvaluationInput {
  @IsInt()
  @Min(1)
  contractTermId: number;

  @IsInt()
  @Min(1)
  templateId: number;

  /** evaluating department or agency (평가주관) */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  evaluatedBy: string;

  @IsCalendarDate()
  evaluatedOn: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  evaluators: string[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => IndicatorScoreBody)
  scores: IndicatorScoreBody[];

  /** a correction names the evaluation it replaces */
  @IsOptional()
  @IsInt()
  @Min(1)
  supersedesId?: number;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ListEvaluationsQuery {
  /** consignment code or exact Korean name */
  @IsConsignmentRef()
  consignment: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  contractTermId?: number;

  /** "include" lists corrected (superseded) evaluations too */
  @IsOptional()
  @IsIn(['include'])
  superseded?: 'include';
}
