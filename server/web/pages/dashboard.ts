import { executionRateOf } from '../../../domain/ledger';
import { EVERYONE } from '../../access/roles';
import { departmentFigures, overdueTransfers, userCount } from '../../queries/dashboard/dashboard';
import { PageDef } from '../types';
import { executionChartSvg, orgName, pickYear, programsOf, today } from './common';
import { dashboardExtras } from './dashboard-extras';
import { isReadOnlyRole, readerDashboard } from './dashboard-reader';

const pages: PageDef[] = [
  {
    id: 'web.dashboard',
    method: 'get',
    path: '/',
    roles: EVERYONE,
    nav: '처음',
    handler: async ({ req, ds, ctx, user, render }) => {
      const em = ds.manager;
      const { year, years } = await pickYear(em, req.query.year);
      const role = user!.role;
      const scoped = role === 'budget_officer' || role === 'inspector';
      const own = scoped ? user!.orgUnitId : null;
      const reader = isReadOnlyRole(role);
      const data: Record<string, unknown> = {
        title: reader ? '열람 현황' : '할 일',
        reader,
        year,
        years,
        department: await orgName(em, own),
      };
      if (year !== null && role !== 'inspector') {
        const programs = await programsOf(em, year, own);
        if (scoped) {
          data.programs = programs.map((p) => ({ ...p, rate: executionRateOf(p.figures).text }));
          data.chartSvg = executionChartSvg(
            `${year}년 사업별 집행률`,
            programs.map((p) => ({ label: p.name, figures: p.figures })),
          );
        } else {
          // council staff and administrators: one bar per department
          const rows = await departmentFigures(em, programs);
          data.departments = rows.map((r) => ({ ...r, rate: executionRateOf(r.figures).text }));
          data.chartSvg = executionChartSvg(`${year}년 부서별 집행률`, rows);
        }
        // 전용 not reported to the standing committee by the deadline
        if (role !== 'admin') {
          data.overdueTransfers = await overdueTransfers(em, year, today(), own);
        }
      }
      if (role === 'admin') {
        data.userCount = await userCount(em);
      }
      Object.assign(data, await dashboardExtras(em, ctx, year));
      if (reader) Object.assign(data, await readerDashboard(em, ctx, year));
      render('dashboard.njk', data);
    },
  },
];

export default pages;
