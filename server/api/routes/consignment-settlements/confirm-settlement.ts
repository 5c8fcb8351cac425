import { IsOptional } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { confirmSettlement } from '../../../app/consignments/settlements';
import { idParam } from '../../../http/params';

export class ConfirmSettlementBody {
  @IsCalendarDate()
  confirmedOn: string;

  /** date of the 지출반납 in the ledger (within the fiscal year); default the confirmation date or 31 Dec */
  @IsOptional()
  @IsCalendarDate()
  returnDate?: string;
}

export default route<ConfirmSettlementBody>({
  id: 'consignment-settlements.confirm',
  method: 'post',
  path: '/consignment-settlements/:id/confirm',
  summary: 'Confirm a reviewed settlement: the return posts to the ledger and the consignment-year is locked',
  roles: LEDGER_WRITERS,
  body: ConfirmSettlementBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await confirmSettlement(ds, ctx, idParam(params.id), body) }),
});
