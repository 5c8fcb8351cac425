import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { listOperators } from '../../../queries/consignments/consignments';

export default route({
  id: 'operators.list',
  method: 'get',
  path: '/operators',
  summary: '수탁기관 (operators running consigned work)',
  roles: EVERYONE,
  handler: async ({ ds }) => ({ body: await listOperators(ds.manager) }),
});
