import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { postEntry } from '../../../app/ledger/entries';
import { CreateEntryBody } from '../../../app/ledger/requests';

export default route<CreateEntryBody>({
  id: 'ledger-entries.create',
  method: 'post',
  path: '/ledger-entries',
  summary: 'Post an entry; an execution or carry-over beyond 예산현액 is refused with the figures',
  roles: LEDGER_WRITERS,
  body: CreateEntryBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await postEntry(ds, ctx, body) }),
});
