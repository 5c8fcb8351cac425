import { Disbursement } from '../../../entities/consignment-disbursement';
import { executionRateOf } from '../../../domain/ledger';
import { formatInteger } from '../../../domain/money';
import { EVERYONE, LEDGER_WRITERS } from '../../access/roles';
import { idParam } from '../../http/params';
import {
  ApprovePlanBody,
  CreateDisbursementBody,
  CreateGrantRequestBody,
  CreateGrantPlanBody,
  ReverseDisbursementBody,
} from '../../app/grants/requests';
import { ConfirmSettlementBody, ReviewSettlementBody, SubmitSettlementBody } from '../../app/consignments/requests';
import { approveGrantPlan, createGrantPlan } from '../../app/grants/grant-plans';
import { createDisbursement, reverseDisbursement } from '../../app/grants/disbursements';
import { confirmSettlement, reviewSettlement, submitSettlement } from '../../app/consignments/settlements';
import { consignmentDetail, listConsignments } from '../../queries/consignments/consignments';
import {
  disbursementOfConsignment,
  listGrantPlans,
  planOfConsignment,
  PlanWithCategories,
  settlementOfConsignment,
} from '../../queries/consignments/grants';
import { consignmentOf, consignmentYearFigures } from '../../queries/consignments/consignment-page';
import { EVALUATION_WRITERS } from '../../access/evaluation-roles';
import { listEvaluations } from '../../queries/evaluations/evaluations';
import { firstText, formBody, formNumber } from '../form-body';
import { PageCall, PageDef } from '../types';
import { pickYear, today } from './common';
import { formAction } from './forms';
import { KIND_LABEL } from './ledger';
import { GRANT_REQUEST_STATUS_KO } from '../../../domain/grant-requests';
import { requestGrant } from '../../app/grants/grant-requests';
import { requestRows, requestWarningView } from './grant-request-rows';

const STATUS_KO: Record<string, string> = GRANT_REQUEST_STATUS_KO;
const PLAN_STATUS_KO: Record<string, string> = { draft: '초안 (승인 전)', approved: '승인', superseded: '대체됨' };
const SETTLEMENT_STATUS_KO: Record<string, string> = { submitted: '제출', reviewed: '검토 완료', confirmed: '확정', superseded: '대체됨' };

/** The version a new plan starts from (its quarters and categories prefill the form): the approved one, else the latest. */
function basePlan(plans: PlanWithCategories[]): PlanWithCategories | null {
  return plans.find((p) => p.status === 'approved') ?? plans[plans.length - 1] ?? null;
}

function planFormOf(base: PlanWithCategories | null): Record<string, unknown> {
  const text = (n: number | undefined) => (n === undefined ? '' : formatInteger(n));
  return {
    q1: text(base?.q1),
    q2: text(base?.q2),
    q3: text(base?.q3),
    q4: text(base?.q4),
    reason: '',
    note: '',
    cats: Object.fromEntries((base?.categories ?? []).map((k) => [k.code, text(k.amount)])),
  };
}

/**
 * The consignment page for a year. `form` is the disbursement form as typed; `extra` carries the
 * other forms' typed values and refusals (planForm, approveForm, submitForm, reviewForm, confirmForm)
 * and, for a refused post, the year it was about (fiscalYear).
 */
