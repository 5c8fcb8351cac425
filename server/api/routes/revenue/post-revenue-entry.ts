import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { IsCalendarDate, IsWon } from '../../../app/validators';
import { LEDGER_WRITERS } from '../../../access/roles';
import { postRevenueEntry } from '../../../app/ledger/revenue';
import { idParam } from '../../../http/params';

export class PostRevenueEntryBody {
  @IsIn(['assessed', 'collected', 'written_off'])
  kind: 'assessed' | 'collected' | 'written_off';

  @IsWon()
  amount: number;

  @IsCalendarDate()
  entryDate: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export default route<PostRevenueEntryBody>({
  id: 'revenue.post',
  method: 'post',
  path: '/revenue-lines/:id/entries',
  summary: 'Record 징수결정 · 수납 · 불납결손 on a revenue line',
  roles: LEDGER_WRITERS,
  body: PostRevenueEntryBody,
  handler: async ({ ds, ctx, body, params }) => ({
    status: 201,
    body: await postRevenueEntry(ds, ctx, { ...body, revenueLineId: idParam(params.id) }),
  }),
});
