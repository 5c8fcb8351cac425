import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate, IsDecimalText } from '../../../app/validators';
import { EVALUATION_WRITERS } from '../../../access/evaluation-roles';
import { createEvaluation } from '../../../app/evaluations/evaluations';

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
export class CreateEvaluationBody {
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

export default route<CreateEvaluationBody>({
  id: 'evaluations.create',
  method: 'post',
  path: '/evaluations',
  summary: 'Record the comprehensive evaluation (종합성과평가) of a contract term: every indicator scored, the total computed',
  roles: EVALUATION_WRITERS,
  body: CreateEvaluationBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createEvaluation(ds, ctx, body) }),
});
