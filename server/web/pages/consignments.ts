import { Disbursement } from '../../../entities/consignment-disbursement';
import { GrantPlan } from '../../../entities/consignment-grant-plan';
import { ConsignmentSettlement } from '../../../entities/consignment-settlement';
import { LedgerEntry } from '../../../entities/ledger-entry';
import { FiscalYear } from '../../../entities/fiscal-year';
import { notFound } from '../../../domain/errors';
import { executionRateOf } from '../../../domain/ledger';
import { formatInteger } from '../../../domain/money';
import { EVERYONE, LEDGER_WRITERS } from '../../access/roles';
import { CreateDisbursementBody } from '../../api/routes/disbursements/create-disbursement';
import { CreateGrantPlanBody } from '../../api/routes/grant-plans/create-grant-plan';
import { ApprovePlanBody } from '../../api/routes/grant-plans/approve-grant-plan';
import { SubmitSettlementBody } from '../../api/routes/consignment-settlements/submit-settlement';
import { ReviewSettlementBody } from '../../api/routes/consignment-settlements/review-settlement';
import { ConfirmSettlementBody } from '../../api/routes/consignment-settlements/confirm-settlement';
import { idParam } from '../../http/params';
import { validateInput } from '../../http/validation';
import { consignmentDetail, fundingProgramYear, listConsignments } from '../../app/consignments/consignments';
import {
  approveGrantPlan,
  createGrantPlan,
  grantStatus,
  listGrantPlans,
  createDisbursement,
  reverseDisbursement,
} from '../../app/grants/grants';
import { ReverseDisbursementBody } from '../../api/routes/disbursements/reverse-disbursement';
import { EVALUATION_WRITERS } from '../../access/evaluation-roles';
import { listEvaluations } from '../../queries/evaluations/evaluations';
import { confirmSettlement, listSettlements, reviewSettlement, submitSettlement } from '../../app/consignments/settlements';
import { expenseLineFigures } from '../../app/ledger/ledger';
import { PageCall, PageDef } from '../types';
import { pickYear, today } from './common';
import { parseWon, formAction } from './forms';
import { KIND_LABEL } from './ledger';
import { resolveConsignment } from '../../store/consignments/consignment-ref';

const STATUS_KO: Record<string, string> = { requested: '신청', decided: '교부결정', paid: '교부', rejected: '반려' };
const PLAN_STATUS_KO: Record<string, string> = { draft: '초안 (승인 전)', approved: '승인', superseded: '대체됨' };
const SETTLEMENT_STATUS_KO: Record<string, string> = { submitted: '제출', reviewed: '검토 완료', confirmed: '확정', superseded: '대체됨' };

