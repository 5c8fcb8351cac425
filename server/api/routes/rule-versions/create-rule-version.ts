import { route } from '../../../http/route';
import { ADMINS } from '../../../access/roles';
import { CreateRuleVersionBody } from '../../../app/admin/requests';
import { createRuleVersion } from '../../../app/admin/rule-versions';

export default route<CreateRuleVersionBody>({
  id: 'rule-versions.create',
  method: 'post',
  path: '/rule-versions',
  summary: 'Add a dated version of a rule (closes the previous open-ended version the day before)',
  roles: ADMINS,
  body: CreateRuleVersionBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createRuleVersion(ds, ctx, body) }),
});
