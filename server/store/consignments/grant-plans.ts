import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { GrantPlan, GrantPlanCategory } from '../../../entities/consignment-grant-plan';
import { leanFindOne } from '../../db/lean';
import { lockRow } from '../../db/transaction';

export type PlanWithCategories = GrantPlan & { categories: GrantPlanCategory[] };

/** The approved version of a consignment-year's plan, if any. */
export async function approvedPlan(em: EntityManager, consignmentId: number, fiscalYear: number): Promise<GrantPlan | null> {
  return leanFindOne(em, GrantPlan, { consignmentId, fiscalYear, status: 'approved' });
}

/** Every version of a consignment-year's plan, newest first. */
export async function planVersionsNewestFirst(em: EntityManager, consignmentId: number, fiscalYear: number): Promise<GrantPlan[]> {
  return em.getRepository(GrantPlan).find({ where: { consignmentId, fiscalYear }, order: { version: 'DESC' } });
}

export async function findPlan(em: EntityManager, id: number): Promise<GrantPlan | null> {
  return em.getRepository(GrantPlan).findOneBy({ id });
}

/** The plan's row, locked for the rest of the transaction. */
export async function lockPlan(em: EntityManager, id: number): Promise<GrantPlan> {
  return (await lockRow(em, GrantPlan, id))!;
}

/** How many versions of the plan's consignment-year are newer than it. */
export async function newerVersions(em: EntityManager, plan: GrantPlan): Promise<number> {
  return em
    .getRepository(GrantPlan)
    .createQueryBuilder('p')
    .where('p.consignmentId = :c AND p.fiscalYear = :y AND p.version > :v', { c: plan.consignmentId, y: plan.fiscalYear, v: plan.version })
    .getCount();
}

/** A new plan version and its categories (in order). */
export async function insertPlan(
  em: EntityManager,
  values: Omit<GrantPlan, 'id'>,
  categories: { code: string; name: string; parentCode?: string | null; amount: number }[],
): Promise<PlanWithCategories> {
  const plan = em.getRepository(GrantPlan).create(values);
  await em.save(plan);
  const rows = categories.map((c, i) =>
    em
      .getRepository(GrantPlanCategory)
      .create({ grantPlanId: plan.id, seq: i + 1, code: c.code, name: c.name, parentCode: c.parentCode ?? null, amount: c.amount }),
  );
  if (rows.length) await em.save(rows);
  return Object.assign(plan, { categories: rows });
}

/** Every other approved or draft version of the plan's consignment-year becomes superseded. */
export async function supersedeOtherPlans(em: EntityManager, plan: GrantPlan): Promise<void> {
  const others = await em
    .getRepository(GrantPlan)
    .find({ where: { consignmentId: plan.consignmentId, fiscalYear: plan.fiscalYear, status: In(['approved', 'draft']) } });
  for (const o of others) if (o.id !== plan.id) await em.update(GrantPlan, { id: o.id }, { status: 'superseded' });
}

export async function savePlan(em: EntityManager, plan: GrantPlan): Promise<void> {
  await em.save(plan);
}

/** A plan's categories, in order. */
export async function planCategories(em: EntityManager, planId: number): Promise<GrantPlanCategory[]> {
  return em.getRepository(GrantPlanCategory).find({ where: { grantPlanId: planId }, order: { seq: 'ASC' } });
}

/** A plan's categories as the operator's spending checks them (no order). */
export async function planCategoriesUnordered(em: EntityManager, planId: number): Promise<GrantPlanCategory[]> {
  return em.getRepository(GrantPlanCategory).findBy({ grantPlanId: planId });
}

/** Every version of a consignment's plans (of a year, or all), oldest first, with their categories. */
export async function plansWithCategories(em: EntityManager, consignmentId: number, fiscalYear?: number): Promise<PlanWithCategories[]> {
  const plans = await em
    .getRepository(GrantPlan)
    .find({ where: { consignmentId, ...(fiscalYear ? { fiscalYear } : {}) }, order: { fiscalYear: 'ASC', version: 'ASC' } });
  const categories = plans.length
    ? await em.getRepository(GrantPlanCategory).find({ where: { grantPlanId: In(plans.map((p) => p.id)) }, order: { seq: 'ASC' } })
    : [];
  return plans.map((p) => ({ ...p, categories: categories.filter((k) => k.grantPlanId === p.id) }));
}
