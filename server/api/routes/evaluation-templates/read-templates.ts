import { route } from '../../../http/route';
import { EVALUATION_READERS } from '../../../access/evaluation-roles';
import { ListTemplatesQuery } from '../../../app/evaluations/requests';
import { listTemplates, templateView } from '../../../queries/evaluations/templates';
import { idParam } from '../../../http/params';

export const list = route<object, ListTemplatesQuery>({
  id: 'evaluation-templates.list',
  method: 'get',
  path: '/evaluation-templates',
  summary: 'Evaluation template versions with their groups, indicators and maximum points',
  roles: EVALUATION_READERS,
  query: ListTemplatesQuery,
  handler: async ({ ds, query }) => ({ body: { items: await listTemplates(ds.manager, query) } }),
});

export const get = route({
  id: 'evaluation-templates.get',
  method: 'get',
  path: '/evaluation-templates/:id',
  summary: 'One evaluation template version',
  roles: EVALUATION_READERS,
  handler: async ({ ds, params }) => ({ body: await templateView(ds.manager, idParam(params.id)) }),
});
