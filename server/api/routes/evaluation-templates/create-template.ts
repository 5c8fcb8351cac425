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
import { route } from '../../../http/route';
import { IsCalendarDate, IsDecimalText } from '../../../app/validators';
import { TEMPLATE_WRITERS } from '../../../access/evaluation-roles';
import { createTemplate } from '../../../app/evaluations/evaluations';

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

export class CreateTemplateBody {
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

export default route<CreateTemplateBody>({
  id: 'evaluation-templates.create',
  method: 'post',
  path: '/evaluation-templates',
  summary:
    'A new version of a comprehensive-evaluation template: indicator groups (공통/개별, 계량/비계량), indicators with maximum points, grade bands',
  roles: TEMPLATE_WRITERS,
  body: CreateTemplateBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createTemplate(ds, ctx, body) }),
});
