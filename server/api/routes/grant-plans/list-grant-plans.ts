import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { listGrantPlans } from '../../../queries/consignments/grants';
import { ConsignmentYearQuery } from '../../../queries/consignments/consignment-year-query';

export default route<object, ConsignmentYearQuery>({
  id: 'grant-plans.list',
  method: 'get',
  path: '/grant-plans',
  summary: "Every version of a consignment's grant plans (교부계획), with categories",
  roles: EVERYONE,
  query: ConsignmentYearQuery,
  handler: async ({ ds, ctx, query }) => ({ body: await listGrantPlans(ds.manager, ctx, query.consignment, query.year) }),
});
