import { route } from '../../../http/route';
import { ADMINS, LEDGER_WRITERS } from '../../../access/roles';
import { importJobOf } from '../../../app/imports/jobs';

export default route({
  id: 'imports.jobs.read',
  method: 'get',
  path: '/imports/jobs/:id',
  summary: "An import job's phase, percent, rows read and, when finished, its result or its refusal",
  roles: [...LEDGER_WRITERS, ...ADMINS],
  handler: async ({ ctx, params }) => ({ body: importJobOf(params.id, ctx) }),
});
