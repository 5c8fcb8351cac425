import { IsOptional, IsString, MaxLength } from 'class-validator';
import { route } from '../../../http/route';
import { IsFiscalYear } from '../../../app/validators';
import { LEDGER_READERS } from '../../../access/roles';
import { revenueRows } from '../../../app/ledger/revenue';
import { orgUnitByCode } from '../../../app/ledger/reference';

export class ListRevenueQuery {
  @IsFiscalYear()
  year: number;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  org?: string;
}

export default route<object, ListRevenueQuery>({
  id: 'revenue.list',
  method: 'get',
  path: '/revenue-lines',
  summary: '세입: 예산액 · 예산현액 · 징수결정액 · 수납액 · 불납결손액 · 미수납액 by line',
  roles: LEDGER_READERS,
  query: ListRevenueQuery,
  handler: async ({ ds, query }) => {
    const org = query.org ? await orgUnitByCode(ds.manager, query.org, 'org') : null;
    return { body: { items: await revenueRows(ds.manager, query.year, org?.id) } };
  },
});
