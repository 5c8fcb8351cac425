import { route } from '../../../http/route';
import { TEMPLATE_WRITERS } from '../../../access/inspection-roles';
import { createTemplate, createTemplateVersion } from '../../../app/inspections/templates';
import { idParam } from '../../../http/params';
import { CreateTemplateBody, TemplateVersionBody } from '../../../app/inspections/requests';

export const create = route<CreateTemplateBody>({
  id: 'inspectionTemplates.create',
  method: 'post',
  path: '/inspection-templates',
  summary: 'A new checklist template with its version 1',
  roles: TEMPLATE_WRITERS,
  body: CreateTemplateBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createTemplate(ds, ctx, body) }),
});

export const createVersion = route<TemplateVersionBody>({
  id: 'inspectionTemplates.createVersion',
  method: 'post',
  path: '/inspection-templates/:id/versions',
  summary: 'Edit a template by writing its next version; inspections filed against earlier versions are unchanged',
  roles: TEMPLATE_WRITERS,
  body: TemplateVersionBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await createTemplateVersion(ds, ctx, idParam(params.id), body) }),
});
