import { DomainError } from '../../../domain/errors';
import { ADMINS } from '../../access/roles';
import { closeYear, openYear, type YearOpening } from '../../app/ledger/fiscal-years';
import { OpenFiscalYearBody } from '../../app/ledger/requests';
import { httpStatusOf } from '../../http/error-status';
import { carryOverPreview, yearRows } from '../../queries/ledger/carry-over';
import { formBody } from '../form-body';
import { PageCall, PageDef } from '../types';
import { formAction, problemView, type ProblemView } from './forms';

/** The year operations: the years with their status, opening the next one, closing one after a confirmation. */

async function yearsView(
  call: PageCall,
  extra: { form?: Record<string, unknown>; opened?: { year: number; opening: YearOpening } } = {},
  status = 200,
) {
  const years = await yearRows(call.ds.manager);
  const next = years.length ? years[0].year + 1 : new Date().getFullYear();
  call.render(
    'admin-years.njk',
    {
      title: '회계연도 관리',
      years,
      next,
      form: extra.form ?? { year: String(next) },
      opened: extra.opened ?? null,
      closed: call.req.query.closed,
    },
    status,
  );
}

function yearOf(call: PageCall): number {
  const text = String(call.req.params.year);
  return /^\d{4}$/.test(text) ? Number(text) : 0;
}

async function closeView(call: PageCall, year: number, problem: ProblemView | null = null, status = 200) {
  const preview = await carryOverPreview(call.ds.manager, year);
  call.render('admin-year-close.njk', { title: `${year}회계연도 마감`, preview, problem }, status);
}

const pages: PageDef[] = [
  { id: 'web.admin.years', method: 'get', path: '/admin/years', roles: ADMINS, nav: '회계연도', handler: (call) => yearsView(call) },
  {
    id: 'web.admin.open-year',
    method: 'post',
    path: '/admin/years',
    roles: ADMINS,
    // not formAction: the opening's report (the programs left behind) is shown on this response
    handler: async (call) => {
      const form = { year: String((call.req.body as Record<string, unknown>).year ?? '').trim() };
      let opened: { year: number; opening: YearOpening };
      try {
        opened = await openYear(call.ds, call.ctx, (await formBody(OpenFiscalYearBody, call.req.body)).year);
      } catch (err) {
        if (!(err instanceof DomainError) || err.kind === 'forbidden' || err.kind === 'not_found') throw err;
        return yearsView(call, { form: { ...form, problem: problemView(err) } }, httpStatusOf(err));
      }
      await yearsView(call, { opened }, 201);
    },
  },
  {
    id: 'web.admin.close-year-confirm',
    method: 'get',
    path: '/admin/years/:year/close',
    roles: ADMINS,
    handler: (call) => closeView(call, yearOf(call)),
  },
  {
    id: 'web.admin.close-year',
    method: 'post',
    path: '/admin/years/:year/close',
    roles: ADMINS,
    handler: async (call) => {
      const year = yearOf(call);
      await formAction(
        call,
        async () => {
          const fy = await closeYear(call.ds, call.ctx, year);
          return `/admin/years?closed=${fy.year}`;
        },
        (problem, status) => closeView(call, year, problem, status),
      );
    },
  },
];

export default pages;
