import { route } from '../../../http/route';
import { ADMINS } from '../../../access/roles';
import { openYear } from '../../../app/ledger/fiscal-years';
import { OpenFiscalYearBody } from '../../../app/ledger/requests';

export default route<OpenFiscalYearBody>({
  id: 'fiscal-years.open',
  method: 'post',
  path: '/fiscal-years',
  summary: 'Open a new fiscal year, carrying forward the programs of the year before that continue (not their amounts)',
  roles: ADMINS,
  body: OpenFiscalYearBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await openYear(ds, ctx, body.year) }),
});
