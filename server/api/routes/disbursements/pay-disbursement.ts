import { route } from '../../../http/route';
import { IsCalendarDate } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { payDisbursement } from '../../../app/grants/grants';
import { idParam } from '../../../http/params';

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
