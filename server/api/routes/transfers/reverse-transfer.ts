import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { reverseTransfer } from '../../../app/ledger/transfers';
import { ReverseTransferBody } from '../../../app/ledger/requests';
import { idParam } from '../../../http/params';

export default route<ReverseTransferBody>({
  id: 'transfers.reverse',
  method: 'post',
  path: '/transfers/:id/reversal',
  summary:
    'Correct a 전용 · 이용 · 이체 by posting its reversal: the amount moves back (a whole-program 이체 returns the program), never below zero on the receiving line',
  roles: LEDGER_WRITERS,
  body: ReverseTransferBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await reverseTransfer(ds, ctx, idParam(params.id), body) }),
});
