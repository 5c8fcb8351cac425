import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { listOperatorEntries } from '../../../queries/consignments/settlements';
import { ConsignmentYearQuery } from '../../../queries/consignments/consignment-year-query';

export default route<object, ConsignmentYearQuery>({
  id: 'operator-entries.list',
  method: 'get',
  path: '/operator-entries',
  summary: "The operator's spending per quarter and category, and interest earned on the grant account",
  roles: EVERYONE,
  query: ConsignmentYearQuery,
  handler: async ({ ds, ctx, query }) => ({ body: await listOperatorEntries(ds.manager, ctx, query.consignment, query.year) }),
});
