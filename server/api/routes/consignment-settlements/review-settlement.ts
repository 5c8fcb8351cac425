import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { reviewSettlement } from '../../../app/consignments/settlements';
import { ReviewSettlementBody } from '../../../app/consignments/requests';
import { idParam } from '../../../http/params';

export default route<ReviewSettlementBody>({
  id: 'consignment-settlements.review',
  method: 'post',
  path: '/consignment-settlements/:id/review',
  summary: 'Review a submitted settlement',
  roles: LEDGER_WRITERS,
  body: ReviewSettlementBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await reviewSettlement(ds, ctx, idParam(params.id), body) }),
});
