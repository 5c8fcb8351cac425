import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { CreateAppropriationBody } from '../../../app/reference/requests';
import { createAppropriation } from '../../../app/reference/program-years';
import { idParam } from '../../../http/params';

export default route<CreateAppropriationBody>({
  id: 'program-years.appropriate',
  method: 'post',
  path: '/program-years/:id/appropriations',
  summary: 'Record the appropriation of an expense item (편성목) with its calculation basis (산출근거)',
  roles: LEDGER_WRITERS,
  body: CreateAppropriationBody,
  handler: async ({ ds, ctx, body, params }) => ({
    status: 201,
    body: await createAppropriation(ds, ctx, { ...body, programYearId: idParam(params.id) }),
  }),
});
