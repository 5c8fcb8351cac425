import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { ListAccountsQuery } from '../../../app/accounts/requests';
import { accountList } from '../../../queries/accounts/accounts';

export default route<object, ListAccountsQuery>({
  id: 'accounts.list',
  method: 'get',
  path: '/accounts',
  summary: 'The accounts (회계: 일반회계 · 특별회계 · 기금) in print order; with year, those that existed in it',
  roles: EVERYONE,
  query: ListAccountsQuery,
  handler: async ({ ds, query }) => ({ body: { items: await accountList(ds.manager, query.year) } }),
});
