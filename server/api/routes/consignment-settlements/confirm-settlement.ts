import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { confirmSettlement } from '../../../app/consignments/settlements';
import { ConfirmSettlementBody } from '../../../app/consignments/requests';
import { idParam } from '../../../http/params';

export default route<ConfirmSettlementBody>({
  id: 'consignment-settlements.confirm',
  method: 'post',
  path: '/consignment-settlements/:id/confirm',
  summary: 'Confirm a reviewed settlement: the return posts to the ledger and the consignment-year is locked',
  roles: LEDGER_WRITERS,
  body: ConfirmSettlementBody,
  handler: async ({ ds, ctx, params, body }) => ({ status: 201, body: await confirmSettlement(ds, ctx, idParam(params.id), body) }),
});
