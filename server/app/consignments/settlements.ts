import type { DataSource, EntityManager } from 'typeorm';
import { ConsignmentSettlement } from '../../../entities/consignment-settlement';
import { notFound } from '../../../domain/errors';
import { formatInteger } from '../../../domain/money';
import {
  assertConfirmable,
  assertNotStale,
  assertReviewable,
  assertSubmittable,
  returnDateOf,
  SettlementFigures,
} from '../../../domain/consignment-settlement';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import {
  findSettlement,
  insertSettlement,
  lockSettlementRow,
  saveSettlement,
  supersedeOpenSettlements,
} from '../../store/consignments/settlements';
import { overspendMarginOn, settlementFigures } from '../../queries/consignments/settlements';
import { assertDateInYear } from '../ledger/fiscal-years';
import { postEntry } from '../ledger/ledger';
import { lockConsignmentYear } from './consignment-years';

/** Submits (or re-submits) the settlement of a consignment-year: figures are computed, never typed. */
export async function submitSettlement(
  ds: DataSource,
  ctx: RequestContext,
  input: { consignment: string; fiscalYear: number; submittedOn: string; note?: string | null },
  em?: EntityManager,
) {
  return within(ds, em, async (tx) => {
    const { consignment } = await lockConsignmentYear(tx, ctx, input.consignment, input.fiscalYear);
    const margin = await overspendMarginOn(tx, input.submittedOn);
    const f = await settlementFigures(tx, consignment.id, input.fiscalYear, margin);
    assertSubmittable(f, input.fiscalYear);
    await supersedeOpenSettlements(tx, consignment.id, input.fiscalYear);
    const s = await insertSettlement(
      tx,
      {
        consignmentId: consignment.id,
        fiscalYear: input.fiscalYear,
        status: 'submitted',
        grantPlanId: f.plan!.id,
        granted: f.granted,
        spent: f.spent,
        interest: f.interest,
        returnAmount: f.returnAmount,
        overspendMargin: margin,
        flagged: f.flagged,
        submittedOn: input.submittedOn,
        submittedById: ctx.actor.id,
        reviewedOn: null,
        reviewedById: null,
        reviewNote: null,
        confirmedOn: null,
        confirmedById: null,
        returnEntryId: null,
        note: input.note ?? null,
        createdAt: new Date(),
      },
      f.lines,
    );
    const { lines, ...row } = s;
    await audit(tx, ctx, { action: 'settlement.submit', entity: 'consignment_settlement', entityId: s.id, after: { ...row, lines } });
    return { ...row, principalReturn: f.principalReturn, interestReturn: f.interestReturn, lines };
  });
}

async function lockSettlement(tx: EntityManager, ctx: RequestContext, id: number) {
  const found = await findSettlement(tx, id);
  if (!found) throw notFound(`Settlement ${id}`, `정산 ${id}`);
  const locked = await lockConsignmentYear(tx, ctx, found.consignmentId, found.fiscalYear);
  return { s: await lockSettlementRow(tx, id), ...locked };
}

/** The stored figures must still be the ledger's: anything recorded since submission needs a new submission. */
async function currentFigures(tx: EntityManager, s: ConsignmentSettlement): Promise<SettlementFigures> {
  const f = await settlementFigures(tx, s.consignmentId, s.fiscalYear, s.overspendMargin);
  assertNotStale(s, f);
  return f;
}

export async function reviewSettlement(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  input: { reviewedOn: string; note?: string | null },
  em?: EntityManager,
) {
  return within(ds, em, async (tx) => {
    const { s } = await lockSettlement(tx, ctx, id);
    assertReviewable(s, input.reviewedOn);
    await currentFigures(tx, s);
    const before = { ...s };
    s.status = 'reviewed';
    s.reviewedOn = input.reviewedOn;
    s.reviewedById = ctx.actor.id;
    s.reviewNote = input.note ?? null;
    await saveSettlement(tx, s);
    await audit(tx, ctx, { action: 'settlement.review', entity: 'consignment_settlement', entityId: s.id, before, after: s });
    return s;
  });
}

/**
 * Confirms a reviewed settlement: the unspent grant posts to the ledger as a 지출반납 (negative 집행)
 * of the funding program dated `returnDate` (default: the confirmation date, or 31 Dec when the
 * confirmation falls after the year), and the consignment-year is locked from then on.
 */
export async function confirmSettlement(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  input: { confirmedOn: string; returnDate?: string | null },
  em?: EntityManager,
) {
  return within(ds, em, async (tx) => {
    const { s, programYear, consignment } = await lockSettlement(tx, ctx, id);
    assertConfirmable(s, input.confirmedOn);
    const f = await currentFigures(tx, s);
    const returnDate = returnDateOf(s.fiscalYear, input.confirmedOn, input.returnDate);
    assertDateInYear(returnDate, s.fiscalYear, 'returnDate');
    const before = { ...s };
    if (f.principalReturn > 0) {
      const entry = await postEntry(
        ds,
        ctx,
        {
          programYearId: programYear.id,
          expenseItem: consignment.expenseItem,
          kind: 'execution',
          amount: -f.principalReturn,
          entryDate: returnDate,
          reason: `위탁사업비 정산 반납 (${s.fiscalYear}년, 반납액 ${formatInteger(s.returnAmount)}원 중 미집행 교부금; 이자 ${formatInteger(f.interestReturn)}원은 세입 반납)`,
          sourceRef: `consignment-settlement:${s.id}`,
        },
        tx,
      );
      s.returnEntryId = entry.id;
    }
    s.status = 'confirmed';
    s.confirmedOn = input.confirmedOn;
    s.confirmedById = ctx.actor.id;
    await saveSettlement(tx, s);
    await audit(tx, ctx, { action: 'settlement.confirm', entity: 'consignment_settlement', entityId: s.id, before, after: s });
    return { ...s, principalReturn: f.principalReturn, interestReturn: f.interestReturn };
  });
}
