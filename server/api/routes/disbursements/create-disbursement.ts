import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { createDisbursement } from '../../../app/grants/disbursements';
import { CreateDisbursementBody } from '../../../app/grants/requests';

export default route<CreateDisbursementBody>({
  id: 'disbursements.create',
  method: 'post',
  path: '/disbursements',
  summary:
    "The operator's request (신청); with decidedOn/paidOn also the decision and the payment, checked against the plan to date and 예산현액 under a lock",
  roles: LEDGER_WRITERS,
  body: CreateDisbursementBody,
  groupCommit: { status: 201 },
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createDisbursement(ds, ctx, body) }),
});