export async function consignmentPage(
  call: PageCall,
  id: number,
  form: Record<string, unknown> = {},
  status = 200,
  extra: Record<string, unknown> = {},
) {
  const em = call.ds.manager;
  const detail = await consignmentDetail(em, call.ctx, id); // checks the department
  const c = await consignmentOf(em, id);
  const years = detail.budgetByYear.map((b) => b.fiscalYear).sort((a, b) => b - a);
  const asked = Number(call.req.query.year ?? extra.fiscalYear ?? form.fiscalYear);
  const { year: fallback, years: fiscalYears } = await pickYear(em, undefined);
  const year = years.includes(asked) ? asked : years.includes(fallback ?? -1) ? fallback! : years[0];
  const data: Record<string, unknown> = {
    evaluations: await listEvaluations(em, call.ctx, { consignment: c.code }),
    canEvaluate: EVALUATION_WRITERS.includes(call.user!.role),
    evaluated: call.req.query.evaluated,
    title: detail.name,
    c: detail,
    years,
    year,
    form: { quarter: '', requestedOn: today(), paidOn: '', amount: '', ...form },
    posted: call.req.query.posted,
    cancelled: call.req.query.cancelled,
    saved: call.req.query.saved,
    savedVersion: call.req.query.version,
  };
  const figures = year === undefined ? null : await consignmentYearFigures(em, call.ctx, c, year);
  if (figures) {
    const { py, line, entries, plans } = figures;
    const fy = fiscalYears.find((y) => y.year === year);
    const base = basePlan(plans);
    const settlements = figures.settlements.map((s) => ({ ...s, statusKo: SETTLEMENT_STATUS_KO[s.status] ?? s.status }));
    const settled = settlements.some((s) => s.status === 'confirmed');
    const day = today();
    Object.assign(data, {
      py,
      line,
      lineRate: executionRateOf(line).text,
      appropriation: detail.budgetByYear.find((b) => b.fiscalYear === year)?.appropriation ?? 0,
      amendments: entries.filter((e) => e.kind !== 'execution').map((e) => ({ ...e, kindLabel: KIND_LABEL[e.kind] ?? e.kind })),
      plans: plans.map((p) => ({
        ...p,
        statusKo: PLAN_STATUS_KO[p.status] ?? p.status,
        latest: p.version === plans[plans.length - 1].version,
      })),
      hasApprovedPlan: plans.some((p) => p.status === 'approved'),
      planCategories: base?.categories ?? [],
      planForm: { ...planFormOf(base), ...(extra.planForm as Record<string, unknown> | undefined) },
      approveForm: { approvedOn: day, ...(extra.approveForm as Record<string, unknown> | undefined) },
      settlements,
      settled,
      openSettlement: settlements.filter((s) => s.status === 'submitted' || s.status === 'reviewed').pop() ?? null,
      shownSettlement: settlements.filter((s) => s.status !== 'superseded').pop() ?? null,
      submitForm: { submittedOn: day, note: '', ...(extra.submitForm as Record<string, unknown> | undefined) },
      reviewForm: { reviewedOn: day, note: '', ...(extra.reviewForm as Record<string, unknown> | undefined) },
      confirmForm: { confirmedOn: day, returnDate: '', ...(extra.confirmForm as Record<string, unknown> | undefined) },
      grant: figures.grant,
      disbursements: disbursementRows(figures.disbursements),
      requests: requestRows(figures.disbursements, call.user!.id, year, day),
      requestForms: (extra.requestForms as Record<string, unknown> | undefined) ?? {},
      requestWarning: await requestWarningView(em, figures.disbursements, call.req.query.requested),
      requested: call.req.query.requested,
      decided: call.req.query.decided,
      reversalForm: { target: '', reversedOn: day, reason: '', ...(extra.reversalForm as Record<string, unknown> | undefined) },
      // a confirmed settlement closes the consignment-year to payments as well as to plans
      canWrite: LEDGER_WRITERS.includes(call.user!.role) && fy?.status === 'open' && !settled,
      canPlan: LEDGER_WRITERS.includes(call.user!.role) && fy?.status === 'open' && !settled,
    });
  }
  call.render('consignment.njk', data, status);
}

