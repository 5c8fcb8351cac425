import { route } from '../../../http/route';
import { SETTLEMENT_WRITERS } from '../../../access/roles';
import { PutAccountSettlementBody } from '../../../app/accounts/requests';
import { recordAccountSettlement } from '../../../app/accounts/accounts';
import { yearParam } from '../../../http/params';

export default route<PutAccountSettlementBody>({
  id: 'accounts.settlement.put',
  method: 'put',
  path: '/accounts/:code/settlements/:year',
  summary: "Record an account's 보조금 반납금 and 교부차액 (signed) for a year's 결산 총괄; a closed year is refused",
  roles: SETTLEMENT_WRITERS,
  body: PutAccountSettlementBody,
  handler: async ({ ds, ctx, body, params }) => ({
    body: await recordAccountSettlement(ds, ctx, params.code, yearParam(params.year), body),
  }),
});
