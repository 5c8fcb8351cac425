import { route } from '../../../http/route';
import { ADMINS } from '../../../access/roles';
import { yearParam } from '../../../http/params';
import { carryOverPreview } from '../../../queries/ledger/carry-over';

export default route({
  id: 'fiscal-years.carry-over',
  method: 'get',
  path: '/fiscal-years/:year/carry-over',
  summary: 'What closing the year carries into the next (차년이월 → 전년이월): totals per carry type (명시 · 사고 · 계속비) and per line',
  roles: ADMINS,
  handler: async ({ ds, params }) => ({ body: await carryOverPreview(ds.manager, yearParam(params.year)) }),
});
