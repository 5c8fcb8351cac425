import { route } from '../../../http/route';
import { ADMINS } from '../../../access/roles';
import { idParam } from '../../../http/params';
import { revokeApiToken } from '../../../app/admin/api-tokens';

export default route({
  id: 'api-tokens.revoke',
  method: 'post',
  path: '/api-tokens/:id/revocation',
  summary: 'Revoke an API token: from the next request on it is refused (401)',
  roles: ADMINS,
  handler: async ({ ds, ctx, params }) => ({ body: await revokeApiToken(ds, ctx, idParam(params.id)) }),
});
