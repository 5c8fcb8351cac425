import { route } from '../../../http/route';
import { ADMINS } from '../../../access/roles';
import { idParam } from '../../../http/params';
import { UpdateUserRequest } from '../../../app/admin/requests';
import { updateUser } from '../../../app/admin/users';
import { userView } from '../../../queries/admin/admin';

export default route<UpdateUserRequest>({
  id: 'users.update',
  method: 'patch',
  path: '/users/:id',
  summary: "Change a user's role, department, active flag or password (an administrator may not demote or deactivate themself)",
  roles: ADMINS,
  body: UpdateUserRequest,
  handler: async ({ ds, ctx, body, params }) => ({ body: userView(await updateUser(ds, ctx, idParam(params.id), body)) }),
});
