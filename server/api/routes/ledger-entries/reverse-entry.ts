import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { reverseEntry } from '../../../app/ledger/entries';
import { ReverseEntryBody } from '../../../app/ledger/requests';
import { idParam } from '../../../http/params';

export default route<ReverseEntryBody>({
  id: 'ledger-entries.reverse',
  method: 'post',
  path: '/ledger-entries/:id/reversal',
  summary: 'Correct an entry by posting its reversal (entries are never edited)',
  roles: LEDGER_WRITERS,
  body: ReverseEntryBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await reverseEntry(ds, ctx, idParam(params.id), body) }),
});
