import { PageQuery, paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { ADMINS } from '../../../access/roles';
import { listApiTokens } from '../../../queries/admin/api-tokens';

export default route<object, PageQuery>({
  id: 'api-tokens.list',
  method: 'get',
  path: '/api-tokens',
  summary: 'The API tokens, newest first: name, user, created, expires, last used, revoked (never the secret)',
  roles: ADMINS,
  query: PageQuery,
  handler: async ({ ds, query }) => {
    const all = await listApiTokens(ds.manager);
    const { skip, take } = pageWindow(query);
    return { body: paged(all.slice(skip, skip + take), all.length, query) };
  },
});
