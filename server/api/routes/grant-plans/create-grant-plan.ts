import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { createGrantPlan } from '../../../app/grants/grant-plans';
import { CreateGrantPlanBody } from '../../../app/grants/requests';

export default route<CreateGrantPlanBody>({
  id: 'grant-plans.create',
  method: 'post',
  path: '/grant-plans',
  summary: 'A new grant-plan version (draft): quarterly amounts within 예산현액; a change to an approved plan needs a reason',
  roles: LEDGER_WRITERS,
  body: CreateGrantPlanBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createGrantPlan(ds, ctx, body) }),
});
