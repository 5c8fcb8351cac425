import type { DataSource, EntityManager } from 'typeorm';
import { Consignment } from '../../../entities/consignment';
import { Disbursement } from '../../../entities/consignment-disbursement';
import { ProgramYear } from '../../../entities/program-year';
import { DomainError, notFound } from '../../../domain/errors';
import { LineFigures, withEntry } from '../../../domain/ledger';
import {
  assertDecided,
  assertPayable,
  assertReversal,
  assertReversible,
  checkDisbursementDates,
  decidePayment,
  paymentReason,
  requestTerms,
} from '../../../domain/grant-payments';
import { assertApprovable } from '../../../domain/grant-requests';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { GroupCommit, Outcome, valueOf } from '../../db/group-commit';
import { addToPaidTotals } from '../../store/ledger/running-totals';
import { audit } from '../../store/audit';
import { resolveConsignments } from '../../store/consignments/consignment-years';
import {
  findDisbursement,
  insertDisbursement,
  insertDisbursements,
  isReversed,
  linkLedgerEntries,
  lockDisbursementRow,
  newDisbursement,
  outstandingRequests,
  recordPayment,
  setLedgerEntry,
} from '../../store/consignments/disbursements';
import { ledgerEntryById } from '../../store/consignments/settlements';
import { assertOrgAccess } from '../../access/scope';
import { assertDateInYear } from '../ledger/fiscal-years';
import { checkedEntry, insertEntries, NewEntry, postReversal } from '../ledger/ledger';
import { assertConsignmentYearWritable, lockConsignmentYear, lockConsignmentYears } from '../consignments/consignment-years';

export interface DisbursementInput {
  consignment: string;
  fiscalYear: number;
  quarter: number;
  requestedOn: string;
  amount: number;
  /** decide (교부결정) in the same call */
  decidedOn?: string | null;
  /** the decided amount when it is less than requested */
  decidedAmount?: number | null;
  /** pay (교부) in the same call; implies a decision on the same day if none is given */
  paidOn?: string | null;
  lumpSum?: boolean;
  lumpSumReason?: string | null;
  note?: string | null;
  sample?: boolean;
}

/** A paid grant on its way to the ledger: its 집행 entry (checked, not yet written) and the line's figures before it. */
interface Payment {
  ctx: RequestContext;
  d: Disbursement;
  entry: NewEntry;
  lineBefore: LineFigures;
}

/**
 * The 집행 a paid grant posts to its funding program, checked against the line's figures as they
 * stand under the lock (예산현액 may not be exceeded).
 */
function paymentEntry(
  tx: EntityManager,
  ctx: RequestContext,
  d: Disbursement,
  programYear: ProgramYear,
  expenseItem: string,
  lineBefore: LineFigures,
): Payment {
  const entry = checkedEntry(tx, ctx, programYear, lineBefore, {
    expenseItem,
    kind: 'execution',
    amount: d.paidAmount!,
    entryDate: d.paidOn!,
    reason: paymentReason(d),
  });
  return { ctx, d, entry, lineBefore };
}

/**
 * Writes paid grants (already inserted) to the ledger: their entries, the links between each
 * grant and its entry, the paid totals and the entries' audit records, together (on MariaDB the
 * entries take one round trip, the rest goes with the next statement).
 */
async function postPayments(tx: EntityManager, payments: Payment[]): Promise<void> {
  if (!payments.length) return;
  for (const p of payments) p.entry.sourceRef = `disbursement:${p.d.id}`;
  const ids = await insertEntries(
    tx,
    payments.map((p) => p.entry),
  );
  for (const [i, p] of payments.entries()) {
    const entry = Object.assign(p.entry, { id: ids[i] });
    p.d.ledgerEntryId = entry.id;
    await audit(tx, p.ctx, { action: 'ledger.execution', entity: 'ledger_entry', entityId: entry.id, before: p.lineBefore, after: entry });
  }
  await linkLedgerEntries(
    tx,
    payments.map((p) => p.d),
  );
  await addToPaidTotals(
    tx,
    payments.map((p) => ({ consignmentId: p.d.consignmentId, fiscalYear: p.d.fiscalYear, amount: p.d.paidAmount! })),
  );
}

/** A disbursement request and who makes it: one item of a group (see recordDisbursements). */
export interface DisbursementRequest {
  ctx: RequestContext;
  input: DisbursementInput;
}

/** The request's own checks, before any figure is compared, and the disbursement it describes. */
function disbursementOf(tx: EntityManager, ctx: RequestContext, consignment: Consignment, input: DisbursementInput): Disbursement {
  const terms = requestTerms(input);
  const d = newDisbursement(tx, {
    consignmentId: consignment.id,
    fiscalYear: input.fiscalYear,
    quarter: input.quarter,
    status: terms.status,
    requestedOn: input.requestedOn,
    requestedById: ctx.actor.id,
    requestedAmount: input.amount,
    decidedOn: terms.decidedOn,
    decidedAmount: terms.decidedAmount,
    decidedById: terms.decidedAmount !== null ? ctx.actor.id : null,
    decisionReason: null,
    paidOn: terms.paidOn,
    paidAmount: terms.paidAmount,
    paidById: terms.paidOn ? ctx.actor.id : null,
    withdrawnOn: null,
    withdrawnById: null,
    lumpSum: input.lumpSum ?? false,
    lumpSumReason: input.lumpSum ? (input.lumpSumReason ?? null) : null,
    grantPlanId: null,
    ledgerEntryId: null,
    reversalOfId: null,
    note: input.note ?? null,
    sample: input.sample ?? false,
    createdById: ctx.actor.id,
    createdAt: new Date(),
  });
  checkDisbursementDates(d);
  return d;
}

