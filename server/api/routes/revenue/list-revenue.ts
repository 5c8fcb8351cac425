import { route } from '../../../http/route';
import { LEDGER_READERS } from '../../../access/roles';
import { ListRevenueQuery } from '../../../app/revenue/requests';
import { revenueList } from '../../../queries/revenue/revenue-rows';

export default route<object, ListRevenueQuery>({
  id: 'revenue.list',
  method: 'get',
  path: '/revenue-lines',
  summary:
    "세입: 예산액 · 예산현액 · 징수결정액 · 수납액 · 불납결손액 · 미수납액 by line (department-scoped roles: their own department's lines)",
  roles: LEDGER_READERS,
  query: ListRevenueQuery,
  handler: async ({ ds, ctx, query }) => ({ body: { items: await revenueList(ds.manager, ctx, query.year, query.org) } }),
});
