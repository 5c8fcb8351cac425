import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { payDisbursement } from '../../../app/grants/disbursements';
import { PaymentBody } from '../../../app/grants/requests';
import { idParam } from '../../../http/params';

export default route<PaymentBody>({
  id: 'disbursements.pay',
  method: 'post',
  path: '/disbursements/:id/payment',
  summary: '교부: pay a decided grant; posts 집행 to the funding program',
  roles: LEDGER_WRITERS,
  body: PaymentBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await payDisbursement(ds, ctx, idParam(params.id), body) }),
});
