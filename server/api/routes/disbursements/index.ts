import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate, IsFiscalYear, IsWon } from '../../validators';
import { EVERYONE, LEDGER_WRITERS } from '../../roles';
import { createDisbursement, decideDisbursement, listDisbursements, payDisbursement } from '../../../services/grant-service';
import { ConsignmentYearQuery } from '../grant-plans';
import { idParam } from '../params';

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

export class DecisionBody {
  @IsCalendarDate()
  decidedOn: string;

  @IsBoolean()
  approve: boolean;

  /** the decided amount when less than requested */
  @IsOptional()
  @IsWon()
  amount?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class PaymentBody {
  @IsCalendarDate()
  paidOn: string;
}

const list = route<object, ConsignmentYearQuery>({
  id: 'disbursements.list',
  method: 'get',
  path: '/disbursements',
  summary: 'Grants of a consignment (신청 · 교부결정 · 교부)',
  roles: EVERYONE,
  query: ConsignmentYearQuery,
  handler: async ({ ds, ctx, query }) => ({ body: await listDisbursements(ds.manager, ctx, query.consignment, query.year) }),
});

const create = route<CreateDisbursementBody>({
  id: 'disbursements.create',
  method: 'post',
  path: '/disbursements',
  summary: 'The operator\'s request (신청); with decidedOn/paidOn also the decision and the payment, checked against the plan to date and 예산현액 under a lock',
  roles: LEDGER_WRITERS,
  body: CreateDisbursementBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createDisbursement(ds, ctx, body) }),
});

const decide = route<DecisionBody>({
  id: 'disbursements.decide',
  method: 'post',
  path: '/disbursements/:id/decision',
  summary: '교부결정: approve (all or part) or reject a request',
  roles: LEDGER_WRITERS,
  body: DecisionBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await decideDisbursement(ds, ctx, idParam(params.id), body) }),
});

const payment = route<PaymentBody>({
  id: 'disbursements.pay',
  method: 'post',
  path: '/disbursements/:id/payment',
  summary: '교부: pay a decided grant; posts 집행 to the funding program',
  roles: LEDGER_WRITERS,
  body: PaymentBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await payDisbursement(ds, ctx, idParam(params.id), body) }),
});

export default [list, create, decide, payment];
