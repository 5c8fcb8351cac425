import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { listSettlements } from '../../../queries/consignments/settlements';
import { ConsignmentYearQuery } from '../../../queries/consignments/consignment-year-query';

export default route<object, ConsignmentYearQuery>({
  id: 'consignment-settlements.list',
  method: 'get',
  path: '/consignment-settlements',
  summary: 'Settlements (정산) of a consignment with their category lines',
  roles: EVERYONE,
  query: ConsignmentYearQuery,
  handler: async ({ ds, ctx, query }) => ({ body: await listSettlements(ds.manager, ctx, query.consignment, query.year) }),
});
