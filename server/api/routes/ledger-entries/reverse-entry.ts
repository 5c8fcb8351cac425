import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate } from '../../../requests/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { reverseEntry } from '../../../app/ledger/ledger';
import { idParam } from '../../../http/params';

export class ReverseEntryBody {
  @IsCalendarDate()
  entryDate: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export default route<ReverseEntryBody>({
  id: 'ledger-entries.reverse',
  method: 'post',
  path: '/ledger-entries/:id/reversal',
  summary: 'Correct an entry by posting its reversal (entries are never edited)',
  roles: LEDGER_WRITERS,
  body: ReverseEntryBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await reverseEntry(ds, ctx, idParam(params.id), body) }),
});
