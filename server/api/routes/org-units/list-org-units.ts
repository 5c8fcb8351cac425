import { paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { ListOrgUnitsQuery } from '../../../app/reference/requests';
import { orgUnitList } from '../../../queries/reference/org-units';

export default route<object, ListOrgUnitsQuery>({
  id: 'org-units.list',
  method: 'get',
  path: '/org-units',
  summary: 'The organisation chart (실·국 → 부서 → 팀) with validity periods',
  roles: EVERYONE,
  query: ListOrgUnitsQuery,
  handler: async ({ ds, query }) => {
    const { skip, take } = pageWindow(query);
    const { items, total } = await orgUnitList(ds.manager, query.year, skip, take);
    return { body: paged(items, total, query) };
  },
});
