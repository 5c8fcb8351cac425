import { route } from '../../../http/route';
import { createOperator } from '../../../app/consignments/consignments';
import { CreateOperatorBody } from '../../../app/consignments/requests';

export default route<CreateOperatorBody>({
  id: 'operators.create',
  method: 'post',
  path: '/operators',
  summary: 'Register an operator (수탁기관: name, registration number, representative)',
  roles: ['budget_officer', 'admin'],
  body: CreateOperatorBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createOperator(ds, ctx, body) }),
});
