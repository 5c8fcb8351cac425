import { route } from '../../../http/route';
import { EVALUATION_WRITERS } from '../../../access/evaluation-roles';
import { createIndicator } from '../../../app/evaluations/indicators';
import { CreateIndicatorBody } from '../../../app/evaluations/requests';

export default route<CreateIndicatorBody>({
  id: 'performance-indicators.create',
  method: 'post',
  path: '/performance-indicators',
  summary: 'Define a performance indicator (성과지표) of a consignment',
  roles: EVALUATION_WRITERS,
  body: CreateIndicatorBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createIndicator(ds, ctx, body) }),
});
