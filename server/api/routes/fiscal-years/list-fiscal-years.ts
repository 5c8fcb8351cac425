import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { listFiscalYears } from '../../../queries/ledger/fiscal-years';

export default route({
  id: 'fiscal-years.list',
  method: 'get',
  path: '/fiscal-years',
  summary: 'Fiscal years and whether each is open or closed',
  roles: EVERYONE,
  handler: async ({ ds }) => ({ body: { items: await listFiscalYears(ds.manager, 'ASC') } }),
});
