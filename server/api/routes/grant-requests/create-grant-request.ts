import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { requestGrant } from '../../../app/grants/grant-requests';
import { CreateGrantRequestBody } from '../../../app/grants/requests';

export default route<CreateGrantRequestBody>({
  id: 'grantRequests.create',
  method: 'post',
  path: '/grant-requests',
  summary:
    "교부 신청: records the operator's request (dated, attributed); answered with `warning` when paid, decided and pending requests with it exceed the plan to date — the decision refuses, the request is kept",
  roles: LEDGER_WRITERS,
  body: CreateGrantRequestBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await requestGrant(ds, ctx, body) }),
});
