import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { payGrantRequest } from '../../../app/grants/grant-requests';
import { PaymentBody } from '../../../app/grants/requests';
import { idParam } from '../../../http/params';

export default route<PaymentBody>({
  id: 'grantRequests.pay',
  method: 'post',
  path: '/grant-requests/:id/payment',
  summary: '교부 of a decided request: posts 집행 to the funding program; a request is paid once',
  roles: LEDGER_WRITERS,
  body: PaymentBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await payGrantRequest(ds, ctx, idParam(params.id), body) }),
});
