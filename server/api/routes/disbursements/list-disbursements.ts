import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { listDisbursements } from '../../../queries/consignments/grants';
import { ConsignmentYearQuery } from '../../../queries/consignments/consignment-year-query';

export default route<object, ConsignmentYearQuery>({
  id: 'disbursements.list',
  method: 'get',
  path: '/disbursements',
  summary: 'Grants of a consignment (신청 · 교부결정 · 교부)',
  roles: EVERYONE,
  query: ConsignmentYearQuery,
  handler: async ({ ds, ctx, query }) => ({ body: await listDisbursements(ds.manager, ctx, query.consignment, query.year) }),
});
