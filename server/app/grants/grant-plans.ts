import type { DataSource, EntityManager } from 'typeorm';
import { GrantPlan } from '../../../entities/consignment-grant-plan';
import { notFound } from '../../../domain/errors';
import {
  assertChangeHasReason,
  assertDraft,
  assertLatestVersion,
  assertPlanFits,
  decidePlan,
  PlanCategoryInput,
} from '../../../domain/grant-plans';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import {
  findPlan,
  insertPlan,
  lockPlan,
  newerVersions,
  planVersionsNewestFirst,
  PlanWithCategories,
  savePlan,
  supersedeOtherPlans,
} from '../../store/consignments/grant-plans';
import { lockConsignmentYear } from '../consignments/consignment-years';

export type { PlanCategoryInput };

export interface GrantPlanInput {
  consignment: string;
  fiscalYear: number;
  /** 1–4분기 amounts, won */
  quarters: number[];
  categories?: PlanCategoryInput[];
  reason?: string | null;
  note?: string | null;
  sample?: boolean;
}

/** A new plan version (draft). The plan may not exceed 예산현액; a change to an approved plan needs a reason. */
export async function createGrantPlan(
  ds: DataSource,
  ctx: RequestContext,
  input: GrantPlanInput,
  em?: EntityManager,
): Promise<PlanWithCategories> {
  return within(ds, em, async (tx) => {
    const { consignment, state, line: lineOf } = await lockConsignmentYear(tx, ctx, input.consignment, input.fiscalYear);
    const line = await lineOf();
    const total = decidePlan(input, { currentBudget: line.current, granted: state.paid });
    const previous = await planVersionsNewestFirst(tx, consignment.id, input.fiscalYear);
    assertChangeHasReason(
      previous.some((p) => p.status === 'approved'),
      input.reason,
    );
    const plan = await insertPlan(
      tx,
      {
        consignmentId: consignment.id,
        fiscalYear: input.fiscalYear,
        version: (previous[0]?.version ?? 0) + 1,
        status: 'draft',
        q1: input.quarters[0],
        q2: input.quarters[1],
        q3: input.quarters[2],
        q4: input.quarters[3],
        total,
        reason: input.reason ?? null,
        approvedOn: null,
        approvedById: null,
        sample: input.sample ?? false,
        note: input.note ?? null,
        createdById: ctx.actor.id,
        createdAt: new Date(),
      },
      input.categories ?? [],
    );
    const { categories, ...row } = plan;
    await audit(tx, ctx, { action: 'grant_plan.create', entity: 'grant_plan', entityId: plan.id, after: { ...row, categories } });
    return plan;
  });
}

/** Approves a draft version; the previously approved version (and older drafts) are superseded. */
export async function approveGrantPlan(
  ds: DataSource,
  ctx: RequestContext,
  planId: number,
  input: { approvedOn: string },
  em?: EntityManager,
): Promise<GrantPlan> {
  return within(ds, em, async (tx) => {
    const found = await findPlan(tx, planId);
    if (!found) throw notFound(`Grant plan ${planId}`, `교부계획 ${planId}`);
    const { state, line: lineOf } = await lockConsignmentYear(tx, ctx, found.consignmentId, found.fiscalYear);
    const line = await lineOf();
    const plan = await lockPlan(tx, planId);
    assertDraft(plan);
    assertLatestVersion(await newerVersions(tx, plan));
    assertPlanFits(plan.total, { currentBudget: line.current, granted: state.paid });
    await supersedeOtherPlans(tx, plan);
    const before = { ...plan };
    plan.status = 'approved';
    plan.approvedOn = input.approvedOn;
    plan.approvedById = ctx.actor.id;
    await savePlan(tx, plan);
    await audit(tx, ctx, { action: 'grant_plan.approve', entity: 'grant_plan', entityId: plan.id, before, after: plan });
    return plan;
  });
}
