import type { DataSource, EntityManager } from 'typeorm';
import type { CarryType, LedgerEntry } from '../../../entities/ledger-entry';
import type { ProgramYear } from '../../../entities/program-year';
import { notFound } from '../../../domain/errors';
import type { LineFigures } from '../../../domain/ledger';
import { assertLineTakes, assertNotYetReversed, assertPostable, assertReversibleInLedger, PostableKind } from '../../../domain/entries';
import { assertDateInYear } from '../../../domain/fiscal-year';
import { RequestContext } from '../../context';
import { inTransaction, within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { entryById, insertEntries, isEntryReversed, NewEntry, newEntry } from '../../store/ledger/entries';
import { expenseLineFigures } from '../../store/ledger/line-figures';
import { lockProgramYearForWrite } from './writable';

export interface PostEntryInput {
  programYearId: number;
  expenseItem: string;
  kind: PostableKind;
  /** signed won; the API only lets positive amounts in, services may post a negative execution (지출반납) */
  amount: number;
  entryDate: string;
  reason?: string | null;
  carryType?: CarryType | null;
  sourceRef?: string | null;
}

/**
 * The checks an entry must pass against its line's figures, read under the program-year's lock: an
 * execution or carry-over may not take 집행액 + 차년이월 above 예산현액; a reduction may not take the
 * line below zero. Returns the entry they allow, not yet written (insertEntries writes it).
 */
export function checkedEntry(
  em: EntityManager,
  ctx: RequestContext,
  py: ProgramYear,
  before: LineFigures,
  input: Omit<PostEntryInput, 'programYearId'>,
): NewEntry {
  assertPostable(before, py.fiscalYear, input);
  return newEntry(em, {
    programYearId: py.id,
    fiscalYear: py.fiscalYear,
    expenseItem: input.expenseItem,
    kind: input.kind,
    amount: input.amount,
    entryDate: input.entryDate,
    reason: input.reason ?? null,
    carryType: input.kind === 'carry_out' ? (input.carryType ?? null) : null,
    transferId: null,
    reversalOfId: null,
    sourceRef: input.sourceRef ?? null,
    createdById: ctx.actor.id,
    createdAt: new Date(),
  });
}

/**
 * Posts one ledger entry under a lock on its program-year, after the checks of checkedEntry. Pass
 * `em` to post inside a transaction the caller already holds.
 */
export async function postEntry(ds: DataSource, ctx: RequestContext, input: PostEntryInput, em?: EntityManager): Promise<LedgerEntry> {
  return within(ds, em, async (tx) => {
    const py = await lockProgramYearForWrite(tx, ctx, input.programYearId);
    const before = await expenseLineFigures(tx, py.id, input.expenseItem);
    const entry = checkedEntry(tx, ctx, py, before, input) as LedgerEntry;
    [entry.id] = await insertEntries(tx, [entry]);
    await audit(tx, ctx, { action: `ledger.${input.kind}`, entity: 'ledger_entry', entityId: entry.id, before, after: entry });
    return entry;
  });
}

/**
 * Corrects an entry by posting its reversal (the same amount, opposite sign) — entries are never
 * edited. A transfer's entries are reversed through the transfer, together; a grant payment's 집행
 * or a settlement's 반납 moves with its source record, which would otherwise disagree with the ledger.
 */
export async function reverseEntry(
  ds: DataSource,
  ctx: RequestContext,
  entryId: number,
  input: { entryDate: string; reason: string },
): Promise<LedgerEntry> {
  return inTransaction(ds, async (tx) => {
    const original = await entryById(tx, entryId);
    if (!original) throw notFound(`Ledger entry ${entryId}`, `원장 기록 ${entryId}`);
    // the department first: another department's reader learns nothing of the entry (its source, its year)
    await lockProgramYearForWrite(tx, ctx, original.programYearId);
    assertReversibleInLedger(original);
    return postReversal(tx, ctx, original, { ...input, sourceRef: null });
  });
}

/**
 * Posts the reversal of an entry (the same amount, opposite sign, naming the entry it reverses) in
 * the caller's transaction, which holds the program-year's lock: for reverseEntry, and for the
 * records that posted an entry and are corrected themselves (a grant payment). Refused when the
 * entry is already reversed or when the line cannot take it back.
 */
export async function postReversal(
  tx: EntityManager,
  ctx: RequestContext,
  original: LedgerEntry,
  input: { entryDate: string; reason: string; sourceRef: string | null },
  field = 'entryDate',
): Promise<LedgerEntry> {
  assertDateInYear(input.entryDate, original.fiscalYear, field);
  assertNotYetReversed(original, await isEntryReversed(tx, original.id));
  const before = await expenseLineFigures(tx, original.programYearId, original.expenseItem);
  const amount = -original.amount;
  assertLineTakes(before, original.kind, amount);
  const reversal = newEntry(tx, {
    ...original,
    id: undefined,
    amount,
    entryDate: input.entryDate,
    reason: input.reason,
    reversalOfId: original.id,
    sourceRef: input.sourceRef,
    createdById: ctx.actor.id,
    createdAt: new Date(),
  });
  [reversal.id] = await insertEntries(tx, [reversal]);
  await audit(tx, ctx, { action: 'ledger.reverse', entity: 'ledger_entry', entityId: reversal.id, before: original, after: reversal });
  return reversal;
}
