import { PageQuery, paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { ADMINS } from '../../../access/roles';
import { listUsers } from '../../../queries/admin/admin';

export default route<object, PageQuery>({
  id: 'users.list',
  method: 'get',
  path: '/users',
  summary: 'The user accounts (administrators only), by user name',
  roles: ADMINS,
  query: PageQuery,
  handler: async ({ ds, query }) => {
    const all = await listUsers(ds.manager);
    const { skip, take } = pageWindow(query);
    return { body: paged(all.slice(skip, skip + take), all.length, query) };
  },
});
