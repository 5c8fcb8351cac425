import { IsOptional, IsString, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { LEDGER_READERS } from '../../../access/roles';
import { IsCalendarDate, IsFiscalYear } from '../../../requests/validators';
import { openGrantRequests } from '../../../queries/consignments/grant-requests';

export class OpenRequestsQuery {
  /** consignment id, code or exact name */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  consignment?: string;

  @IsOptional()
  @IsFiscalYear()
  year?: number;

  /** the day ages are counted to (today by default) */
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export default route<object, OpenRequestsQuery>({
  id: 'grantRequests.list',
  method: 'get',
  path: '/grant-requests',
  summary: 'Requests awaiting a decision or a payment, oldest first, each with its age in days',
  roles: LEDGER_READERS,
  query: OpenRequestsQuery,
  handler: async ({ ds, ctx, query }) => ({
    body: {
      items: await openGrantRequests(ds.manager, ctx, {
        asOf: query.asOf ?? new Date().toISOString().slice(0, 10),
        consignment: query.consignment,
        year: query.year,
      }),
    },
  }),
});
