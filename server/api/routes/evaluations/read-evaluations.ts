import { route } from '../../../http/route';
import { EVALUATION_READERS } from '../../../access/evaluation-roles';
import { ListEvaluationsQuery } from '../../../app/evaluations/requests';
import { getEvaluation, listEvaluations } from '../../../queries/evaluations/evaluations';
import { idParam } from '../../../http/params';

export const list = route<object, ListEvaluationsQuery>({
  id: 'evaluations.list',
  method: 'get',
  path: '/evaluations',
  summary: 'Evaluations of a consignment with indicator scores and computed totals',
  roles: EVALUATION_READERS,
  query: ListEvaluationsQuery,
  handler: async ({ ds, ctx, query }) => ({
    body: {
      items: await listEvaluations(ds.manager, ctx, {
        consignment: query.consignment,
        contractTermId: query.contractTermId,
        includeSuperseded: query.superseded === 'include',
      }),
    },
  }),
});

export const get = route({
  id: 'evaluations.get',
  method: 'get',
  path: '/evaluations/:id',
  summary: 'One evaluation: groups, indicator scores with comments, subtotals and the total',
  roles: EVALUATION_READERS,
  handler: async ({ ds, ctx, params }) => ({ body: await getEvaluation(ds.manager, ctx, idParam(params.id)) }),
});
