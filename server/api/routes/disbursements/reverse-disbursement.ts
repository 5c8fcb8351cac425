import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { reverseDisbursement } from '../../../app/grants/disbursements';
import { ReverseDisbursementBody } from '../../../app/grants/requests';
import { idParam } from '../../../http/params';

export default route<ReverseDisbursementBody>({
  id: 'disbursements.reverse',
  method: 'post',
  path: '/disbursements/:id/reversal',
  summary:
    '교부 취소: correct a paid grant by its reversal (negative amounts naming it); the paid total and the ledger 집행 move back with it',
  roles: LEDGER_WRITERS,
  body: ReverseDisbursementBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await reverseDisbursement(ds, ctx, idParam(params.id), body) }),
});