type PlanWithCategories = Awaited<ReturnType<typeof listGrantPlans>>[number];

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
async function consignmentPage(
  call: PageCall,
  id: number,
  form: Record<string, unknown> = {},
  status = 200,
  extra: Record<string, unknown> = {},
) {
  const em = call.ds.manager;
  const detail = await consignmentDetail(em, call.ctx, id); // checks the department
  const c = await resolveConsignment(em, id);
  const years = detail.budgetByYear.map((b) => b.fiscalYear).sort((a, b) => b - a);
  const asked = Number(call.req.query.year ?? extra.fiscalYear ?? form.fiscalYear);
  const { year: fallback } = await pickYear(em, undefined);
  const year = years.includes(asked) ? asked : years.includes(fallback ?? -1) ? fallback! : years[0];
  const data: Record<string, unknown> = {
    evaluations: await listEvaluations(em, call.ctx, { consignment: c.code }),
    canEvaluate: EVALUATION_WRITERS.includes(call.user!.role),
    evaluated: call.req.query.evaluated,
    title: detail.name,
    c: detail,
    years,
    year,
    form: { quarter: '', requestedOn: '', paidOn: '', amount: '', ...form },
    posted: call.req.query.posted,
    saved: call.req.query.saved,
    savedVersion: call.req.query.version,
  };
  if (year !== undefined) {
    const py = await fundingProgramYear(em, c, year).catch(() => null);
    if (py) {
      const line = await expenseLineFigures(em, py.id, c.expenseItem);
      const fy = await em.getRepository(FiscalYear).findOneBy({ year });
      const amendments = await em
        .getRepository(LedgerEntry)
        .find({ where: { programYearId: py.id, expenseItem: c.expenseItem }, order: { entryDate: 'ASC', id: 'ASC' } });
      const status = await grantStatus(em, c.id, year);
      const plans = await listGrantPlans(em, call.ctx, c.code, year);
      const base = basePlan(plans);
      const settlements = (await listSettlements(em, call.ctx, c.code, year)).map((s) => ({
        ...s,
        statusKo: SETTLEMENT_STATUS_KO[s.status] ?? s.status,
      }));
      const settled = settlements.some((s) => s.status === 'confirmed');
      const day = today();
      Object.assign(data, {
        py,
        line,
        lineRate: executionRateOf(line).text,
        appropriation: detail.budgetByYear.find((b) => b.fiscalYear === year)?.appropriation ?? 0,
        amendments: amendments.filter((e) => e.kind !== 'execution').map((e) => ({ ...e, kindLabel: KIND_LABEL[e.kind] ?? e.kind })),
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
        grant: status,
        disbursements: disbursementRows(
          await em.getRepository(Disbursement).find({ where: { consignmentId: c.id, fiscalYear: year }, order: { id: 'ASC' } }),
        ),
        reversalForm: { target: '', reversedOn: day, reason: '', ...(extra.reversalForm as Record<string, unknown> | undefined) },
        // a confirmed settlement closes the consignment-year to payments as well as to plans
        canWrite: LEDGER_WRITERS.includes(call.user!.role) && fy?.status === 'open' && !settled,
        canPlan: LEDGER_WRITERS.includes(call.user!.role) && fy?.status === 'open' && !settled,
      });
    }
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

/** A form field as typed ('' when absent; the first value when a field was repeated). */
const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const blank = (v: string) => (v.trim() ? v.trim() : undefined);
const yearOf = (text: string) => (/^\d{4}$/.test(text) ? Number(text) : undefined);

/**
 * A form action of the consignment page: post-then-redirect to what `run` returns; a refusal shows
 * the page again with the message, the rule and the figures beside that form (`formKey`), keeping what was typed.
 */
async function consignmentAction(
  call: PageCall,
  id: number,
  fiscalYear: number | undefined,
  formKey: string,
  form: Record<string, unknown>,
  run: () => Promise<string>,
) {
  await formAction(call, run, (problem, status) => consignmentPage(call, id, {}, status, { fiscalYear, [formKey]: { ...form, problem } }));
}

async function planOf(call: PageCall, consignmentId: number): Promise<GrantPlan> {
  const planId = idParam(String(call.req.params.plan), 'plan');
  const plan = await call.ds.getRepository(GrantPlan).findOneBy({ id: planId });
  if (!plan || plan.consignmentId !== consignmentId) throw notFound(`Grant plan ${planId}`, `교부계획 ${planId}`, 'plan');
  return plan;
}

async function disbursementOf(call: PageCall, consignmentId: number): Promise<Disbursement> {
  const disbursementId = idParam(String(call.req.params.disbursementId), 'disbursementId');
  const d = await call.ds.getRepository(Disbursement).findOneBy({ id: disbursementId });
  if (!d || d.consignmentId !== consignmentId)
    throw notFound(`Disbursement ${disbursementId}`, `위탁금 교부 ${disbursementId}`, 'disbursementId');
  return d;
}

async function settlementOf(call: PageCall, consignmentId: number): Promise<ConsignmentSettlement> {
  const settlementId = idParam(String(call.req.params.settlement), 'settlement');
  const s = await call.ds.getRepository(ConsignmentSettlement).findOneBy({ id: settlementId });
  if (!s || s.consignmentId !== consignmentId) throw notFound(`Settlement ${settlementId}`, `정산 ${settlementId}`, 'settlement');
  return s;
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
      const form = {
        fiscalYear: String(b.fiscalYear ?? ''),
        quarter: String(b.quarter ?? ''),
        requestedOn: String(b.requestedOn ?? ''),
        paidOn: String(b.paidOn ?? ''),
        amount: String(b.amount ?? ''),
        note: String(b.note ?? ''),
      };
      await formAction(
        call,
        async () => {
          const c = await resolveConsignment(call.ds.manager, id);
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
      const d = await disbursementOf(call, id);
      const b = call.req.body as Record<string, unknown>;
      const form = { target: String(d.id), reversedOn: str(b.reversedOn), reason: str(b.reason) };
      await consignmentAction(call, id, d.fiscalYear, 'reversalForm', form, async () => {
        const body = await validateInput(ReverseDisbursementBody, { reversedOn: form.reversedOn, reason: form.reason.trim() }, 'body');
        const reversal = await reverseDisbursement(call.ds, call.ctx, d.id, body);
        return `/consignments/${id}?year=${d.fiscalYear}&posted=${reversal.id}#grants`;
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
      const b = call.req.body as Record<string, unknown>;
      const c = await resolveConsignment(call.ds.manager, id);
      const year = yearOf(str(b.fiscalYear));
      // the categories (산출근거) of the version the form started from, each amount as typed
      const base = year ? basePlan(await listGrantPlans(call.ds.manager, call.ctx, c.code, year)) : null;
      const cats: Record<string, string> = Object.fromEntries((base?.categories ?? []).map((k) => [k.code, str(b[`cat_${k.code}`])]));
      const form = { q1: str(b.q1), q2: str(b.q2), q3: str(b.q3), q4: str(b.q4), reason: str(b.reason), note: str(b.note), cats };
      await consignmentAction(call, id, year, 'planForm', form, async () => {
        const body = await validateInput(
          CreateGrantPlanBody,
          {
            consignment: c.code,
            fiscalYear: year ?? str(b.fiscalYear),
            quarters: [form.q1, form.q2, form.q3, form.q4].map((q, i) => parseWon(q, `q${i + 1}`)),
            ...(base?.categories.length
              ? {
                  categories: base.categories.map((k) => ({
                    code: k.code,
                    name: k.name,
                    ...(k.parentCode ? { parentCode: k.parentCode } : {}),
                    amount: parseWon(cats[k.code], `cat_${k.code}`),
                  })),
                }
              : {}),
            ...(blank(form.reason) ? { reason: blank(form.reason) } : {}),
            ...(blank(form.note) ? { note: blank(form.note) } : {}),
          },
          'body',
        );
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
      const plan = await planOf(call, id);
      const form = { approvedOn: str((call.req.body as Record<string, unknown>).approvedOn), planId: plan.id };
      await consignmentAction(call, id, plan.fiscalYear, 'approveForm', form, async () => {
        const body = await validateInput(ApprovePlanBody, { approvedOn: form.approvedOn }, 'body');
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
      const b = call.req.body as Record<string, unknown>;
      const c = await resolveConsignment(call.ds.manager, id);
      const year = yearOf(str(b.fiscalYear));
      const form = { submittedOn: str(b.submittedOn), note: str(b.note) };
      await consignmentAction(call, id, year, 'submitForm', form, async () => {
        const body = await validateInput(
          SubmitSettlementBody,
          {
            consignment: c.code,
            fiscalYear: year ?? str(b.fiscalYear),
            submittedOn: form.submittedOn,
            ...(blank(form.note) ? { note: blank(form.note) } : {}),
          },
          'body',
        );
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
      const s = await settlementOf(call, id);
      const b = call.req.body as Record<string, unknown>;
      const form = { reviewedOn: str(b.reviewedOn), note: str(b.note) };
      await consignmentAction(call, id, s.fiscalYear, 'reviewForm', form, async () => {
        const body = await validateInput(
          ReviewSettlementBody,
          { reviewedOn: form.reviewedOn, ...(blank(form.note) ? { note: blank(form.note) } : {}) },
          'body',
        );
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
      const s = await settlementOf(call, id);
      const b = call.req.body as Record<string, unknown>;
      const form = { confirmedOn: str(b.confirmedOn), returnDate: str(b.returnDate) };
      await consignmentAction(call, id, s.fiscalYear, 'confirmForm', form, async () => {
        const body = await validateInput(
          ConfirmSettlementBody,
          { confirmedOn: form.confirmedOn, ...(blank(form.returnDate) ? { returnDate: blank(form.returnDate) } : {}) },
          'body',
        );
        await confirmSettlement(call.ds, call.ctx, s.id, body);
        return `/consignments/${id}?year=${s.fiscalYear}&saved=settlement-confirmed#settlement`;
      });
    },
  },
];

export default pages;
