import { route } from '../../../http/route';
import { ADMINS } from '../../../access/roles';
import { closeYear } from '../../../app/ledger/fiscal-years';
import { yearParam } from '../../../http/params';

export default route({
  id: 'fiscal-years.close',
  method: 'post',
  path: '/fiscal-years/:year/close',
  summary: "Close a fiscal year: from then on it is read-only; its 차년이월 become the next year's 전년이월 (the next year must be open)",
  roles: ADMINS,
  handler: async ({ ds, ctx, params }) => ({ body: await closeYear(ds, ctx, yearParam(params.year)) }),
});