/** Grants as listed: a reversal says which payment it undoes, and a payment not yet reversed may be. */
function disbursementRows(all: Disbursement[]) {
  const reversed = new Set(all.map((d) => d.reversalOfId).filter((x): x is number => x !== null));
  return all.map((d) => ({
    ...d,
    statusKo:
      d.reversalOfId !== null
        ? `교부 취소 (${d.reversalOfId}번)`
        : reversed.has(d.id)
          ? '교부 (취소됨)'
          : (STATUS_KO[d.status] ?? d.status),
    reversible: d.status === 'paid' && d.reversalOfId === null && !reversed.has(d.id),
  }));
}

/** The fields of a posted form as typed (trimmed, '' when blank), to show the form again after a refusal. */
export function typed<K extends string>(call: PageCall, ...fields: K[]): Record<K, string> {
  const body = (call.req.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, firstText(body[f]) ?? ''])) as Record<K, string>;
}

/** The fiscal year a form names, when it names one (to show a refusal on that year's page). */
function formYear(call: PageCall): number | undefined {
  const n = formNumber(firstText((call.req.body as Record<string, unknown> | undefined)?.fiscalYear) ?? '');
  return typeof n === 'number' ? n : undefined;
}

/**
 * A form action of the consignment page: post-then-redirect to what `run` returns; a refusal shows
 * the page again with the message, the rule and the figures beside that form (`formKey`), keeping what was typed.
 */
