import { route } from '../../../http/route';
import { REFERENCE_WRITERS } from '../../../access/roles';
import { CreateAccountBody } from '../../../app/accounts/requests';
import { createAccount } from '../../../app/accounts/accounts';

export default route<CreateAccountBody>({
  id: 'accounts.create',
  method: 'post',
  path: '/accounts',
  summary: 'Add an account (회계) with a stable code, its kind and validity',
  roles: REFERENCE_WRITERS,
  body: CreateAccountBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createAccount(ds, ctx, body) }),
});
