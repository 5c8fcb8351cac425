import { route } from '../../../http/route';
import { EVALUATION_READERS } from '../../../access/evaluation-roles';
import { ListIndicatorsQuery } from '../../../app/evaluations/requests';
import { getIndicator, listIndicators } from '../../../queries/evaluations/indicators';
import { idParam } from '../../../http/params';

export const list = route<object, ListIndicatorsQuery>({
  id: 'performance-indicators.list',
  method: 'get',
  path: '/performance-indicators',
  summary: 'Performance indicators of a consignment: target, actual and achievement per period',
  roles: EVALUATION_READERS,
  query: ListIndicatorsQuery,
  handler: async ({ ds, ctx, query }) => ({ body: { items: await listIndicators(ds.manager, ctx, query) } }),
});

export const get = route({
  id: 'performance-indicators.get',
  method: 'get',
  path: '/performance-indicators/:id',
  summary: 'One performance indicator with its values',
  roles: EVALUATION_READERS,
  handler: async ({ ds, ctx, params }) => ({ body: await getIndicator(ds.manager, ctx, idParam(params.id)) }),
});
