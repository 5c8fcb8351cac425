import type { EntityManager } from 'typeorm';
import { Disbursement } from '../../../entities/consignment-disbursement';
import { GrantPlan } from '../../../entities/consignment-grant-plan';
import { ConsignmentSettlement } from '../../../entities/consignment-settlement';
import { notFound } from '../../../domain/errors';
import { sumWon, executionRate } from '../../../domain/money';
import { planQuarters, QUARTERS } from '../../../domain/grant-plans';
import { RequestContext } from '../../context';
import { approvedPlan, findPlan, plansWithCategories, PlanWithCategories } from '../../store/consignments/grant-plans';
import { disbursementsOf, findDisbursement, paidDisbursements } from '../../store/consignments/disbursements';
import { findSettlement } from '../../store/consignments/settlements';
import { fundingProgramYear } from '../../store/consignments/consignment-years';
import { readableConsignment } from './consignments';
import { fundingLineFigures } from './funding-line';

export { fundingProgramYear };
export type { PlanWithCategories };

/** Plan vs granted per quarter, cumulative, remaining (the grant-status report and the API). */
export async function grantStatus(em: EntityManager, consignmentId: number, fiscalYear: number) {
  const plan = await approvedPlan(em, consignmentId, fiscalYear);
  const paid = await paidDisbursements(em, consignmentId, fiscalYear);
  const quarters = QUARTERS.map((q) => {
    const planned = plan ? planQuarters(plan)[q - 1] : 0;
    const granted = sumWon(paid.filter((d) => d.quarter === q).map((d) => d.paidAmount ?? 0));
    return { quarter: q, planned, granted };
  });
  let cumPlanned = 0;
  let cumGranted = 0;
  const rows = quarters.map((r) => {
    cumPlanned += r.planned;
    cumGranted += r.granted;
    return { ...r, cumulativePlanned: cumPlanned, cumulativeGranted: cumGranted };
  });
  return { plan, rows, planTotal: plan?.total ?? 0, granted: cumGranted, remaining: (plan?.total ?? 0) - cumGranted, disbursements: paid };
}

/** 분기별 위탁금 교부 현황 as the API answers it: plan vs granted per quarter, cumulative, remaining, execution rate. */
export async function grantStatusView(em: EntityManager, ctx: RequestContext, ref: string, year: number) {
  const c = await readableConsignment(em, ctx, ref, 'ref');
  const st = await grantStatus(em, c.id, year);
  const line = await fundingLineFigures(em, (await fundingProgramYear(em, c, year, 'year')).id, c.expenseItem);
  return {
    consignment: { id: c.id, code: c.code, name: c.name },
    fiscalYear: year,
    planVersion: st.plan?.version ?? null,
    planTotal: st.planTotal,
    currentBudget: line.current,
    granted: st.granted,
    remaining: st.remaining,
    executionRate: executionRate(st.granted, line.current).value,
    quarters: st.rows,
  };
}

/** Every version of a consignment's grant plans (of a year, or all), with categories, for a reader who may see it. */
export async function listGrantPlans(
  em: EntityManager,
  ctx: RequestContext,
  consignmentRef: string,
  fiscalYear?: number,
): Promise<PlanWithCategories[]> {
  const c = await readableConsignment(em, ctx, consignmentRef);
  return plansWithCategories(em, c.id, fiscalYear);
}

/** A consignment's grants (신청 · 교부결정 · 교부), of a year or all, for a reader who may see it. */
export async function listDisbursements(
  em: EntityManager,
  ctx: RequestContext,
  consignmentRef: string,
  fiscalYear?: number,
): Promise<Disbursement[]> {
  const c = await readableConsignment(em, ctx, consignmentRef);
  return disbursementsOf(em, c.id, fiscalYear);
}

/** A grant plan version of a consignment (a path's plan id), or not found naming `field`. */
export async function planOfConsignment(em: EntityManager, consignmentId: number, planId: number, field = 'plan'): Promise<GrantPlan> {
  const plan = await findPlan(em, planId);
  if (!plan || plan.consignmentId !== consignmentId) throw notFound(`Grant plan ${planId}`, `교부계획 ${planId}`, field);
  return plan;
}

/** A grant of a consignment (a path's id), or not found naming `field`. */
export async function disbursementOfConsignment(
  em: EntityManager,
  consignmentId: number,
  id: number,
  field = 'disbursementId',
): Promise<Disbursement> {
  const d = await findDisbursement(em, id);
  if (!d || d.consignmentId !== consignmentId) throw notFound(`Disbursement ${id}`, `위탁금 교부 ${id}`, field);
  return d;
}

/** A settlement of a consignment (a path's id), or not found naming `field`. */
export async function settlementOfConsignment(
  em: EntityManager,
  consignmentId: number,
  id: number,
  field = 'settlement',
): Promise<ConsignmentSettlement> {
  const s = await findSettlement(em, id);
  if (!s || s.consignmentId !== consignmentId) throw notFound(`Settlement ${id}`, `정산 ${id}`, field);
  return s;
}
