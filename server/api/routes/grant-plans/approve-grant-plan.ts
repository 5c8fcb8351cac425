import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { approveGrantPlan } from '../../../app/grants/grant-plans';
import { ApprovePlanBody } from '../../../app/grants/requests';
import { idParam } from '../../../http/params';

export default route<ApprovePlanBody>({
  id: 'grant-plans.approve',
  method: 'post',
  path: '/grant-plans/:id/approve',
  summary: 'Approve a draft plan version; the previously approved version is superseded',
  roles: LEDGER_WRITERS,
  body: ApprovePlanBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await approveGrantPlan(ds, ctx, idParam(params.id), body) }),
});
