import { route } from '../../../http/route';
import { TEMPLATE_WRITERS } from '../../../access/evaluation-roles';
import { createTemplate } from '../../../app/evaluations/templates';
import { CreateTemplateBody } from '../../../app/evaluations/requests';

export default route<CreateTemplateBody>({
  id: 'evaluation-templates.create',
  method: 'post',
  path: '/evaluation-templates',
  summary:
    'A new version of a comprehensive-evaluation template: indicator groups (공통/개별, 계량/비계량), indicators with maximum points, grade bands',
  roles: TEMPLATE_WRITERS,
  body: CreateTemplateBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createTemplate(ds, ctx, body) }),
});
