import { route } from '../../../http/route';
import { LEDGER_READERS } from '../../../access/roles';
import { SettlementQuery } from '../../../app/ledger/requests';
import { settlementFor } from '../../../queries/ledger/settlement';

export default route<object, SettlementQuery>({
  id: 'ledger.settlement',
  method: 'get',
  path: '/ledger/settlement',
  summary: '세출결산 rows of an organisation unit for a year, with every roll-up computed from stored won',
  roles: LEDGER_READERS,
  query: SettlementQuery,
  handler: async ({ ds, query }) => ({ body: await settlementFor(ds.manager, query.year, query.org, { account: query.account }) }),
});
