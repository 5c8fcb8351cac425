import { route } from '../../../http/route';
import { LEDGER_READERS } from '../../../access/roles';
import { idParam } from '../../../http/params';
import { programYearDetail } from '../../../queries/ledger/program-year';

export default route({
  id: 'program-years.get',
  method: 'get',
  path: '/program-years/:id',
  summary: 'One program-year: appropriations with their calculation basis, figures by expense item',
  roles: LEDGER_READERS,
  handler: async ({ ds, ctx, params }) => {
    // A budget officer sees the detail of their own department's programs, as on the web page;
    // the settlement reports (public budget figures) stay readable across departments.
    const { programYear, ...detail } = await programYearDetail(ds.manager, ctx, idParam(params.id));
    return { body: { ...programYear, ...detail } };
  },
});
