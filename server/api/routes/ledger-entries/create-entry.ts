import { IsInt, Min } from 'class-validator';
import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { postEntry } from '../../../app/ledger/ledger';
import { LedgerEntryFields } from '../../../app/ledger/entry-fields';

export class CreateEntryBody extends LedgerEntryFields {
  @IsInt()
  @Min(1)
  programYearId: number;
}

export default route<CreateEntryBody>({
  id: 'ledger-entries.create',
  method: 'post',
  path: '/ledger-entries',
  summary: 'Post an entry; an execution or carry-over beyond 예산현액 is refused with the figures',
  roles: LEDGER_WRITERS,
  body: CreateEntryBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await postEntry(ds, ctx, body) }),
});
