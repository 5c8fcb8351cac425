import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { FindOptionsWhere } from 'typeorm';
import { LedgerEntry, ENTRY_KINDS, EntryKind } from '../../../../entities/ledger-entry';
import { PageQuery, paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { IsFiscalYear } from '../../../requests/validators';
import { LEDGER_READERS } from '../../../access/roles';

export class ListEntriesQuery extends PageQuery {
  @IsOptional()
  @IsFiscalYear()
  year?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  programYearId?: number;

  @IsOptional()
  @IsIn(ENTRY_KINDS)
  kind?: EntryKind;
}

export default route<object, ListEntriesQuery>({
  id: 'ledger-entries.list',
  method: 'get',
  path: '/ledger-entries',
  summary: 'Ledger entries (추경, 이월, 전용·이용·이체, 집행, 차년이월, reversals), newest first',
  roles: LEDGER_READERS,
  query: ListEntriesQuery,
  handler: async ({ ds, query }) => {
    const where: FindOptionsWhere<LedgerEntry> = {};
    if (query.year) where.fiscalYear = query.year;
    if (query.programYearId) where.programYearId = query.programYearId;
    if (query.kind) where.kind = query.kind;
    const { skip, take } = pageWindow(query);
    const [items, total] = await ds.getRepository(LedgerEntry).findAndCount({ where, order: { id: 'DESC' }, skip, take });
    return { body: paged(items, total, query) };
  },
});