export async function consignmentAction(
  call: PageCall,
  id: number,
  fiscalYear: number | undefined,
  formKey: string,
  form: Record<string, unknown>,
  run: () => Promise<string>,
) {
  await formAction(call, run, (problem, status) => consignmentPage(call, id, {}, status, { fiscalYear, [formKey]: { ...form, problem } }));
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
      const form = typed(call, 'fiscalYear', 'quarter', 'requestedOn', 'paidOn', 'amount', 'note');
      await formAction(
        call,
        async () => {
          const c = await consignmentOf(call.ds.manager, id);
          // 신청만 기록, or a 교부 without its date: the request path (the plan to date warned about, decided later)
          const b = (call.req.body ?? {}) as Record<string, unknown>;
          if (firstText(b.action) === 'request' || !firstText(b.paidOn)) {
            const body = await formBody(CreateGrantRequestBody, b, { consignment: c.code });
            const r = await requestGrant(call.ds, call.ctx, body);
            return `/consignments/${id}?year=${body.fiscalYear}&requested=${r.id}#request-${r.id}`;
          }
          const body = await formBody(CreateDisbursementBody, call.req.body, { consignment: c.code });
          const d = await createDisbursement(call.ds, call.ctx, body);
          return `/consignments/${id}?year=${body.fiscalYear}&posted=${d.id}#grants`;
        },
        (problem, status) => consignmentPage(call, id, { ...form, problem: problem }, status),
      );
    },
  },
  {
    id: 'web.consignments.reverse-disbursement',
    method: 'post',
    path: '/consignments/:id/disbursements/:disbursementId/reversal',
    roles: LEDGER_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const d = await disbursementOfConsignment(call.ds.manager, id, idParam(String(call.req.params.disbursementId), 'disbursementId'));
      const form = { target: String(d.id), ...typed(call, 'reversedOn', 'reason') };
      await consignmentAction(call, id, d.fiscalYear, 'reversalForm', form, async () => {
        const body = await formBody(ReverseDisbursementBody, call.req.body);
        const reversal = await reverseDisbursement(call.ds, call.ctx, d.id, body);
        return `/consignments/${id}?year=${d.fiscalYear}&cancelled=${d.id}&reversal=${reversal.id}#grants`;
      });
    },
  },
  {
    id: 'web.consignments.create-plan',
    method: 'post',
    path: '/consignments/:id/grant-plans',
    roles: LEDGER_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const b = (call.req.body ?? {}) as Record<string, unknown>;
      const c = await consignmentOf(call.ds.manager, id);
      const year = formYear(call);
      // the categories (산출근거) of the version the form started from, each amount as typed
      const base = year ? basePlan(await listGrantPlans(call.ds.manager, call.ctx, c.code, year)) : null;
      const cats: Record<string, string> = Object.fromEntries(
        (base?.categories ?? []).map((k) => [k.code, firstText(b[`cat_${k.code}`]) ?? '']),
      );
      const form = { ...typed(call, 'q1', 'q2', 'q3', 'q4', 'reason', 'note'), cats };
      await consignmentAction(call, id, year, 'planForm', form, async () => {
        const body = await formBody(CreateGrantPlanBody, call.req.body, {
          consignment: c.code,
          quarters: [form.q1, form.q2, form.q3, form.q4].map(formNumber),
          categories: base?.categories.length
            ? base.categories.map((k) => ({
                code: k.code,
                name: k.name,
                ...(k.parentCode ? { parentCode: k.parentCode } : {}),
                amount: formNumber(cats[k.code]),
              }))
            : undefined,
          sample: undefined,
        });
        const plan = await createGrantPlan(call.ds, call.ctx, body);
        return `/consignments/${id}?year=${body.fiscalYear}&saved=plan&version=${plan.version}#plan`;
      });
    },
  },
  {
    id: 'web.consignments.approve-plan',
    method: 'post',
    path: '/consignments/:id/grant-plans/:plan/approve',
    roles: LEDGER_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const plan = await planOfConsignment(call.ds.manager, id, idParam(String(call.req.params.plan), 'plan'));
      const form = { ...typed(call, 'approvedOn'), planId: plan.id };
      await consignmentAction(call, id, plan.fiscalYear, 'approveForm', form, async () => {
        const body = await formBody(ApprovePlanBody, call.req.body);
        const approved = await approveGrantPlan(call.ds, call.ctx, plan.id, body);
        return `/consignments/${id}?year=${approved.fiscalYear}&saved=approved&version=${approved.version}#plan`;
      });
    },
  },
  {
    id: 'web.consignments.submit-settlement',
    method: 'post',
    path: '/consignments/:id/settlements',
    roles: LEDGER_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const c = await consignmentOf(call.ds.manager, id);
      const form = typed(call, 'submittedOn', 'note');
      await consignmentAction(call, id, formYear(call), 'submitForm', form, async () => {
        const body = await formBody(SubmitSettlementBody, call.req.body, { consignment: c.code });
        await submitSettlement(call.ds, call.ctx, body);
        return `/consignments/${id}?year=${body.fiscalYear}&saved=settlement-submitted#settlement`;
      });
    },
  },
  {
    id: 'web.consignments.review-settlement',
    method: 'post',
    path: '/consignments/:id/settlements/:settlement/review',
    roles: LEDGER_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const s = await settlementOfConsignment(call.ds.manager, id, idParam(String(call.req.params.settlement), 'settlement'));
      const form = typed(call, 'reviewedOn', 'note');
      await consignmentAction(call, id, s.fiscalYear, 'reviewForm', form, async () => {
        const body = await formBody(ReviewSettlementBody, call.req.body);
        await reviewSettlement(call.ds, call.ctx, s.id, body);
        return `/consignments/${id}?year=${s.fiscalYear}&saved=settlement-reviewed#settlement`;
      });
    },
  },
  {
    id: 'web.consignments.confirm-settlement',
    method: 'post',
    path: '/consignments/:id/settlements/:settlement/confirm',
    roles: LEDGER_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const s = await settlementOfConsignment(call.ds.manager, id, idParam(String(call.req.params.settlement), 'settlement'));
      const form = typed(call, 'confirmedOn', 'returnDate');
      await consignmentAction(call, id, s.fiscalYear, 'confirmForm', form, async () => {
        const body = await formBody(ConfirmSettlementBody, call.req.body);
        await confirmSettlement(call.ds, call.ctx, s.id, body);
        return `/consignments/${id}?year=${s.fiscalYear}&saved=settlement-confirmed#settlement`;
      });
    },
  },
];

export default pages;
