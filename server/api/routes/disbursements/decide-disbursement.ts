import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { decideDisbursement } from '../../../app/grants/disbursements';
import { DecisionBody } from '../../../app/grants/requests';
import { idParam } from '../../../http/params';

export default route<DecisionBody>({
  id: 'disbursements.decide',
  method: 'post',
  path: '/disbursements/:id/decision',
  summary: '교부결정: approve (all or part) or reject a request',
  roles: LEDGER_WRITERS,
  body: DecisionBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await decideDisbursement(ds, ctx, idParam(params.id), body) }),
});