/** A refusal is the request's own outcome; anything else fails the transaction (and group commit then carries each request alone). */
function refusalOnly(err: unknown): Outcome<never> {
  if (err instanceof DomainError) return { error: err };
  throw err;
}

/**
 * Records disbursement requests in the caller's transaction: one, or a group gathered by group
 * commit (createDisbursement). Each consignment-year is locked once and its plan, paid total and
 * funding line read once (all of them in one round trip on MariaDB); the requests are then checked
 * one after another, in the order they came, against those figures as the accepted ones before
 * them have moved them — so the group refuses exactly what one-at-a-time would — and the accepted
 * ones are written together. A refused request writes nothing and is answered with its refusal.
 * createDisbursement is the way in; a test carries a known group through it directly.
 */
export async function recordDisbursements(tx: EntityManager, requests: DisbursementRequest[]): Promise<Outcome<Disbursement>[]> {
  const consignments = await resolveConsignments(
    tx,
    requests.map((r) => String(r.input.consignment)),
  );
  const consignmentOf = (r: DisbursementRequest): Consignment | null => {
    try {
      return consignments.of(String(r.input.consignment));
    } catch {
      return null; // refused below, in its turn
    }
  };

  // every consignment-year of the group, once (the store locks them in index order)
  const years = new Map<string, { consignment: Consignment; year: number; readLine: boolean }>();
  const keyOf = (c: Consignment, year: number) => `${c.id}:${year}`;
  for (const r of requests) {
    const consignment = consignmentOf(r);
    if (!consignment) continue;
    const key = keyOf(consignment, r.input.fiscalYear);
    const year = years.get(key) ?? { consignment, year: r.input.fiscalYear, readLine: false };
    year.readLine ||= Boolean(r.input.paidOn || r.input.decidedOn || r.input.decidedAmount);
    years.set(key, year);
  }
  const locked = await lockConsignmentYears(tx, [...years.values()]);
  // the figures the next request is checked against: a consignment-year's paid total, a funding line's figures
  const paid = new Map<string, number>();
  const lines = new Map<string, LineFigures>();
  // a consignment-year's Σ decided and not yet paid (a decision without its payment commits the plan and 예산현액)
  const committed = new Map<string, number>();

  const outcomes: Outcome<Disbursement>[] = [];
  const accepted: { ctx: RequestContext; d: Disbursement }[] = [];
  const payments: Payment[] = [];
  for (const r of requests) {
    try {
      const consignment = consignments.of(String(r.input.consignment));
      await assertOrgAccess(tx, r.ctx, consignment.orgUnitId);
      const key = keyOf(consignment, r.input.fiscalYear);
      const held = locked.of(consignment, r.input.fiscalYear);
      await assertConsignmentYearWritable(tx, r.ctx, held, r.input.fiscalYear);
      const d = disbursementOf(tx, r.ctx, consignment, r.input);
      if (d.paidOn) {
        assertDateInYear(d.paidOn, d.fiscalYear, 'paidOn');
        const verdict = decidePayment({ plan: held.state.plan, paid: paid.get(key) ?? held.state.paid }, { ...d, amount: d.paidAmount! });
        if (!verdict.accepted) throw verdict.refusal;
        d.grantPlanId = verdict.plan.id;
        const lineKey = `${held.programYear.id}:${consignment.expenseItem}`;
        const payment = paymentEntry(tx, r.ctx, d, held.programYear, consignment.expenseItem, lines.get(lineKey) ?? held.lineAtLock!);
        paid.set(key, verdict.paidAfter);
        lines.set(lineKey, withEntry(payment.lineBefore, 'execution', d.paidAmount!));
        payments.push(payment);
      } else if (d.status === 'decided') {
        const before = committed.get(key) ?? (await outstandingRequests(tx, consignment.id, d.fiscalYear)).decided;
        const line = lines.get(`${held.programYear.id}:${consignment.expenseItem}`) ?? held.lineAtLock!;
        assertApprovable(d, d.decidedAmount!, {
          plan: held.state.plan,
          paid: paid.get(key) ?? held.state.paid,
          committed: before,
          lineBalance: line.balance,
          currentBudget: line.current,
        });
        committed.set(key, before + d.decidedAmount!);
      }
      accepted.push({ ctx: r.ctx, d });
      outcomes.push({ value: d });
    } catch (err) {
      outcomes.push(refusalOnly(err));
    }
  }

  await insertDisbursements(
    tx,
    accepted.map(({ d }) => d),
  );
  await postPayments(tx, payments);
  for (const { ctx, d } of accepted) {
    await audit(tx, ctx, {
      action: `disbursement.${d.status === 'paid' ? 'pay' : d.status === 'decided' ? 'decide' : 'request'}`,
      entity: 'disbursement',
      entityId: d.id,
      after: d,
    });
  }
  return outcomes;
}

