import type { DataSource, EntityManager } from 'typeorm';
import type { BudgetTransfer, TransferKind } from '../../../entities/budget-transfer';
import type { ProgramYear } from '../../../entities/program-year';
import { notFound } from '../../../domain/errors';
import { assertCanReduce } from '../../../domain/ledger';
import {
  assertCommitteeReport,
  assertNotAReversal,
  assertReversalDate,
  assertTransferAllowed,
  assertTransferTarget,
  assertTransferNotYetReversed,
  assertWholeProgramAmount,
  TRANSFER_ENTRY_KIND,
} from '../../../domain/transfers';
import { RequestContext } from '../../context';
import { inTransaction, within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { entriesOfTransfer, insertEntries } from '../../store/ledger/entries';
import { expenseLineFigures, programYearFigures } from '../../store/ledger/line-figures';
import { orgUnitById } from '../../store/org-units/org-units';
import { insertTransfer, isTransferReversed, lockTransfer, newTransfer, saveTransfer, transferById } from '../../store/ledger/transfers';
import { effectiveOrgUnitId, lockProgramYearForWrite, lockProgramYearsForWrite } from './writable';

export interface TransferInput {
  kind: TransferKind;
  transferDate: string;
  amount: number;
  fromProgramYearId: number;
  fromItem: string;
  toProgramYearId: number;
  toItem: string;
  toOrgUnitId?: number | null;
  reason: string;
  approvalRef?: string | null;
  reportedOn?: string | null;
}

/**
 * Locks both program-years of a transfer for writing, in id order, so that two transfers between the
 * same programs in opposite directions cannot deadlock. Returns them as [from, to].
 */
async function lockBothSides(
  tx: EntityManager,
  ctx: RequestContext,
  fromId: number,
  toId: number,
  field?: string,
): Promise<[ProgramYear, ProgramYear]> {
  const locked = await lockProgramYearsForWrite(tx, ctx, [
    { id: fromId, field: field ?? 'fromProgramYearId' },
    { id: toId, field: field ?? 'toProgramYearId' },
  ]);
  return [locked.get(fromId)!, locked.get(toId)!];
}

/**
 * 전용 · 이용 · 이체. Both program-years are locked (in id order, so two opposite transfers cannot
 * deadlock); the source line may not go below zero. A whole-program 이체 (from = to program-year)
 * moves the program to another department and no money.
 */
export async function createTransfer(
  ds: DataSource,
  ctx: RequestContext,
  input: TransferInput,
  em?: EntityManager,
): Promise<BudgetTransfer> {
  return within(ds, em, async (tx) => {
    const [from, to] = await lockBothSides(tx, ctx, input.fromProgramYearId, input.toProgramYearId);
    const { wholeProgram } = assertTransferAllowed(input, from, to);
    const fromOrg = await effectiveOrgUnitId(tx, from);
    // org units are only ever added (a closed one keeps its row), so the target needs no lock
    if (input.kind === 'org') assertTransferTarget(input.transferDate, await orgUnitById(tx, input.toOrgUnitId!), fromOrg);
    if (!wholeProgram) assertCanReduce(await expenseLineFigures(tx, from.id, input.fromItem), input.amount);
    else assertWholeProgramAmount(input.amount, (await programYearFigures(tx, from.id)).total.budget);
    const transfer = newTransfer(tx, {
      kind: input.kind,
      fiscalYear: from.fiscalYear,
      transferDate: input.transferDate,
      amount: input.amount,
      fromProgramYearId: from.id,
      fromItem: input.fromItem,
      toProgramYearId: to.id,
      toItem: input.toItem,
      fromOrgUnitId: input.kind === 'org' ? fromOrg : null,
      toOrgUnitId: input.kind === 'org' ? (input.toOrgUnitId ?? null) : null,
      reason: input.reason,
      approvalRef: input.approvalRef ?? null,
      reportedOn: input.kind === 'item' ? (input.reportedOn ?? null) : null,
      reversalOfId: null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await saveTransfer(tx, transfer);
    if (!wholeProgram) {
      const common = {
        fiscalYear: from.fiscalYear,
        kind: TRANSFER_ENTRY_KIND[input.kind],
        entryDate: input.transferDate,
        reason: input.reason,
        carryType: null,
        transferId: transfer.id,
        reversalOfId: null,
        sourceRef: null,
        createdById: ctx.actor.id,
        createdAt: new Date(),
      };
      await insertEntries(tx, [
        { ...common, programYearId: from.id, expenseItem: input.fromItem, amount: -input.amount },
        { ...common, programYearId: to.id, expenseItem: input.toItem, amount: input.amount },
      ]);
    }
    await audit(tx, ctx, { action: `transfer.${input.kind}`, entity: 'budget_transfer', entityId: transfer.id, after: transfer });
    return transfer;
  });
}

/**
 * Corrects a 전용 · 이용 · 이체 by posting its reversal — a transfer recorded, never edited, is undone
 * by a transfer back: the same kind and amount, reversalOfId set, and on both lines an entry of the
 * opposite sign that names the entry it reverses. The receiving line may not go below zero (the money
 * may be spent already). A whole-program 이체's reversal returns the program to its department. A
 * transfer is reversed once, and a reversal is not reversed again.
 */
export async function reverseTransfer(
  ds: DataSource,
  ctx: RequestContext,
  transferId: number,
  input: { transferDate: string; reason: string },
  em?: EntityManager,
): Promise<BudgetTransfer> {
  return within(ds, em, async (tx) => {
    const original = await transferById(tx, transferId);
    if (!original) throw notFound(`Transfer ${transferId}`, `전용·이용·이체 ${transferId}`);
    await lockBothSides(tx, ctx, original.fromProgramYearId, original.toProgramYearId, 'id');
    assertNotAReversal(original);
    assertTransferNotYetReversed(original, await isTransferReversed(tx, original.id));
    assertReversalDate(original, input.transferDate);
    const entries = await entriesOfTransfer(tx, original.id);
    const receiving = entries.find((e) => e.amount > 0);
    if (receiving) assertCanReduce(await expenseLineFigures(tx, receiving.programYearId, receiving.expenseItem), receiving.amount);
    const now = new Date();
    // recorded the way the money (or the program) moves back: from the receiving side to the giving one
    const reversal = newTransfer(tx, {
      ...original,
      id: undefined,
      fromProgramYearId: original.toProgramYearId,
      fromItem: original.toItem,
      toProgramYearId: original.fromProgramYearId,
      toItem: original.fromItem,
      fromOrgUnitId: original.toOrgUnitId,
      toOrgUnitId: original.fromOrgUnitId,
      transferDate: input.transferDate,
      reason: input.reason,
      reportedOn: null,
      reversalOfId: original.id,
      createdById: ctx.actor.id,
      createdAt: now,
    });
    reversal.id = await insertTransfer(tx, reversal);
    await insertEntries(
      tx,
      entries.map((e) => ({
        ...e,
        id: undefined,
        amount: -e.amount,
        entryDate: input.transferDate,
        reason: input.reason,
        transferId: reversal.id,
        reversalOfId: e.id,
        sourceRef: null,
        createdById: ctx.actor.id,
        createdAt: now,
      })),
    );
    await audit(tx, ctx, {
      action: 'transfer.reverse',
      entity: 'budget_transfer',
      entityId: reversal.id,
      before: original,
      after: reversal,
    });
    return reversal;
  });
}

/** Records the date a 전용 was reported to the standing committee; a report date is set once. */
export async function recordCommitteeReport(
  ds: DataSource,
  ctx: RequestContext,
  transferId: number,
  reportedOn: string,
): Promise<BudgetTransfer> {
  return inTransaction(ds, async (tx) => {
    const t = await lockTransfer(tx, transferId);
    if (!t) throw notFound(`Transfer ${transferId}`, `전용 ${transferId}`);
    await lockProgramYearForWrite(tx, ctx, t.fromProgramYearId);
    assertCommitteeReport(t, reportedOn);
    const before = { ...t };
    t.reportedOn = reportedOn;
    await saveTransfer(tx, t);
    await audit(tx, ctx, { action: 'transfer.reported', entity: 'budget_transfer', entityId: t.id, before, after: t });
    return t;
  });
}
