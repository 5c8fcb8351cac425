import { paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { LEDGER_READERS } from '../../../access/roles';
import { ListEntriesQuery } from '../../../app/ledger/requests';
import { listEntries } from '../../../queries/ledger/entries';

export default route<object, ListEntriesQuery>({
  id: 'ledger-entries.list',
  method: 'get',
  path: '/ledger-entries',
  summary:
    "Ledger entries (추경, 이월, 전용·이용·이체, 집행, 차년이월, reversals), newest first, of the programs the caller may read (department-scoped roles: their own department's)",
  roles: LEDGER_READERS,
  query: ListEntriesQuery,
  handler: async ({ ds, ctx, query }) => {
    const { skip, take } = pageWindow(query);
    const [items, total] = await listEntries(ds.manager, ctx, query, skip, take);
    return { body: paged(items, total, query) };
  },
});
