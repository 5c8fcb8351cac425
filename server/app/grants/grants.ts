import { DataSource, EntityManager, In } from 'typeorm';
import { GrantPlan, GrantPlanCategory } from '../../../entities/consignment-grant-plan';
import { Disbursement } from '../../../entities/consignment-disbursement';
import { conflict, DomainError, invalid, notFound } from '../../../domain/errors';
import { formatInteger, sumWon } from '../../../domain/money';
import { RequestContext } from '../../context';
import { lockRow, within } from '../../db/transaction';
import { leanFindOne, leanInsert, leanSetEach, leanUpdate } from '../../db/lean';
import { addToPaidTotals } from '../../store/ledger/running-totals';
import { audit } from '../../store/audit';
import { assertDateInYear } from '../ledger/fiscal-years';
import { checkedEntry, insertEntries, NewEntry, postReversal } from '../ledger/ledger';
import { LedgerEntry } from '../../../entities/ledger-entry';
import {
  assertConsignmentRead,
  assertConsignmentYearWritable,
  ConsignmentYearState,
  lockConsignmentYear,
  readConsignmentYearsLocked,
} from '../consignments/consignments';
import { assertOrgAccess } from '../../access/scope';
import { Consignment } from '../../../entities/consignment';
import { ProgramYear } from '../../../entities/program-year';
import { LineFigures, withEntry } from '../../../domain/ledger';
import { GroupCommit, Outcome, settled, valueOf } from '../../db/group-commit';
import { resolveConsignment } from '../../store/consignments/consignment-ref';

const won = (n: number) => `${formatInteger(n)}원`;
export const QUARTERS = [1, 2, 3, 4] as const;

export function planQuarters(plan: Pick<GrantPlan, 'q1' | 'q2' | 'q3' | 'q4'>): [number, number, number, number] {
  return [plan.q1, plan.q2, plan.q3, plan.q4];
}

/** Σ plan quarters 1 … q */
export function planToDate(plan: Pick<GrantPlan, 'q1' | 'q2' | 'q3' | 'q4'>, quarter: number): number {
  return sumWon(planQuarters(plan).slice(0, quarter));
}

export async function approvedPlan(em: EntityManager, consignmentId: number, fiscalYear: number): Promise<GrantPlan | null> {
  return leanFindOne(em, GrantPlan, { consignmentId, fiscalYear, status: 'approved' });
}

// ---------------------------------------------------------------------------------------------
// Grant plan (교부계획)

export interface PlanCategoryInput {
  code: string;
  name: string;
  parentCode?: string | null;
  amount: number;
}

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

function checkCategories(categories: PlanCategoryInput[], total: number): void {
  const codes = new Set<string>();
  for (const c of categories) {
    if (codes.has(c.code))
      throw invalid('categories', 'uniqueCode', `Category ${c.code} appears twice`, `비목 ${c.code}이(가) 중복되었습니다`);
    codes.add(c.code);
    if (!Number.isSafeInteger(c.amount) || c.amount < 0)
      throw invalid(
        'categories',
        'nonNegativeWon',
        `Category ${c.code} needs a whole, non-negative amount`,
        `비목 ${c.code} 금액은 0 이상의 원 단위 정수여야 합니다`,
      );
  }
  for (const c of categories) {
    if (c.parentCode && !categories.some((p) => p.code === c.parentCode && !p.parentCode)) {
      throw invalid(
        'categories',
        'parentExists',
        `Parent ${c.parentCode} of ${c.code} is not a top-level category`,
        `${c.code}의 상위 비목 ${c.parentCode}이(가) 없습니다`,
      );
    }
  }
  const top = categories.filter((c) => !c.parentCode);
  const topSum = sumWon(top.map((c) => c.amount));
  if (topSum !== total) {
    throw new DomainError(
      'invalid',
      'categories_sum',
      `Categories add up to ${topSum} won, the plan to ${total} won`,
      `비목 합계 ${won(topSum)}이(가) 교부계획 ${won(total)}과 다릅니다`,
      [
        {
          field: 'categories',
          rule: 'sumEqualsPlan',
          message: `categories must add up to ${total} won`,
          message_ko: `비목 합계는 ${won(total)}이어야 합니다`,
        },
      ],
      { categoriesTotal: topSum, planTotal: total },
    );
  }
  for (const p of top) {
    const children = categories.filter((c) => c.parentCode === p.code);
    if (children.length && sumWon(children.map((c) => c.amount)) !== p.amount) {
      throw invalid(
        'categories',
        'childrenSum',
        `Sub-items of ${p.code} do not add up to ${p.amount} won`,
        `${p.name}의 세부 항목 합계가 ${won(p.amount)}과 다릅니다`,
      );
    }
  }
}

