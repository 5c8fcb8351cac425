import { route } from '../../../http/route';
import { IsCalendarDate } from '../../validators';
import { LEDGER_WRITERS } from '../../roles';
import { approveGrantPlan } from '../../../services/grant-service';
import { idParam } from '../params';

export class ApprovePlanBody {
  @IsCalendarDate()
  approvedOn: string;
}

export default route<ApprovePlanBody>({
  id: 'grant-plans.approve',
  method: 'post',
  path: '/grant-plans/:id/approve',
  summary: 'Approve a draft plan version; the previously approved version is superseded',
  roles: LEDGER_WRITERS,
  body: ApprovePlanBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await approveGrantPlan(ds, ctx, idParam(params.id), body) }),
});
