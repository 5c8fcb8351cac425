import { paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { LEDGER_READERS } from '../../../access/roles';
import { ListTransfersQuery } from '../../../app/ledger/requests';
import { listTransfers } from '../../../queries/ledger/transfers';

export default route<object, ListTransfersQuery>({
  id: 'transfers.list',
  method: 'get',
  path: '/transfers',
  summary: 'Transfers of a year; each 전용 with its committee-report status under the dated deadline rule',
  roles: LEDGER_READERS,
  query: ListTransfersQuery,
  handler: async ({ ds, query }) => {
    const all = await listTransfers(ds.manager, query);
    const { skip, take } = pageWindow(query);
    return { body: paged(all.slice(skip, skip + take), all.length, query) };
  },
});
