import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { CreateRevenueLineBody } from '../../../app/revenue/requests';
import { createRevenueLine } from '../../../app/revenue/revenue';

export default route<CreateRevenueLineBody>({
  id: 'revenue.create-line',
  method: 'post',
  path: '/revenue-lines',
  summary: 'A revenue line (세입 과목) of a department for a fiscal year, with its 예산액 and 예산현액',
  roles: LEDGER_WRITERS,
  body: CreateRevenueLineBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createRevenueLine(ds, ctx, body) }),
});
