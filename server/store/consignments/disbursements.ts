import { In, type EntityManager } from 'typeorm';
import { Disbursement } from '../../../entities/consignment-disbursement';
import { leanFindOne, leanInsert, leanSetEach, leanUpdate } from '../../db/lean';
import { lockRow } from '../../db/transaction';

/** A disbursement not yet written (leanInsert writes it). */
export function newDisbursement(em: EntityManager, values: Omit<Disbursement, 'id'>): Disbursement {
  return em.getRepository(Disbursement).create(values);
}

/** Inserts disbursements, issued together (one round trip on MariaDB), and sets their ids. */
export async function insertDisbursements(em: EntityManager, rows: Disbursement[]): Promise<void> {
  const ids = await Promise.all(rows.map((d) => leanInsert(em, Disbursement, d)));
  rows.forEach((d, i) => (d.id = ids[i]));
}

/** Each paid grant's ledger entry, in one statement. */
export async function linkLedgerEntries(em: EntityManager, rows: Disbursement[]): Promise<void> {
  await leanSetEach(
    em,
    Disbursement,
    'ledgerEntryId',
    rows.map((d) => [d.id, d.ledgerEntryId]),
  );
}

export async function findDisbursement(em: EntityManager, id: number): Promise<Disbursement | null> {
  return em.getRepository(Disbursement).findOneBy({ id });
}

/** The disbursement's row, locked for the rest of the transaction. */
export async function lockDisbursementRow(em: EntityManager, id: number): Promise<Disbursement> {
  return (await lockRow(em, Disbursement, id))!;
}

/** A decided grant becomes paid. */
export async function recordPayment(em: EntityManager, d: Disbursement): Promise<void> {
  await em.update(
    Disbursement,
    { id: d.id },
    { status: d.status, paidOn: d.paidOn, paidAmount: d.paidAmount, paidById: d.paidById, grantPlanId: d.grantPlanId },
  );
}

/** Whether a payment has its reversal. */
export async function isReversed(em: EntityManager, id: number): Promise<boolean> {
  return (await leanFindOne(em, Disbursement, { reversalOfId: id })) !== null;
}

/** Inserts one disbursement (a reversal) and sets its id. */
export async function insertDisbursement(em: EntityManager, d: Disbursement): Promise<Disbursement> {
  d.id = await leanInsert(em, Disbursement, d);
  return d;
}

export async function setLedgerEntry(em: EntityManager, id: number, ledgerEntryId: number): Promise<void> {
  await leanUpdate(em, Disbursement, id, { ledgerEntryId });
}

/** A consignment's grants (of a year, or all), by year and id. */
export async function disbursementsOf(em: EntityManager, consignmentId: number, fiscalYear?: number): Promise<Disbursement[]> {
  return em
    .getRepository(Disbursement)
    .find({ where: { consignmentId, ...(fiscalYear ? { fiscalYear } : {}) }, order: { fiscalYear: 'ASC', id: 'ASC' } });
}

/** A consignment-year's grants, by id. */
export async function disbursementsOfYear(em: EntityManager, consignmentId: number, fiscalYear: number): Promise<Disbursement[]> {
  return em.getRepository(Disbursement).find({ where: { consignmentId, fiscalYear }, order: { id: 'ASC' } });
}

/** A consignment-year's paid grants, by payment date. */
export async function paidDisbursements(em: EntityManager, consignmentId: number, fiscalYear: number): Promise<Disbursement[]> {
  return em.getRepository(Disbursement).find({ where: { consignmentId, fiscalYear, status: 'paid' }, order: { paidOn: 'ASC', id: 'ASC' } });
}

/** How many disbursements of a consignment's fiscal year have been paid. */
export const paidDisbursementCount = (em: EntityManager, consignmentId: number, fiscalYear: number): Promise<number> =>
  em.getRepository(Disbursement).countBy({ consignmentId, fiscalYear, status: 'paid' });

/** A consignment-year's requests not yet paid: Σ decided (committed by a decision) and Σ requested (undecided), other than `except`. */
export async function outstandingRequests(
  em: EntityManager,
  consignmentId: number,
  fiscalYear: number,
  except?: number,
): Promise<{ decided: number; pending: number }> {
  const rows = await em.getRepository(Disbursement).find({
    select: { id: true, status: true, requestedAmount: true, decidedAmount: true },
    where: [
      { consignmentId, fiscalYear, status: 'decided' },
      { consignmentId, fiscalYear, status: 'requested' },
    ],
  });
  let decided = 0;
  let pending = 0;
  for (const r of rows) {
    if (r.id === except) continue;
    if (r.status === 'decided') decided += Number(r.decidedAmount ?? 0);
    else pending += Number(r.requestedAmount);
  }
  return { decided, pending };
}

/** Requests awaiting a decision or a payment, of the given consignments, oldest first. */
export async function openRequestsOf(em: EntityManager, consignmentIds: number[]): Promise<Disbursement[]> {
  if (!consignmentIds.length) return [];
  return em.getRepository(Disbursement).find({
    where: [
      { consignmentId: In(consignmentIds), status: 'requested' },
      { consignmentId: In(consignmentIds), status: 'decided' },
    ],
    order: { requestedOn: 'ASC', id: 'ASC' },
  });
}

/** Writes a request's decision, withdrawal or rejection (the columns a step sets). */
export async function recordRequestStep(
  em: EntityManager,
  d: Pick<
    Disbursement,
    'id' | 'status' | 'decidedOn' | 'decidedAmount' | 'decidedById' | 'decisionReason' | 'withdrawnOn' | 'withdrawnById' | 'note'
  >,
): Promise<void> {
  await em.update(
    Disbursement,
    { id: d.id },
    {
      status: d.status,
      decidedOn: d.decidedOn,
      decidedAmount: d.decidedAmount,
      decidedById: d.decidedById,
      decisionReason: d.decisionReason,
      withdrawnOn: d.withdrawnOn,
      withdrawnById: d.withdrawnById,
      note: d.note,
    },
  );
}
