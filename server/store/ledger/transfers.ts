import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { BudgetTransfer, TransferKind } from '../../../entities/budget-transfer';
import { leanFindOne, leanInsert } from '../../db/lean';
import { lockRow } from '../../db/transaction';

/** A transfer not yet written, as an entity. */
export function newTransfer(em: EntityManager, fields: Partial<BudgetTransfer>): BudgetTransfer {
  return em.getRepository(BudgetTransfer).create(fields);
}

/** Saves a transfer (inserted when new, updated otherwise); its id is set on it. */
export async function saveTransfer(tx: EntityManager, transfer: BudgetTransfer): Promise<void> {
  await tx.save(transfer);
}

/** Inserts a transfer row and returns its id. */
export function insertTransfer(tx: EntityManager, transfer: BudgetTransfer): Promise<number> {
  return leanInsert(tx, BudgetTransfer, transfer);
}

/** A transfer by id, or null. */
export function transferById(em: EntityManager, id: number): Promise<BudgetTransfer | null> {
  return leanFindOne(em, BudgetTransfer, { id });
}

/** A transfer locked for the rest of the transaction, or null. */
export function lockTransfer(em: EntityManager, id: number): Promise<BudgetTransfer | null> {
  return lockRow(em, BudgetTransfer, id);
}

/** Whether a transfer already has a reversal. */
export async function isTransferReversed(em: EntityManager, transferId: number): Promise<boolean> {
  return (await leanFindOne(em, BudgetTransfer, { reversalOfId: transferId })) !== null;
}

/** Transfers of a fiscal year (of one kind, when given), by date then id. */
export function transfersOfYear(em: EntityManager, fiscalYear: number, kind?: TransferKind): Promise<BudgetTransfer[]> {
  return em.getRepository(BudgetTransfer).find({
    where: { fiscalYear, ...(kind ? { kind } : {}) },
    order: { transferDate: 'ASC', id: 'ASC' },
  });
}

/** Transfers by id (in no particular order). */
export async function transfersByIds(em: EntityManager, ids: number[]): Promise<BudgetTransfer[]> {
  return ids.length ? em.getRepository(BudgetTransfer).findBy({ id: In(ids) }) : [];
}

/** The ids of those transfers among `ids` that have a reversal. */
export async function reversedTransferIds(em: EntityManager, ids: number[]): Promise<Set<number | null>> {
  return ids.length
    ? new Set((await em.getRepository(BudgetTransfer).findBy({ reversalOfId: In(ids) })).map((t) => t.reversalOfId))
    : new Set<number | null>();
}