function assertWithinAppropriation(total: number, current: number, field = 'quarters'): void {
  if (total > current) {
    throw new DomainError(
      'conflict',
      'plan_exceeds_appropriation',
      `The grant plan (${total} won) exceeds the appropriation's current budget (예산현액 ${current} won)`,
      `교부계획 ${won(total)}이(가) 예산현액 ${won(current)}을 넘습니다`,
      [{ field, rule: 'withinCurrentBudget', message: `at most ${current} won`, message_ko: `최대 ${won(current)}` }],
      { planTotal: total, currentBudget: current, excess: total - current },
    );
  }
}

function assertNotBelowPaid(total: number, paid: number): void {
  if (total < paid) {
    throw new DomainError(
      'conflict',
      'plan_below_paid',
      `The plan (${total} won) is below what was already granted (${paid} won)`,
      `교부계획 ${won(total)}이(가) 이미 교부한 ${won(paid)}보다 적습니다`,
      [{ field: 'quarters', rule: 'notBelowGranted', message: `at least ${paid} won`, message_ko: `최소 ${won(paid)}` }],
      { planTotal: total, granted: paid },
    );
  }
}

/** A new plan version (draft). The plan may not exceed 예산현액; a change to an approved plan needs a reason. */
export async function createGrantPlan(
  ds: DataSource,
  ctx: RequestContext,
  input: GrantPlanInput,
  em?: EntityManager,
): Promise<GrantPlan & { categories: GrantPlanCategory[] }> {
  return within(ds, em, async (tx) => {
    const { consignment, state, line: lineOf } = await lockConsignmentYear(tx, ctx, input.consignment, input.fiscalYear);
    const line = await lineOf();
    if (input.quarters.length !== 4 || input.quarters.some((q) => !Number.isSafeInteger(q) || q < 0)) {
      throw invalid(
        'quarters',
        'fourQuarters',
        'quarters lists four non-negative amounts of won',
        'quarters는 1~4분기 금액(0 이상) 네 개여야 합니다',
      );
    }
    const total = sumWon(input.quarters);
    if (total <= 0) throw invalid('quarters', 'positiveTotal', 'A plan grants something', '교부계획 합계는 0보다 커야 합니다');
    assertWithinAppropriation(total, line.current);
    assertNotBelowPaid(total, state.paid);
    if (input.categories?.length) checkCategories(input.categories, total);
    const previous = await tx
      .getRepository(GrantPlan)
      .find({ where: { consignmentId: consignment.id, fiscalYear: input.fiscalYear }, order: { version: 'DESC' } });
    if (previous.some((p) => p.status === 'approved') && !input.reason?.trim()) {
      throw invalid('reason', 'required', 'A change to an approved plan needs a reason', '승인된 교부계획을 변경하려면 사유가 필요합니다');
    }
    const plan = tx.getRepository(GrantPlan).create({
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
    });
    await tx.save(plan);
    const categories = (input.categories ?? []).map((c, i) =>
      tx
        .getRepository(GrantPlanCategory)
        .create({ grantPlanId: plan.id, seq: i + 1, code: c.code, name: c.name, parentCode: c.parentCode ?? null, amount: c.amount }),
    );
    if (categories.length) await tx.save(categories);
    await audit(tx, ctx, { action: 'grant_plan.create', entity: 'grant_plan', entityId: plan.id, after: { ...plan, categories } });
    return Object.assign(plan, { categories });
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
    const found = await tx.getRepository(GrantPlan).findOneBy({ id: planId });
    if (!found) throw notFound(`Grant plan ${planId}`, `교부계획 ${planId}`);
    const { state, line: lineOf } = await lockConsignmentYear(tx, ctx, found.consignmentId, found.fiscalYear);
    const line = await lineOf();
    const plan = (await lockRow(tx, GrantPlan, planId))!;
    if (plan.status !== 'draft')
      throw conflict(
        'plan_not_draft',
        `Plan version ${plan.version} is ${plan.status}`,
        `교부계획 ${plan.version}차는 ${plan.status === 'approved' ? '이미 승인됨' : '대체됨'} 상태입니다`,
        'id',
      );
    const newer = await tx
      .getRepository(GrantPlan)
      .createQueryBuilder('p')
      .where('p.consignmentId = :c AND p.fiscalYear = :y AND p.version > :v', {
        c: plan.consignmentId,
        y: plan.fiscalYear,
        v: plan.version,
      })
      .getCount();
    if (newer) throw conflict('plan_outdated', 'A newer version of this plan exists', '이 교부계획보다 새 버전이 있습니다', 'id');
    assertWithinAppropriation(plan.total, line.current);
    assertNotBelowPaid(plan.total, state.paid);
    const others = await tx
      .getRepository(GrantPlan)
      .find({ where: { consignmentId: plan.consignmentId, fiscalYear: plan.fiscalYear, status: In(['approved', 'draft']) } });
    for (const o of others) if (o.id !== plan.id) await tx.update(GrantPlan, { id: o.id }, { status: 'superseded' });
    const before = { ...plan };
    plan.status = 'approved';
    plan.approvedOn = input.approvedOn;
    plan.approvedById = ctx.actor.id;
    await tx.save(plan);
    await audit(tx, ctx, { action: 'grant_plan.approve', entity: 'grant_plan', entityId: plan.id, before, after: plan });
    return plan;
  });
}

