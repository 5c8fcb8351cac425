import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { withdrawGrantRequest } from '../../../app/grants/grant-requests';
import { WithdrawalBody } from '../../../app/grants/requests';
import { idParam } from '../../../http/params';

export default route<WithdrawalBody>({
  id: 'grantRequests.withdraw',
  method: 'post',
  path: '/grant-requests/:id/withdrawal',
  summary: '철회: the requester withdraws a request not yet paid',
  roles: LEDGER_WRITERS,
  body: WithdrawalBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await withdrawGrantRequest(ds, ctx, idParam(params.id), body) }),
});
