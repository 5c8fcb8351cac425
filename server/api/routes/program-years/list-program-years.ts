import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, paged, pageWindow } from '../../../http/pagination';
import { route } from '../../../http/route';
import { IsFiscalYear } from '../../../app/validators';
import { LEDGER_READERS } from '../../../access/roles';
import { loadYearFacts } from '../../../queries/ledger/year-facts';
import { executionRateOf } from '../../../../domain/ledger';
import { orgUnitByCode } from '../../../app/ledger/reference';
import { unitsWithin } from '../../../access/scope';

export class ListProgramYearsQuery extends PageQuery {
  @IsFiscalYear()
  year: number;

  /** department or bureau code (or exact Korean name) */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  org?: string;
}

export default route<object, ListProgramYearsQuery>({
  id: 'program-years.list',
  method: 'get',
  path: '/program-years',
  summary: "A year's programs with 예산액 · 예산현액 · 집행액 · 차년이월 · 집행잔액 · 집행률",
  roles: LEDGER_READERS,
  query: ListProgramYearsQuery,
  handler: async ({ ds, query }) => {
    const { programs } = await loadYearFacts(ds.manager, query.year);
    let rows = programs;
    if (query.org) {
      const org = await orgUnitByCode(ds.manager, query.org, 'org');
      const within = await unitsWithin(ds.manager, org.id);
      rows = rows.filter((p) => within.has(p.orgUnitId));
    }
    const { skip, take } = pageWindow(query);
    const items = rows.slice(skip, skip + take).map((p) => ({ ...p, executionRate: executionRateOf(p.figures).text }));
    return { body: paged(items, rows.length, query) };
  },
});
