import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { PostRevenueEntryBody } from '../../../app/revenue/requests';
import { postRevenueEntry } from '../../../app/revenue/revenue';
import { idParam } from '../../../http/params';

export default route<PostRevenueEntryBody>({
  id: 'revenue.post',
  method: 'post',
  path: '/revenue-lines/:id/entries',
  summary: 'Record 징수결정 · 수납 · 불납결손 · 환급 on a revenue line',
  roles: LEDGER_WRITERS,
  body: PostRevenueEntryBody,
  handler: async ({ ds, ctx, body, params }) => ({
    status: 201,
    body: await postRevenueEntry(ds, ctx, { ...body, revenueLineId: idParam(params.id) }),
  }),
});
