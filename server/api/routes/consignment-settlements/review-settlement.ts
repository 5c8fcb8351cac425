import { IsOptional, IsString, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { reviewSettlement } from '../../../app/consignments/settlements';
import { idParam } from '../../../http/params';

export class ReviewSettlementBody {
  @IsCalendarDate()
  reviewedOn: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export default route<ReviewSettlementBody>({
  id: 'consignment-settlements.review',
  method: 'post',
  path: '/consignment-settlements/:id/review',
  summary: 'Review a submitted settlement',
  roles: LEDGER_WRITERS,
  body: ReviewSettlementBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await reviewSettlement(ds, ctx, idParam(params.id), body) }),
});
