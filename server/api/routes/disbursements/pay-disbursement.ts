import { route } from '../../../http/route';
import { IsCalendarDate } from '../../validators';
import { LEDGER_WRITERS } from '../../roles';
import { payDisbursement } from '../../../services/grant-service';
import { idParam } from '../params';

export class PaymentBody {
  @IsCalendarDate()
  paidOn: string;
}

export default route<PaymentBody>({
  id: 'disbursements.pay',
  method: 'post',
  path: '/disbursements/:id/payment',
  summary: '교부: pay a decided grant; posts 집행 to the funding program',
  roles: LEDGER_WRITERS,
  body: PaymentBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await payDisbursement(ds, ctx, idParam(params.id), body) }),
});
