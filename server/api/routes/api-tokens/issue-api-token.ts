import { route } from '../../../http/route';
import { ADMINS } from '../../../access/roles';
import { IssueApiTokenRequest } from '../../../app/admin/requests';
import { issueApiToken } from '../../../app/admin/api-tokens';

export default route<IssueApiTokenRequest>({
  id: 'api-tokens.issue',
  method: 'post',
  path: '/api-tokens',
  summary: 'Issue a named integration token for a user (the token is in this response only; it is stored hashed)',
  roles: ADMINS,
  body: IssueApiTokenRequest,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await issueApiToken(ds, ctx, body) }),
});
