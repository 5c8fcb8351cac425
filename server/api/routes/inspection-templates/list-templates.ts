import { route } from '../../../http/route';
import { TEMPLATE_READERS } from '../../../access/inspection-roles';
import { listTemplates, templateVersionView } from '../../../queries/inspections/templates';
import { idParam } from '../../../http/params';

export const list = route({
  id: 'inspectionTemplates.list',
  method: 'get',
  path: '/inspection-templates',
  summary: 'Checklist templates for inspections (지도점검 점검표) with their versions',
  roles: TEMPLATE_READERS,
  handler: async ({ ds }) => ({ body: { items: await listTemplates(ds.manager) } }),
});

export const getVersion = route({
  id: 'inspectionTemplates.getVersion',
  method: 'get',
  path: '/inspection-templates/versions/:id',
  summary: 'One template version: areas (분야 → 지표), items with guidance, rating scale and measurable criteria',
  roles: TEMPLATE_READERS,
  handler: async ({ ds, params }) => ({ body: await templateVersionView(ds.manager, idParam(params.id)) }),
});
