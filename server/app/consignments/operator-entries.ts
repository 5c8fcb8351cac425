import type { DataSource, EntityManager } from 'typeorm';
import { OperatorEntry, OperatorEntryKind } from '../../../entities/consignment-operator-entry';
import { checkOperatorEntry, checkSpendingCategory, noApprovedPlan } from '../../../domain/consignment-settlement';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { approvedPlan, planCategoriesUnordered } from '../../store/consignments/grant-plans';
import { insertOperatorEntry } from '../../store/consignments/settlements';
import { lockConsignmentYear } from './consignment-years';

export interface OperatorEntryInput {
  consignment: string;
  fiscalYear: number;
  quarter: number;
  kind: OperatorEntryKind;
  categoryCode?: string | null;
  /** signed won: a correction is negative and needs a note */
  amount: number;
  entryDate: string;
  note?: string | null;
  sample?: boolean;
}

/** The operator's spending (against a category of the approved plan) or interest earned, in a consignment-year not yet settled. */
export async function recordOperatorEntry(
  ds: DataSource,
  ctx: RequestContext,
  input: OperatorEntryInput,
  em?: EntityManager,
): Promise<OperatorEntry> {
  return within(ds, em, async (tx) => {
    const { consignment } = await lockConsignmentYear(tx, ctx, input.consignment, input.fiscalYear);
    checkOperatorEntry(input);
    if (input.kind === 'spending') {
      const plan = await approvedPlan(tx, consignment.id, input.fiscalYear);
      if (!plan) throw noApprovedPlan(input.fiscalYear);
      checkSpendingCategory(await planCategoriesUnordered(tx, plan.id), input.categoryCode);
    }
    const entry = await insertOperatorEntry(tx, {
      consignmentId: consignment.id,
      fiscalYear: input.fiscalYear,
      quarter: input.quarter,
      kind: input.kind,
      categoryCode: input.kind === 'spending' ? (input.categoryCode ?? null) : null,
      amount: input.amount,
      entryDate: input.entryDate,
      note: input.note ?? null,
      sample: input.sample ?? false,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await audit(tx, ctx, {
      action: `operator_entry.${input.kind}`,
      entity: 'consignment_operator_entry',
      entityId: entry.id,
      after: entry,
    });
    return entry;
  });
}
