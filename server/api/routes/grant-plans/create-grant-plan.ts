import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  Max,
  Min,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { route } from '../../../http/route';
import { IsFiscalYear, IsWon } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { createGrantPlan } from '../../../app/grants/grants';
import { MAX_AMOUNT } from '../../../../domain/money';

export class PlanCategoryBody {
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/)
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/)
  parentCode?: string;

  @IsWon({ allowZero: true })
  amount: number;
}

export class CreateGrantPlanBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  consignment: string;

  @IsFiscalYear()
  fiscalYear: number;

  /** 1–4분기 amounts in won */
  @IsArray()
  @ArrayMinSize(4)
  @ArrayMaxSize(4)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(MAX_AMOUNT, { each: true })
  quarters: number[];

  /** calculation-basis categories (인건비, 사업비 and sub-items, 운영비); top level adds up to the plan */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlanCategoryBody)
  categories?: PlanCategoryBody[];

  /** required when an approved version exists */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @IsOptional()
  @IsBoolean()
  sample?: boolean;
}

export default route<CreateGrantPlanBody>({
  id: 'grant-plans.create',
  method: 'post',
  path: '/grant-plans',
  summary: 'A new grant-plan version (draft): quarterly amounts within 예산현액; a change to an approved plan needs a reason',
  roles: LEDGER_WRITERS,
  body: CreateGrantPlanBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createGrantPlan(ds, ctx, body) }),
});
