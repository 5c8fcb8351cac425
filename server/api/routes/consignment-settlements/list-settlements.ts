import { route } from '../../../http/route';
import { EVERYONE } from '../../roles';
import { listSettlements } from '../../../services/consignment-settlement-service';
import { ConsignmentYearQuery } from '../grant-plans/queries';

export default route<object, ConsignmentYearQuery>({
  id: 'consignment-settlements.list',
  method: 'get',
  path: '/consignment-settlements',
  summary: 'Settlements (정산) of a consignment with their category lines',
  roles: EVERYONE,
  query: ConsignmentYearQuery,
  handler: async ({ ds, ctx, query }) => ({ body: await listSettlements(ds.manager, ctx, query.consignment, query.year) }),
});
