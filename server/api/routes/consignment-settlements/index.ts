import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate, IsFiscalYear } from '../../validators';
import { EVERYONE, LEDGER_WRITERS } from '../../roles';
import { confirmSettlement, listSettlements, reviewSettlement, submitSettlement } from '../../../services/consignment-settlement-service';
import { ConsignmentYearQuery } from '../grant-plans';
import { idParam } from '../params';

export class SubmitSettlementBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  consignment: string;

  @IsFiscalYear()
  fiscalYear: number;

  @IsCalendarDate()
  submittedOn: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ReviewSettlementBody {
  @IsCalendarDate()
  reviewedOn: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ConfirmSettlementBody {
  @IsCalendarDate()
  confirmedOn: string;

  /** date of the 지출반납 in the ledger (within the fiscal year); default the confirmation date or 31 Dec */
  @IsOptional()
  @IsCalendarDate()
  returnDate?: string;
}

const list = route<object, ConsignmentYearQuery>({
  id: 'consignment-settlements.list',
  method: 'get',
  path: '/consignment-settlements',
  summary: 'Settlements (정산) of a consignment with their category lines',
  roles: EVERYONE,
  query: ConsignmentYearQuery,
  handler: async ({ ds, ctx, query }) => ({ body: await listSettlements(ds.manager, ctx, query.consignment, query.year) }),
});

const submit = route<SubmitSettlementBody>({
  id: 'consignment-settlements.submit',
  method: 'post',
  path: '/consignment-settlements',
  summary: 'Submit the year-end settlement: 반납액 = 교부액 + 이자 − 집행액, categories against the plan, overspending flagged',
  roles: LEDGER_WRITERS,
  body: SubmitSettlementBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await submitSettlement(ds, ctx, body) }),
});

const review = route<ReviewSettlementBody>({
  id: 'consignment-settlements.review',
  method: 'post',
  path: '/consignment-settlements/:id/review',
  summary: 'Review a submitted settlement',
  roles: LEDGER_WRITERS,
  body: ReviewSettlementBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await reviewSettlement(ds, ctx, idParam(params.id), body) }),
});

const confirm = route<ConfirmSettlementBody>({
  id: 'consignment-settlements.confirm',
  method: 'post',
  path: '/consignment-settlements/:id/confirm',
  summary: 'Confirm a reviewed settlement: the return posts to the ledger and the consignment-year is locked',
  roles: LEDGER_WRITERS,
  body: ConfirmSettlementBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await confirmSettlement(ds, ctx, idParam(params.id), body) }),
});

export default [list, submit, review, confirm];
