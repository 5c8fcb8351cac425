/**
 * The request classes of grant plans and grants (disbursements): what the API validates and what the
 * web forms are read into (formBody), one validation path per write.
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_AMOUNT } from '../../../domain/money';
import { IsCalendarDate, IsConsignmentRef, IsFiscalYear, IsWon } from '../../requests/validators';

/** 교부 신청: the operator's request as recorded (no decision, no payment in the same call). */
export class CreateGrantRequestBody {
  @IsConsignmentRef()
  consignment: string;

  @IsFiscalYear()
  fiscalYear: number;

  /** the plan quarter this grant draws on */
  @IsInt()
  @Min(1)
  @Max(4)
  quarter: number;

  /** 신청일 */
  @IsCalendarDate()
  requestedOn: string;

  /** 신청액 */
  @IsWon()
  amount: number;

  /** 일괄·신속교부: ahead of the quarterly plan, up to the year's plan, with a reason */
  @IsOptional()
  @IsBoolean()
  lumpSum?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  lumpSumReason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** A 교부 in one call: the request, and its decision and payment when their dates are given. */
export class CreateDisbursementBody extends CreateGrantRequestBody {
  /** 교부결정일 (decide in the same call) */
  @IsOptional()
  @IsCalendarDate()
  decidedOn?: string;

  @IsOptional()
  @IsWon()
  decidedAmount?: number;

  /** 교부일 (pay in the same call) */
  @IsOptional()
  @IsCalendarDate()
  paidOn?: string;
}

export class DecisionBody {
  @IsCalendarDate()
  decidedOn: string;

  @IsBoolean()
  approve: boolean;

  /** the decided amount when less than requested */
  @IsOptional()
  @IsWon()
  amount?: number;

  /** 반려 사유: required to reject */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** 철회 by the requester. */
export class WithdrawalBody {
  @IsCalendarDate()
  withdrawnOn: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class PaymentBody {
  @IsCalendarDate()
  paidOn: string;
}

export class ReverseDisbursementBody {
  /** 교부 취소일: in the grant's fiscal year, not before it was paid */
  @IsCalendarDate()
  reversedOn: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

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
  @IsConsignmentRef()
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

export class ApprovePlanBody {
  @IsCalendarDate()
  approvedOn: string;
}
