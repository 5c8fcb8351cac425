import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { CreateProgramYearBody } from '../../../app/reference/requests';
import { createProgramYear } from '../../../app/reference/program-years';

export default route<CreateProgramYearBody>({
  id: 'program-years.create',
  method: 'post',
  path: '/program-years',
  summary: 'Put a program into a fiscal year under a department',
  roles: LEDGER_WRITERS,
  body: CreateProgramYearBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createProgramYear(ds, ctx, body) }),
});