/** Disbursement requests of every caller of a database, carried in groups (GroupCommit). */
const disbursementGroups = new WeakMap<DataSource, GroupCommit<DisbursementRequest, Disbursement>>();

/**
 * Records the operator's request (신청), and — when decidedOn / paidOn are given — the decision
 * and the payment in the same transaction. Without a caller's transaction, requests that arrive
 * while another group's transaction runs are carried together in the next (group commit): each is
 * still checked on its own, under the lock, against what the ones before it left.
 */
export async function createDisbursement(
  ds: DataSource,
  ctx: RequestContext,
  input: DisbursementInput,
  em?: EntityManager,
): Promise<Disbursement> {
  if (em) return valueOf((await recordDisbursements(em, [{ ctx, input }]))[0]);
  let group = disbursementGroups.get(ds);
  if (!group) disbursementGroups.set(ds, (group = new GroupCommit(ds, recordDisbursements)));
  return group.submit({ ctx, input });
}

export async function lockDisbursement(tx: EntityManager, ctx: RequestContext, id: number, readLine = false) {
  const found = await findDisbursement(tx, id);
  if (!found) throw notFound(`Disbursement ${id}`, `위탁금 교부 ${id}`);
  const locked = await lockConsignmentYear(tx, ctx, found.consignmentId, found.fiscalYear, 'id', readLine);
  const d = await lockDisbursementRow(tx, id);
  return { d, ...locked };
}

/** 교부: pays a decided grant. */
export async function payDisbursement(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  input: { paidOn: string },
  em?: EntityManager,
): Promise<Disbursement> {
  return within(ds, em, async (tx) => {
    const { d, state, programYear, consignment, lineAtLock } = await lockDisbursement(tx, ctx, id, true);
    assertDecided(d);
    const before = { ...d };
    checkDisbursementDates({ ...d, paidOn: input.paidOn });
    assertDateInYear(input.paidOn, d.fiscalYear, 'paidOn');
    const plan = assertPayable(state, { ...d, amount: d.decidedAmount! });
    d.status = 'paid';
    d.paidOn = input.paidOn;
    d.paidAmount = d.decidedAmount;
    d.paidById = ctx.actor.id;
    d.grantPlanId = plan.id;
    const payment = paymentEntry(tx, ctx, d, programYear, consignment.expenseItem, lineAtLock!);
    await recordPayment(tx, d);
    await postPayments(tx, [payment]);
    await audit(tx, ctx, { action: 'disbursement.pay', entity: 'disbursement', entityId: d.id, before, after: d });
    return d;
  });
}

/**
 * 교부 취소: corrects a paid grant by its reversal — a disbursement of the opposite amount that names
 * it, whose ledger entry reverses the payment's 집행 — so that the payment, the paid total and the
 * ledger move together. A payment is reversed once; a settled year refuses it like every other write.
 */
export async function reverseDisbursement(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  input: { reversedOn: string; reason: string },
  em?: EntityManager,
): Promise<Disbursement> {
  return within(ds, em, async (tx) => {
    const { d } = await lockDisbursement(tx, ctx, id);
    assertReversible(d);
    assertReversal(d, await isReversed(tx, d.id), input.reversedOn);
    const paid = d.paidAmount!;
    const reversal = await insertDisbursement(
      tx,
      newDisbursement(tx, {
        ...d,
        id: undefined,
        requestedOn: input.reversedOn,
        requestedAmount: -d.requestedAmount,
        decidedOn: input.reversedOn,
        decidedAmount: -(d.decidedAmount ?? paid),
        decidedById: ctx.actor.id,
        decisionReason: null,
        requestedById: ctx.actor.id,
        paidById: ctx.actor.id,
        withdrawnOn: null,
        withdrawnById: null,
        paidOn: input.reversedOn,
        paidAmount: -paid,
        ledgerEntryId: null,
        reversalOfId: d.id,
        note: input.reason,
        sample: false,
        createdById: ctx.actor.id,
        createdAt: new Date(),
      } as Omit<Disbursement, 'id'>),
    );
    const posted = d.ledgerEntryId === null ? null : await ledgerEntryById(tx, d.ledgerEntryId);
    if (posted) {
      const entry = await postReversal(
        tx,
        ctx,
        posted,
        { entryDate: input.reversedOn, reason: `위탁금 교부 취소: ${input.reason}`, sourceRef: `disbursement:${reversal.id}` },
        'reversedOn',
      );
      reversal.ledgerEntryId = entry.id;
      await setLedgerEntry(tx, reversal.id, entry.id);
    }
    await addToPaidTotals(tx, [{ consignmentId: d.consignmentId, fiscalYear: d.fiscalYear, amount: -paid }]);
    await audit(tx, ctx, { action: 'disbursement.reverse', entity: 'disbursement', entityId: reversal.id, before: d, after: reversal });
    return reversal;
  });
}
