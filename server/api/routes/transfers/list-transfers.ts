import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery, paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { IsCalendarDate, IsFiscalYear } from '../../../requests/validators';
import { LEDGER_READERS } from '../../../access/roles';
import { listTransfers } from '../../../queries/ledger/transfers';
import type { ReportStatus } from '../../../../domain/transfer-deadline';

export class ListTransfersQuery extends PageQuery {
  @IsFiscalYear()
  year: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @IsOptional()
  @IsIn(['item', 'program', 'org'])
  kind?: 'item' | 'program' | 'org';

  /** judge "overdue" as of this day (default today) */
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  /** e.g. unreported_overdue: the 전용 still unreported after their deadline */
  @IsOptional()
  @IsIn(['reported', 'reported_late', 'unreported', 'unreported_overdue'])
  status?: ReportStatus;
}

export default route<object, ListTransfersQuery>({
  id: 'transfers.list',
  method: 'get',
  path: '/transfers',
  summary: 'Transfers of a year; each 전용 with its committee-report status under the dated deadline rule',
  roles: LEDGER_READERS,
  query: ListTransfersQuery,
  handler: async ({ ds, query }) => {
    const all = await listTransfers(ds.manager, query);
    const { skip, take } = pageWindow(query);
    return { body: paged(all.slice(skip, skip + take), all.length, query) };
  },
});
