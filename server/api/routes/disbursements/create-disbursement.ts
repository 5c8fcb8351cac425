import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate, IsFiscalYear, IsWon } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { createDisbursement } from '../../../app/grants/grants';

export class CreateDisbursementBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
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

export default route<CreateDisbursementBody>({
  id: 'disbursements.create',
  method: 'post',
  path: '/disbursements',
  summary:
    "The operator's request (신청); with decidedOn/paidOn also the decision and the payment, checked against the plan to date and 예산현액 under a lock",
  roles: LEDGER_WRITERS,
  body: CreateDisbursementBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createDisbursement(ds, ctx, body) }),
});
