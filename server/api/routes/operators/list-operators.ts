import { Operator } from '../../../../entities/consignment';
import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';

export default route({
  id: 'operators.list',
  method: 'get',
  path: '/operators',
  summary: '수탁기관 (operators running consigned work)',
  roles: EVERYONE,
  handler: async ({ ds }) => ({ body: await ds.getRepository(Operator).find({ order: { name: 'ASC' } }) }),
});
