import { paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { LEDGER_READERS } from '../../../access/roles';
import { ListProgramYearsQuery } from '../../../app/reference/requests';
import { programYearList } from '../../../queries/reference/program-years';

export default route<object, ListProgramYearsQuery>({
  id: 'program-years.list',
  method: 'get',
  path: '/program-years',
  summary:
    "A year's programs with 예산액 · 예산현액 · 집행액 · 차년이월 · 집행잔액 · 집행률 (department-scoped roles: their own department's programs)",
  roles: LEDGER_READERS,
  query: ListProgramYearsQuery,
  handler: async ({ ds, ctx, query }) => {
    const { skip, take } = pageWindow(query);
    const { items, total } = await programYearList(ds.manager, ctx, query.year, query.org, skip, take);
    return { body: paged(items, total, query) };
  },
});
