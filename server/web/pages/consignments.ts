import { Disbursement } from '../../../entities/consignment-disbursement';
import { LedgerEntry } from '../../../entities/ledger-entry';
import { FiscalYear } from '../../../entities/fiscal-year';
import { DomainError } from '../../../domain/errors';
import { executionRateOf } from '../../../domain/ledger';
import { EVERYONE, LEDGER_WRITERS } from '../../api/roles';
import { CreateDisbursementBody } from '../../api/routes/disbursements/create-disbursement';
import { idParam } from '../../api/routes/params';
import { validateInput } from '../../http/validation';
import { consignmentByRef, consignmentDetail, fundingProgramYear, listConsignments } from '../../services/consignment-service';
import { grantStatus, listGrantPlans, createDisbursement } from '../../services/grant-service';
import { expenseLineFigures } from '../../services/ledger-service';
import { PageCall, PageDef } from '../types';
import { pickYear } from './common';
import { parseWon, problemView } from './forms';
import { KIND_LABEL } from './ledger';

const STATUS_KO: Record<string, string> = { requested: '신청', decided: '교부결정', paid: '교부', rejected: '반려' };

async function consignmentPage(call: PageCall, id: number, form: Record<string, unknown> = {}, status = 200) {
  const em = call.ds.manager;
  const detail = await consignmentDetail(em, call.ctx, id); // checks the department
  const c = await consignmentByRef(em, id);
  const years = detail.budgetByYear.map((b) => b.fiscalYear).sort((a, b) => b - a);
  const asked = Number(call.req.query.year ?? form.fiscalYear);
  const { year: fallback } = await pickYear(em, undefined);
  const year = years.includes(asked) ? asked : years.includes(fallback ?? -1) ? fallback! : years[0];
  const data: Record<string, unknown> = { title: detail.name, c: detail, years, year, form: { quarter: '', requestedOn: '', paidOn: '', amount: '', ...form }, posted: call.req.query.posted };
  if (year !== undefined) {
    const py = await fundingProgramYear(em, c, year).catch(() => null);
    if (py) {
      const line = await expenseLineFigures(em, py.id, c.expenseItem);
      const fy = await em.getRepository(FiscalYear).findOneBy({ year });
      const amendments = await em.getRepository(LedgerEntry).find({ where: { programYearId: py.id, expenseItem: c.expenseItem }, order: { entryDate: 'ASC', id: 'ASC' } });
      const status = await grantStatus(em, c.id, year);
      Object.assign(data, {
        py,
        line,
        lineRate: executionRateOf(line).text,
        appropriation: detail.budgetByYear.find((b) => b.fiscalYear === year)?.appropriation ?? 0,
        amendments: amendments.filter((e) => e.kind !== 'execution').map((e) => ({ ...e, kindLabel: KIND_LABEL[e.kind] ?? e.kind })),
        plans: await listGrantPlans(em, call.ctx, c.code, year),
        grant: status,
        disbursements: (await em.getRepository(Disbursement).find({ where: { consignmentId: c.id, fiscalYear: year }, order: { id: 'ASC' } })).map((d) => ({ ...d, statusKo: STATUS_KO[d.status] ?? d.status })),
        canWrite: LEDGER_WRITERS.includes(call.user!.role) && fy?.status === 'open',
      });
    }
  }
  call.render('consignment.njk', data, status);
}

const pages: PageDef[] = [
  {
    id: 'web.consignments.list',
    method: 'get',
    path: '/consignments',
    roles: EVERYONE,
    nav: '민간위탁',
    handler: async (call) => {
      call.render('consignments.njk', { title: '민간위탁 사무', consignments: await listConsignments(call.ds.manager, call.ctx) });
    },
  },
  {
    id: 'web.consignments.show',
    method: 'get',
    path: '/consignments/:id',
    roles: EVERYONE,
    handler: (call) => consignmentPage(call, idParam(String(call.req.params.id))),
  },
  {
    id: 'web.consignments.disburse',
    method: 'post',
    path: '/consignments/:id/disbursements',
    roles: LEDGER_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const b = call.req.body as Record<string, string>;
      const form = { fiscalYear: String(b.fiscalYear ?? ''), quarter: String(b.quarter ?? ''), requestedOn: String(b.requestedOn ?? ''), paidOn: String(b.paidOn ?? ''), amount: String(b.amount ?? ''), note: String(b.note ?? '') };
      try {
        const c = await consignmentByRef(call.ds.manager, id);
        const body = await validateInput(
          CreateDisbursementBody,
          {
            consignment: c.code,
            fiscalYear: /^\d{4}$/.test(form.fiscalYear) ? Number(form.fiscalYear) : form.fiscalYear,
            quarter: /^[1-4]$/.test(form.quarter) ? Number(form.quarter) : form.quarter,
            requestedOn: form.requestedOn,
            amount: parseWon(form.amount, 'amount'),
            ...(form.paidOn ? { paidOn: form.paidOn } : {}),
            ...(form.note.trim() ? { note: form.note.trim() } : {}),
          },
          'body',
        );
        const d = await createDisbursement(call.ds, call.ctx, body);
        call.res.redirect(303, `/consignments/${id}?year=${body.fiscalYear}&posted=${d.id}#grants`);
      } catch (err) {
        if (!(err instanceof DomainError) || err.status === 403 || err.status === 404) throw err;
        await consignmentPage(call, id, { ...form, problem: problemView(err) }, err.status);
      }
    },
  },
];

export default pages;