export async function listGrantPlans(em: EntityManager, ctx: RequestContext, consignmentRef: string, fiscalYear?: number) {
  const c = await resolveConsignment(em, consignmentRef);
  await assertConsignmentRead(em, ctx, c);
  const plans = await em
    .getRepository(GrantPlan)
    .find({ where: { consignmentId: c.id, ...(fiscalYear ? { fiscalYear } : {}) }, order: { fiscalYear: 'ASC', version: 'ASC' } });
  const categories = plans.length
    ? await em.getRepository(GrantPlanCategory).find({ where: { grantPlanId: In(plans.map((p) => p.id)) }, order: { seq: 'ASC' } })
    : [];
  return plans.map((p) => ({ ...p, categories: categories.filter((k) => k.grantPlanId === p.id) }));
}

// ---------------------------------------------------------------------------------------------
// Disbursements (위탁금 교부)

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

function assertDateOrder(d: Pick<Disbursement, 'requestedOn' | 'decidedOn' | 'paidOn'>): void {
  if (d.decidedOn && d.decidedOn < d.requestedOn)
    throw invalid('decidedOn', 'notBeforeRequest', 'A decision cannot precede the request', '교부결정일이 신청일보다 앞설 수 없습니다');
  if (d.paidOn && d.decidedOn && d.paidOn < d.decidedOn)
    throw invalid('paidOn', 'notBeforeDecision', 'A payment cannot precede its decision', '교부일이 교부결정일보다 앞설 수 없습니다');
}

/**
 * The check of a payment, inside the caller's transaction, which already holds the consignment-year
 * lock: the year's cumulative grants may not exceed the approved plan to date (to the year's plan for
 * a 일괄·신속교부). 예산현액 is checked by postEntry when the payment posts. Returns the plan in force.
 */
