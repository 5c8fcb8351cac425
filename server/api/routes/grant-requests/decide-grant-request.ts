import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { decideGrantRequest } from '../../../app/grants/grant-requests';
import { DecisionBody } from '../../../app/grants/requests';
import { idParam } from '../../../http/params';

export default route<DecisionBody>({
  id: 'grantRequests.decide',
  method: 'post',
  path: '/grant-requests/:id/decision',
  summary:
    '결정: approve (all or part; refused with its figures above the plan to date or 예산현액, counting other decisions) or 반려 with a reason',
  roles: LEDGER_WRITERS,
  body: DecisionBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await decideGrantRequest(ds, ctx, idParam(params.id), body) }),
});
