import { In } from 'typeorm';
import { OrgUnit } from '../../../entities/org-unit';
import { ProgramYear } from '../../../entities/program-year';
import { User } from '../../../entities/user';
import { addFigures, executionRateOf } from '../../../domain/ledger';
import { EVERYONE } from '../../access/roles';
import { unitsWithin } from '../../access/scope';
import { listTransfers } from '../../queries/ledger/transfers';
import { PageDef } from '../types';
import { executionChartSvg, orgName, pickYear, programsOf, today } from './common';
import { dashboardExtras } from './dashboard-extras';

const pages: PageDef[] = [
  {
    id: 'web.dashboard',
    method: 'get',
    path: '/',
    roles: EVERYONE,
    nav: '할 일',
    handler: async ({ req, ds, ctx, user, render }) => {
      const em = ds.manager;
      const { year, years } = await pickYear(em, req.query.year);
      const role = user!.role;
      const scoped = role === 'budget_officer' || role === 'inspector';
      const own = scoped ? user!.orgUnitId : null;
      const data: Record<string, unknown> = { title: '할 일', year, years, department: await orgName(em, own) };
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
          const depts = await em.getRepository(OrgUnit).findBy({ id: In([...new Set(programs.map((p) => p.orgUnitId))]) });
          const rows = depts
            .map((d) => ({
              label: d.name,
              id: d.id,
              figures: addFigures(programs.filter((p) => p.orgUnitId === d.id).map((p) => p.figures)),
            }))
            .sort((a, b) => a.label.localeCompare(b.label, 'ko'));
          data.departments = rows.map((r) => ({ ...r, rate: executionRateOf(r.figures).text }));
          data.chartSvg = executionChartSvg(`${year}년 부서별 집행률`, rows);
        }
        // 전용 not reported to the standing committee by the deadline
        if (role !== 'admin') {
          let overdue = await listTransfers(em, { year, status: 'unreported_overdue', asOf: today() });
          if (own !== null) {
            const pys = overdue.length
              ? await em.getRepository(ProgramYear).findBy({ id: In(overdue.map((t) => t.fromProgramYearId)) })
              : [];
            const within = await unitsWithin(em, own);
            overdue = overdue.filter((t) => {
              const py = pys.find((p) => p.id === t.fromProgramYearId);
              return py !== undefined && within.has(t.fromOrgUnitId ?? py.orgUnitId);
            });
          }
          data.overdueTransfers = overdue;
        }
      }
      if (role === 'admin') {
        data.userCount = await em.getRepository(User).count();
      }
      Object.assign(data, await dashboardExtras(em, ctx, year));
      render('dashboard.njk', data);
    },
  },
];

export default pages;
