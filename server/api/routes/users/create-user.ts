import { route } from '../../../http/route';
import { ADMINS } from '../../../access/roles';
import { CreateUserRequest } from '../../../app/admin/requests';
import { createUser } from '../../../app/admin/users';
import { userView } from '../../../queries/admin/admin';

export default route<CreateUserRequest>({
  id: 'users.create',
  method: 'post',
  path: '/users',
  summary: 'Add a user account (a budget officer or inspector needs a department; the password has 12 to 200 characters)',
  roles: ADMINS,
  body: CreateUserRequest,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: userView(await createUser(ds, body, ctx)) }),
});
