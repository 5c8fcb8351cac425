import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { decideGrantRequest } from '../../../app/grants/grant-requests';
import { DecisionBody } from '../../../app/grants/requests';
import { idParam } from '../../../http/params';

export default route<DecisionBody>({
  id: 'disbursements.decide',
  method: 'post',
  path: '/disbursements/:id/decision',
  summary:
    '교부결정: approve (all or part, within the plan to date and 예산현액) or reject a request with its reason (as /grant-requests/:id/decision)',
  roles: LEDGER_WRITERS,
  body: DecisionBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await decideGrantRequest(ds, ctx, idParam(params.id), body) }),
});
