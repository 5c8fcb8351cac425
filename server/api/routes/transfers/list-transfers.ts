import { paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { LEDGER_READERS } from '../../../access/roles';
import { ListTransfersQuery } from '../../../app/ledger/requests';
import { readableTransfers } from '../../../queries/ledger/transfers';

export default route<object, ListTransfersQuery>({
  id: 'transfers.list',
  method: 'get',
  path: '/transfers',
  summary:
    'Transfers of a year; each 전용 with its committee-report status under the dated deadline rule (department-scoped roles: those touching their own department)',
  roles: LEDGER_READERS,
  query: ListTransfersQuery,
  handler: async ({ ds, ctx, query }) => {
    const all = await readableTransfers(ds.manager, ctx, query);
    const { skip, take } = pageWindow(query);
    return { body: paged(all.slice(skip, skip + take), all.length, query) };
  },
});
