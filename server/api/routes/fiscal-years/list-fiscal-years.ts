import { FiscalYear } from '../../../../entities/fiscal-year';
import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';

export default route({
  id: 'fiscal-years.list',
  method: 'get',
  path: '/fiscal-years',
  summary: 'Fiscal years and whether each is open or closed',
  roles: EVERYONE,
  handler: async ({ ds }) => ({ body: { items: await ds.getRepository(FiscalYear).find({ order: { year: 'ASC' } }) } }),
});
