import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { listOperatorEntries } from '../../../app/consignments/settlements';
import { ConsignmentYearQuery } from '../grant-plans/queries';

export default route<object, ConsignmentYearQuery>({
  id: 'operator-entries.list',
  method: 'get',
  path: '/operator-entries',
  summary: "The operator's spending per quarter and category, and interest earned on the grant account",
  roles: EVERYONE,
  query: ConsignmentYearQuery,
  handler: async ({ ds, ctx, query }) => ({ body: await listOperatorEntries(ds.manager, ctx, query.consignment, query.year) }),
});
