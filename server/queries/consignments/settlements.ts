import type { EntityManager } from 'typeorm';
import { GrantPlan } from '../../../entities/consignment-grant-plan';
import { OperatorEntry } from '../../../entities/consignment-operator-entry';
import { OVERSPEND_RULE, SettlementFigures, settlementFiguresOf } from '../../../domain/consignment-settlement';
import { RequestContext } from '../../context';
import { assertOrgAccess } from '../../access/scope';
import { ruleInForce } from '../../store/rules';
import { paidTotal } from '../../store/ledger/running-totals';
import { resolveConsignment } from '../../store/consignments/consignment-ref';
import { approvedPlan, planCategories } from '../../store/consignments/grant-plans';
import {
  operatorEntriesOf,
  operatorEntriesOfYear,
  settlementLines,
  settlementsNewestFirst,
  SettlementWithLines,
  settlementsWithLines,
} from '../../store/consignments/settlements';

export type { SettlementFigures };
export type { SettlementLineFigures } from '../../../domain/consignment-settlement';

/** The overspend margin (percent, as text) in force on a date. */
export async function overspendMarginOn(em: EntityManager, date: string): Promise<string> {
  const rule = await ruleInForce<{ percent: string }>(em, OVERSPEND_RULE, date);
  return String(rule.params.percent);
}

/** The figures of a consignment-year's settlement from the stored grants, spending and interest. */
export async function settlementFigures(
  em: EntityManager,
  consignmentId: number,
  fiscalYear: number,
  marginPercent: string,
): Promise<SettlementFigures<GrantPlan>> {
  const plan = await approvedPlan(em, consignmentId, fiscalYear);
  const granted = await paidTotal(em, consignmentId, fiscalYear);
  const entries = await operatorEntriesOfYear(em, consignmentId, fiscalYear);
  const categories = plan ? await planCategories(em, plan.id) : [];
  return settlementFiguresOf(plan, categories, granted, entries, marginPercent);
}

/** A consignment's settlements (of a year, or all) with their category lines, for a reader who may see it. */
export async function listSettlements(
  em: EntityManager,
  ctx: RequestContext,
  consignmentRef: string,
  fiscalYear?: number,
): Promise<SettlementWithLines[]> {
  const c = await resolveConsignment(em, consignmentRef);
  await assertOrgAccess(em, ctx, c.orgUnitId);
  return settlementsWithLines(em, c.id, fiscalYear);
}

/** The settlement of a year to print: the confirmed one, else the latest open one, else null. */
export async function currentSettlement(em: EntityManager, consignmentId: number, fiscalYear: number): Promise<SettlementWithLines | null> {
  const rows = await settlementsNewestFirst(em, consignmentId, fiscalYear);
  const s = rows.find((r) => r.status === 'confirmed') ?? rows.find((r) => r.status !== 'superseded') ?? null;
  if (!s) return null;
  return { ...s, lines: await settlementLines(em, s.id) };
}

/** The operator's spending and interest of a consignment (of a year, or all), for a reader who may see it. */
export async function listOperatorEntries(
  em: EntityManager,
  ctx: RequestContext,
  consignmentRef: string,
  fiscalYear?: number,
): Promise<OperatorEntry[]> {
  const c = await resolveConsignment(em, consignmentRef);
  await assertOrgAccess(em, ctx, c.orgUnitId);
  return operatorEntriesOf(em, c.id, fiscalYear);
}