function assertPayable(
  state: ConsignmentYearState,
  d: Pick<Disbursement, 'fiscalYear' | 'quarter' | 'lumpSum'>,
  amount: number,
  paidOn: string,
): GrantPlan {
  assertDateInYear(paidOn, d.fiscalYear, 'paidOn');
  const plan = state.plan;
  if (!plan) {
    throw conflict(
      'no_approved_plan',
      `No approved grant plan for ${d.fiscalYear}`,
      `${d.fiscalYear}년 승인된 교부계획이 없습니다`,
      'fiscalYear',
      { fiscalYear: d.fiscalYear },
    );
  }
  const paidBefore = state.paid;
  const limit = d.lumpSum ? plan.total : planToDate(plan, d.quarter);
  if (paidBefore + amount > limit) {
    const available = Math.max(0, limit - paidBefore);
    const scope = d.lumpSum ? '연간 교부계획' : `${d.quarter}분기까지 교부계획 누계`;
    throw new DomainError(
      'conflict',
      'exceeds_grant_plan',
      `Paying ${amount} won would take the year's grants to ${paidBefore + amount} won, above the plan ${d.lumpSum ? 'for the year' : `to quarter ${d.quarter}`} (${limit} won; already granted ${paidBefore} won, available ${available} won)`,
      `교부액 ${won(amount)}을(를) 더하면 누계 ${won(paidBefore + amount)}로 ${scope} ${won(limit)}을 넘습니다 (기교부 ${won(paidBefore)}, 교부 가능액 ${won(available)})`,
      [
        {
          field: 'amount',
          rule: 'withinGrantPlan',
          message: `at most ${available} won can be granted`,
          message_ko: `교부 가능액은 ${won(available)}입니다`,
        },
      ],
      {
        planVersion: plan.version,
        planTotal: plan.total,
        quarter: d.quarter,
        planToDate: limit,
        granted: paidBefore,
        requested: amount,
        available,
        lumpSum: d.lumpSum,
      },
    );
  }
  return plan;
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
    reason: d.lumpSum ? `위탁금 일괄·신속교부: ${d.lumpSumReason}` : `위탁금 ${d.quarter}분기 교부`,
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
  await leanSetEach(
    tx,
    Disbursement,
    'ledgerEntryId',
    payments.map((p) => [p.d.id, p.d.ledgerEntryId]),
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
function newDisbursement(tx: EntityManager, ctx: RequestContext, consignment: Consignment, input: DisbursementInput): Disbursement {
  if (!QUARTERS.includes(input.quarter as 1)) throw invalid('quarter', 'quarter', 'quarter is 1–4', '분기는 1~4입니다');
  if (input.lumpSum && !input.lumpSumReason?.trim()) {
    throw invalid('lumpSumReason', 'required', 'A lump-sum grant (일괄·신속교부) needs its reason', '일괄·신속교부는 사유가 필요합니다');
  }
  const decidedAmount = input.decidedAmount ?? (input.decidedOn || input.paidOn ? input.amount : null);
  if (decidedAmount !== null && decidedAmount > input.amount) {
    throw invalid(
      'decidedAmount',
      'notAboveRequest',
      'The decision cannot grant more than was requested',
      '교부결정액이 신청액보다 클 수 없습니다',
    );
  }
  const paidOn = input.paidOn ?? null;
  const d = tx.getRepository(Disbursement).create({
    consignmentId: consignment.id,
    fiscalYear: input.fiscalYear,
    quarter: input.quarter,
    status: paidOn ? 'paid' : decidedAmount !== null ? 'decided' : 'requested',
    requestedOn: input.requestedOn,
    requestedAmount: input.amount,
    decidedOn: decidedAmount !== null ? (input.decidedOn ?? paidOn) : null,
    decidedAmount,
    paidOn,
    paidAmount: paidOn ? decidedAmount : null,
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
  assertDateOrder(d);
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
  const refs = [...new Set(requests.map((r) => String(r.input.consignment)))];
  const found = new Map(refs.map((ref, i) => [ref, i]));
  const consignments = await settled(refs.map((ref) => resolveConsignment(tx, ref)));
  const consignmentOf = (r: DisbursementRequest) => consignments[found.get(String(r.input.consignment))!];

  // every consignment-year of the group, once (fundingProgramYears locks them in index order)
  const years = new Map<string, { consignment: Consignment; year: number; readLine: boolean }>();
  const keyOf = (c: Consignment, year: number) => `${c.id}:${year}`;
  for (const r of requests) {
    const outcome = consignmentOf(r);
    if ('error' in outcome) continue;
    const key = keyOf(outcome.value, r.input.fiscalYear);
    const year = years.get(key) ?? { consignment: outcome.value, year: r.input.fiscalYear, readLine: false };
    year.readLine ||= Boolean(r.input.paidOn);
    years.set(key, year);
  }
  const reads = await readConsignmentYearsLocked(tx, [...years.values()]);
  const readsOf = new Map([...years.keys()].map((key, i) => [key, reads[i]]));
  // the figures the next request is checked against: a consignment-year's paid total, a funding line's figures
  const paid = new Map<string, number>();
  const lines = new Map<string, LineFigures>();

  const outcomes: Outcome<Disbursement>[] = [];
  const accepted: { ctx: RequestContext; d: Disbursement }[] = [];
  const payments: Payment[] = [];
  for (const r of requests) {
    try {
      const consignment = valueOf(consignmentOf(r));
      await assertOrgAccess(tx, r.ctx, consignment.orgUnitId);
      const key = keyOf(consignment, r.input.fiscalYear);
      const held = valueOf(readsOf.get(key)!);
      await assertConsignmentYearWritable(tx, r.ctx, held, r.input.fiscalYear);
      const d = newDisbursement(tx, r.ctx, consignment, r.input);
      if (d.paidOn) {
        const state = { ...held.state, paid: paid.get(key) ?? held.state.paid };
        d.grantPlanId = assertPayable(state, d, d.paidAmount!, d.paidOn).id;
        const lineKey = `${held.programYear.id}:${consignment.expenseItem}`;
        const payment = paymentEntry(tx, r.ctx, d, held.programYear, consignment.expenseItem, lines.get(lineKey) ?? held.lineAtLock!);
        paid.set(key, state.paid + d.paidAmount!);
        lines.set(lineKey, withEntry(payment.lineBefore, 'execution', d.paidAmount!));
        payments.push(payment);
      }
      accepted.push({ ctx: r.ctx, d });
      outcomes.push({ value: d });
    } catch (err) {
      outcomes.push(refusalOnly(err));
    }
  }

  const ids = await Promise.all(accepted.map(({ d }) => leanInsert(tx, Disbursement, d)));
  accepted.forEach(({ d }, i) => (d.id = ids[i]));
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

async function lockDisbursement(tx: EntityManager, ctx: RequestContext, id: number, readLine = false) {
  const found = await tx.getRepository(Disbursement).findOneBy({ id });
  if (!found) throw notFound(`Disbursement ${id}`, `위탁금 교부 ${id}`);
  const locked = await lockConsignmentYear(tx, ctx, found.consignmentId, found.fiscalYear, 'id', readLine);
  const d = (await lockRow(tx, Disbursement, id))!;
  return { d, ...locked };
}

/** 교부결정: approve (all or part of the request) or reject. */
export async function decideDisbursement(
  ds: DataSource,
  ctx: RequestContext,
  id: number,
  input: { decidedOn: string; approve: boolean; amount?: number | null; note?: string | null },
  em?: EntityManager,
): Promise<Disbursement> {
  return within(ds, em, async (tx) => {
    const { d } = await lockDisbursement(tx, ctx, id);
    if (d.status !== 'requested')
      throw conflict(
        'not_requested',
        `Disbursement ${id} is ${d.status}`,
        `이미 ${d.status === 'rejected' ? '반려' : '결정'}된 교부 신청입니다`,
        'id',
      );
    const before = { ...d };
    const amount = input.amount ?? d.requestedAmount;
    if (input.approve && amount > d.requestedAmount)
      throw invalid(
        'amount',
        'notAboveRequest',
        'The decision cannot grant more than was requested',
        '교부결정액이 신청액보다 클 수 없습니다',
      );
    d.decidedOn = input.decidedOn;
    assertDateOrder(d);
    d.status = input.approve ? 'decided' : 'rejected';
    d.decidedAmount = input.approve ? amount : 0;
    if (input.note) d.note = input.note;
    await tx.save(d);
    await audit(tx, ctx, {
      action: input.approve ? 'disbursement.decide' : 'disbursement.reject',
      entity: 'disbursement',
      entityId: d.id,
      before,
      after: d,
    });
    return d;
  });
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
    if (d.status !== 'decided') {
      throw conflict(
        'not_decided',
        `Disbursement ${id} is ${d.status}; only a decided grant can be paid`,
        d.status === 'paid' ? '이미 교부되었습니다' : '교부결정된 건만 교부할 수 있습니다',
        'id',
      );
    }
    const before = { ...d };
    assertDateOrder({ ...d, paidOn: input.paidOn });
    const plan = assertPayable(state, d, d.decidedAmount!, input.paidOn);
    d.status = 'paid';
    d.paidOn = input.paidOn;
    d.paidAmount = d.decidedAmount;
    d.grantPlanId = plan.id;
    const payment = paymentEntry(tx, ctx, d, programYear, consignment.expenseItem, lineAtLock!);
    await tx.update(
      Disbursement,
      { id: d.id },
      { status: d.status, paidOn: d.paidOn, paidAmount: d.paidAmount, grantPlanId: d.grantPlanId },
    );
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
    if (d.status !== 'paid')
      throw conflict(
        'not_paid',
        `Disbursement ${id} is ${d.status}; only a paid grant is reversed`,
        '교부된 건만 취소할 수 있습니다',
        'id',
      );
    if (d.reversalOfId !== null)
      throw conflict(
        'reversal_of_reversal',
        'A reversal cannot be reversed; record a new grant',
        '교부 취소는 다시 취소할 수 없습니다. 새로 교부하십시오',
        'id',
      );
    if (await leanFindOne(tx, Disbursement, { reversalOfId: d.id }))
      throw conflict('already_reversed', `Disbursement ${id} is already reversed`, '이미 취소된 교부입니다', 'id');
    if (input.reversedOn < d.paidOn!)
      throw invalid(
        'reversedOn',
        'notBeforePayment',
        'A reversal cannot precede the payment it undoes',
        '취소일이 교부일보다 앞설 수 없습니다',
      );
    const paid = d.paidAmount!;
    const reversal = tx.getRepository(Disbursement).create({
      ...d,
      id: undefined,
      requestedOn: input.reversedOn,
      requestedAmount: -d.requestedAmount,
      decidedOn: input.reversedOn,
      decidedAmount: -(d.decidedAmount ?? paid),
      paidOn: input.reversedOn,
      paidAmount: -paid,
      ledgerEntryId: null,
      reversalOfId: d.id,
      note: input.reason,
      sample: false,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    reversal.id = await leanInsert(tx, Disbursement, reversal);
    const posted = d.ledgerEntryId === null ? null : await leanFindOne(tx, LedgerEntry, { id: d.ledgerEntryId });
    if (posted) {
      const entry = await postReversal(
        tx,
        ctx,
        posted,
        { entryDate: input.reversedOn, reason: `위탁금 교부 취소: ${input.reason}`, sourceRef: `disbursement:${reversal.id}` },
        'reversedOn',
      );
      reversal.ledgerEntryId = entry.id;
      await leanUpdate(tx, Disbursement, reversal.id, { ledgerEntryId: entry.id });
    }
    await addToPaidTotals(tx, [{ consignmentId: d.consignmentId, fiscalYear: d.fiscalYear, amount: -paid }]);
    await audit(tx, ctx, { action: 'disbursement.reverse', entity: 'disbursement', entityId: reversal.id, before: d, after: reversal });
    return reversal;
  });
}

export async function listDisbursements(
  em: EntityManager,
  ctx: RequestContext,
  consignmentRef: string,
  fiscalYear?: number,
): Promise<Disbursement[]> {
  const c = await resolveConsignment(em, consignmentRef);
  await assertConsignmentRead(em, ctx, c);
  return em
    .getRepository(Disbursement)
    .find({ where: { consignmentId: c.id, ...(fiscalYear ? { fiscalYear } : {}) }, order: { fiscalYear: 'ASC', id: 'ASC' } });
}

/** Plan vs granted per quarter, cumulative, remaining (the grant-status report and the API). */
export async function grantStatus(em: EntityManager, consignmentId: number, fiscalYear: number) {
  const plan = await approvedPlan(em, consignmentId, fiscalYear);
  const paid = await em
    .getRepository(Disbursement)
    .find({ where: { consignmentId, fiscalYear, status: 'paid' }, order: { paidOn: 'ASC', id: 'ASC' } });
  const quarters = QUARTERS.map((q) => {
    const planned = plan ? planQuarters(plan)[q - 1] : 0;
    const granted = sumWon(paid.filter((d) => d.quarter === q).map((d) => d.paidAmount ?? 0));
    return { quarter: q, planned, granted };
  });
  let cumPlanned = 0;
  let cumGranted = 0;
  const rows = quarters.map((r) => {
    cumPlanned += r.planned;
    cumGranted += r.granted;
    return { ...r, cumulativePlanned: cumPlanned, cumulativeGranted: cumGranted };
  });
  return { plan, rows, planTotal: plan?.total ?? 0, granted: cumGranted, remaining: (plan?.total ?? 0) - cumGranted, disbursements: paid };
}
