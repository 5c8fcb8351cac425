import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { submitSettlement } from '../../../app/consignments/settlements';
import { SubmitSettlementBody } from '../../../app/consignments/requests';

export default route<SubmitSettlementBody>({
  id: 'consignment-settlements.submit',
  method: 'post',
  path: '/consignment-settlements',
  summary: 'Submit the year-end settlement: 반납액 = 교부액 + 이자 − 집행액, categories against the plan, overspending flagged',
  roles: LEDGER_WRITERS,
  body: SubmitSettlementBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await submitSettlement(ds, ctx, body) }),
});
