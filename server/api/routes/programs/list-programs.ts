import { PageQuery, paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { LEDGER_READERS } from '../../../access/roles';
import { programList } from '../../../queries/reference/programs';

export default route<object, PageQuery>({
  id: 'programs.list',
  method: 'get',
  path: '/programs',
  summary: 'Programs with their stable codes',
  roles: LEDGER_READERS,
  query: PageQuery,
  handler: async ({ ds, query }) => {
    const { skip, take } = pageWindow(query);
    const { items, total } = await programList(ds.manager, skip, take);
    return { body: paged(items, total, query) };
  },
});
