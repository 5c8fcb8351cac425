import { route } from '../../../http/route';
import { REFERENCE_WRITERS } from '../../../access/roles';
import { CreateProgramBody } from '../../../app/reference/requests';
import { createProgram } from '../../../app/reference/programs';

export default route<CreateProgramBody>({
  id: 'programs.create',
  method: 'post',
  path: '/programs',
  summary: 'Add a program (정책사업, 단위사업 or 기본경비) with a stable code',
  roles: REFERENCE_WRITERS,
  body: CreateProgramBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createProgram(ds, ctx, body) }),
});
