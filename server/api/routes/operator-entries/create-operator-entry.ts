import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { recordOperatorEntry } from '../../../app/consignments/operator-entries';
import { OperatorEntryBody } from '../../../app/consignments/requests';

export default route<OperatorEntryBody>({
  id: 'operator-entries.create',
  method: 'post',
  path: '/operator-entries',
  summary: "Record the operator's spending (against a plan category) or interest earned",
  roles: LEDGER_WRITERS,
  body: OperatorEntryBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await recordOperatorEntry(ds, ctx, body) }),
});
