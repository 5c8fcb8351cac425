import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { createTransfer } from '../../../app/ledger/transfers';
import { CreateTransferBody } from '../../../app/ledger/requests';

export default route<CreateTransferBody>({
  id: 'transfers.create',
  method: 'post',
  path: '/transfers',
  summary: '전용 · 이용 · 이체 between expense lines; the source line never goes below zero',
  roles: LEDGER_WRITERS,
  body: CreateTransferBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createTransfer(ds, ctx, body) }),
});
