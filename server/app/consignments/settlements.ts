import { settlementReturn } from '../../../domain/consignment-return';
import { DataSource, EntityManager, In } from 'typeorm';
import { GrantPlan, GrantPlanCategory } from '../../../entities/consignment-grant-plan';
import { OperatorEntry, OperatorEntryKind } from '../../../entities/consignment-operator-entry';
import { ConsignmentSettlement, ConsignmentSettlementLine } from '../../../entities/consignment-settlement';
import { conflict, DomainError, invalid, notFound } from '../../../domain/errors';
import { formatInteger, parseDecimal, sumWon } from '../../../domain/money';
import { RequestContext } from '../../context';
import { lockRow, within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { assertDateInYear } from '../ledger/fiscal-years';
import { postEntry } from '../ledger/ledger';
import { ruleInForce } from '../../store/rules';
import { assertConsignmentRead, lockConsignmentYear } from './consignments';
import { approvedPlan } from '../grants/grants';
import { paidTotal } from '../../store/ledger/running-totals';
import { resolveConsignment } from '../../store/consignments/consignment-ref';

const won = (n: number) => `${formatInteger(n)}원`;

export const OVERSPEND_RULE = 'consignment_overspend_margin';

// ---------------------------------------------------------------------------------------------
// Operator spending and interest

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

export async function recordOperatorEntry(
  ds: DataSource,
  ctx: RequestContext,
  input: OperatorEntryInput,
  em?: EntityManager,
): Promise<OperatorEntry> {
  return within(ds, em, async (tx) => {
    const { consignment } = await lockConsignmentYear(tx, ctx, input.consignment, input.fiscalYear);
    if (![1, 2, 3, 4].includes(input.quarter)) throw invalid('quarter', 'quarter', 'quarter is 1–4', '분기는 1~4입니다');
    if (!Number.isSafeInteger(input.amount) || input.amount === 0)
      throw invalid('amount', 'nonZeroWon', 'amount is a non-zero whole number of won', '금액은 0이 아닌 원 단위 정수여야 합니다');
    if (input.amount < 0 && !input.note?.trim())
      throw invalid('note', 'required', 'A correction (negative amount) needs a note', '정정(음수 금액)에는 사유가 필요합니다');
    if (input.kind === 'interest' && input.categoryCode)
      throw invalid('categoryCode', 'interestHasNoCategory', 'Interest is not spent on a category', '이자에는 비목이 없습니다');
    if (input.kind === 'spending') {
      const plan = await approvedPlan(tx, consignment.id, input.fiscalYear);
      if (!plan)
        throw conflict(
          'no_approved_plan',
          `No approved grant plan for ${input.fiscalYear}`,
          `${input.fiscalYear}년 승인된 교부계획이 없습니다`,
          'fiscalYear',
        );
      const categories = await tx.getRepository(GrantPlanCategory).findBy({ grantPlanId: plan.id });
      if (categories.length) {
        const cat = categories.find((c) => c.code === input.categoryCode);
        if (!cat) {
          throw invalid(
            'categoryCode',
            'planCategory',
            `Spending names a category of the plan: ${categories.map((c) => c.code).join(', ')}`,
            `집행 비목은 교부계획의 비목이어야 합니다: ${categories.map((c) => c.name).join(', ')}`,
          );
        }
        if (categories.some((c) => c.parentCode === cat.code)) {
          throw invalid(
            'categoryCode',
            'leafCategory',
            `Spend on a sub-item of ${cat.code}`,
            `${cat.name}은(는) 세부 항목에 집행해야 합니다`,
          );
        }
      } else if (input.categoryCode) {
        throw invalid('categoryCode', 'planCategory', 'The plan has no categories', '교부계획에 비목이 없습니다');
      }
    }
    const entry = tx.getRepository(OperatorEntry).create({
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
    await tx.save(entry);
    await audit(tx, ctx, {
      action: `operator_entry.${input.kind}`,
      entity: 'consignment_operator_entry',
      entityId: entry.id,
      after: entry,
    });
    return entry;
  });
}

export async function listOperatorEntries(
  em: EntityManager,
  ctx: RequestContext,
  consignmentRef: string,
  fiscalYear?: number,
): Promise<OperatorEntry[]> {
  const c = await resolveConsignment(em, consignmentRef);
  await assertConsignmentRead(em, ctx, c);
  return em.getRepository(OperatorEntry).find({
    where: { consignmentId: c.id, ...(fiscalYear ? { fiscalYear } : {}) },
    order: { fiscalYear: 'ASC', quarter: 'ASC', id: 'ASC' },
  });
}

// ---------------------------------------------------------------------------------------------
// Settlement (정산)

export interface SettlementLineFigures {
  code: string;
  name: string;
  parentCode: string | null;
  planned: number;
  spent: number;
  overspent: boolean;
}

export interface SettlementFigures {
  plan: GrantPlan | null;
  granted: number;
  spent: number;
  interest: number;
  /** 반납액 = 교부액 + 이자 − 집행액 */
  returnAmount: number;
  /** the part of the return that is unspent grant (posted to the ledger as 지출반납) */
  principalReturn: number;
  /** the part that is interest (세입 — recorded with the settlement) */
  interestReturn: number;
  lines: SettlementLineFigures[];
  marginPercent: string;
  flagged: boolean;
}

/** spent > planned × (1 + margin%), exact */
export function overspends(planned: number, spent: number, marginPercent: string): boolean {
  const m = parseDecimal(marginPercent);
  const scale = 10n ** BigInt(m.scale);
  return BigInt(spent) * 100n * scale > BigInt(planned) * (100n * scale + m.scaled);
}

/** The figures of a consignment-year's settlement from the stored grants, spending and interest. */
export async function settlementFigures(
  em: EntityManager,
  consignmentId: number,
  fiscalYear: number,
  marginPercent: string,
): Promise<SettlementFigures> {
  const plan = await approvedPlan(em, consignmentId, fiscalYear);
  const granted = await paidTotal(em, consignmentId, fiscalYear);
  const entries = await em.getRepository(OperatorEntry).findBy({ consignmentId, fiscalYear });
  const spending = entries.filter((e) => e.kind === 'spending');
  const spent = sumWon(spending.map((e) => e.amount));
  const interest = sumWon(entries.filter((e) => e.kind === 'interest').map((e) => e.amount));
  const { returnAmount, principalReturn, interestReturn } = settlementReturn(granted, interest, spent);
  const categories = plan ? await em.getRepository(GrantPlanCategory).find({ where: { grantPlanId: plan.id }, order: { seq: 'ASC' } }) : [];
  const spentOf = (code: string | null) => sumWon(spending.filter((e) => e.categoryCode === code).map((e) => e.amount));
  let lines: SettlementLineFigures[];
  if (categories.length) {
    lines = categories.map((c) => {
      const children = categories.filter((k) => k.parentCode === c.code);
      const s = children.length ? sumWon(children.map((k) => spentOf(k.code))) + spentOf(c.code) : spentOf(c.code);
      return {
        code: c.code,
        name: c.name,
        parentCode: c.parentCode,
        planned: c.amount,
        spent: s,
        overspent: overspends(c.amount, s, marginPercent),
      };
    });
    const known = new Set(categories.map((c) => c.code));
    for (const code of [...new Set(spending.map((e) => e.categoryCode))].filter((k) => !known.has(k ?? ''))) {
      // spent on a category of an earlier plan version that the approved plan dropped
      const s = spentOf(code);
      lines.push({
        code: code ?? 'uncategorised',
        name: code ? `${code} (현 계획에 없음)` : '비목 미지정',
        parentCode: null,
        planned: 0,
        spent: s,
        overspent: s > 0,
      });
    }
  } else {
    const planned = plan?.total ?? 0;
    lines = [{ code: 'total', name: '위탁사업비', parentCode: null, planned, spent, overspent: overspends(planned, spent, marginPercent) }];
  }
  return {
    plan,
    granted,
    spent,
    interest,
    returnAmount,
    principalReturn,
    interestReturn,
    lines,
    marginPercent,
    flagged: lines.some((l) => l.overspent),
  };
}

async function marginOn(em: EntityManager, date: string): Promise<string> {
  const rule = await ruleInForce<{ percent: string }>(em, OVERSPEND_RULE, date);
  return String(rule.params.percent);
}

/** Submits (or re-submits) the settlement of a consignment-year: figures are computed, never typed. */
export async function submitSettlement(
  ds: DataSource,
  ctx: RequestContext,
  input: { consignment: string; fiscalYear: number; submittedOn: string; note?: string | null },
  em?: EntityManager,
) {
  return within(ds, em, async (tx) => {
    const { consignment } = await lockConsignmentYear(tx, ctx, input.consignment, input.fiscalYear);
    const margin = await marginOn(tx, input.submittedOn);
    const f = await settlementFigures(tx, consignment.id, input.fiscalYear, margin);
    if (!f.plan)
      throw conflict(
        'no_approved_plan',
        `No approved grant plan for ${input.fiscalYear}`,
        `${input.fiscalYear}년 승인된 교부계획이 없습니다`,
        'fiscalYear',
      );
    if (f.returnAmount < 0) {
      throw new DomainError(
        'conflict',
        'spent_exceeds_grant',
        `Spending (${f.spent} won) exceeds grants plus interest (${f.granted + f.interest} won)`,
        `집행액 ${won(f.spent)}이(가) 교부액과 이자의 합 ${won(f.granted + f.interest)}을 넘습니다`,
        [
          {
            field: 'fiscalYear',
            rule: 'spentWithinGrant',
            message: 'spending exceeds grants plus interest',
            message_ko: '집행액이 교부액+이자를 넘습니다',
          },
        ],
        { granted: f.granted, interest: f.interest, spent: f.spent },
      );
    }
    const open = await tx
      .getRepository(ConsignmentSettlement)
      .findBy({ consignmentId: consignment.id, fiscalYear: input.fiscalYear, status: In(['submitted', 'reviewed']) });
    for (const o of open) await tx.update(ConsignmentSettlement, { id: o.id }, { status: 'superseded' });
    const s = tx.getRepository(ConsignmentSettlement).create({
      consignmentId: consignment.id,
      fiscalYear: input.fiscalYear,
      status: 'submitted',
      grantPlanId: f.plan.id,
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
    });
    await tx.save(s);
    const lines = f.lines.map((l, i) => tx.getRepository(ConsignmentSettlementLine).create({ settlementId: s.id, seq: i + 1, ...l }));
    await tx.save(lines);
    await audit(tx, ctx, { action: 'settlement.submit', entity: 'consignment_settlement', entityId: s.id, after: { ...s, lines } });
    return { ...s, principalReturn: f.principalReturn, interestReturn: f.interestReturn, lines };
  });
}

async function lockSettlement(tx: EntityManager, ctx: RequestContext, id: number) {
  const found = await tx.getRepository(ConsignmentSettlement).findOneBy({ id });
  if (!found) throw notFound(`Settlement ${id}`, `정산 ${id}`);
  const locked = await lockConsignmentYear(tx, ctx, found.consignmentId, found.fiscalYear);
  return { s: (await lockRow(tx, ConsignmentSettlement, id))!, ...locked };
}

/** The stored figures must still be the ledger's: anything recorded since submission needs a new submission. */
async function assertNotStale(tx: EntityManager, s: ConsignmentSettlement): Promise<SettlementFigures> {
  const f = await settlementFigures(tx, s.consignmentId, s.fiscalYear, s.overspendMargin);
  if (f.granted !== s.granted || f.spent !== s.spent || f.interest !== s.interest || f.plan?.id !== s.grantPlanId) {
    throw conflict(
      'settlement_stale',
      'Grants, spending or interest changed since submission; submit the settlement again',
      '제출 후 교부·집행·이자 내역이 바뀌었습니다. 정산을 다시 제출하십시오',
      'id',
      {
        submitted: { granted: s.granted, spent: s.spent, interest: s.interest },
        now: { granted: f.granted, spent: f.spent, interest: f.interest },
      },
    );
  }
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
    if (s.status !== 'submitted')
      throw conflict(
        'not_submitted',
        `Settlement ${id} is ${s.status}`,
        `정산 ${id}은(는) 검토할 수 있는 상태가 아닙니다 (${s.status})`,
        'id',
      );
    if (input.reviewedOn < s.submittedOn)
      throw invalid('reviewedOn', 'notBeforeSubmission', 'A review cannot precede the submission', '검토일이 제출일보다 앞설 수 없습니다');
    await assertNotStale(tx, s);
    const before = { ...s };
    s.status = 'reviewed';
    s.reviewedOn = input.reviewedOn;
    s.reviewedById = ctx.actor.id;
    s.reviewNote = input.note ?? null;
    await tx.save(s);
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
    if (s.status !== 'reviewed')
      throw conflict(
        'not_reviewed',
        `Settlement ${id} is ${s.status}; only a reviewed settlement can be confirmed`,
        '검토를 마친 정산만 확정할 수 있습니다',
        'id',
      );
    if (input.confirmedOn < (s.reviewedOn ?? s.submittedOn))
      throw invalid('confirmedOn', 'notBeforeReview', 'A confirmation cannot precede the review', '확정일이 검토일보다 앞설 수 없습니다');
    const f = await assertNotStale(tx, s);
    const returnDate = input.returnDate ?? (input.confirmedOn.startsWith(`${s.fiscalYear}-`) ? input.confirmedOn : `${s.fiscalYear}-12-31`);
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
    await tx.save(s);
    await audit(tx, ctx, { action: 'settlement.confirm', entity: 'consignment_settlement', entityId: s.id, before, after: s });
    return { ...s, principalReturn: f.principalReturn, interestReturn: f.interestReturn };
  });
}

export async function listSettlements(em: EntityManager, ctx: RequestContext, consignmentRef: string, fiscalYear?: number) {
  const c = await resolveConsignment(em, consignmentRef);
  await assertConsignmentRead(em, ctx, c);
  const rows = await em
    .getRepository(ConsignmentSettlement)
    .find({ where: { consignmentId: c.id, ...(fiscalYear ? { fiscalYear } : {}) }, order: { fiscalYear: 'ASC', id: 'ASC' } });
  const lines = rows.length
    ? await em.getRepository(ConsignmentSettlementLine).find({ where: { settlementId: In(rows.map((r) => r.id)) }, order: { seq: 'ASC' } })
    : [];
  return rows.map((r) => ({ ...r, lines: lines.filter((l) => l.settlementId === r.id) }));
}

/** The settlement of a year to print: the confirmed one, else the latest open one, else null. */
export async function currentSettlement(em: EntityManager, consignmentId: number, fiscalYear: number) {
  const rows = await em.getRepository(ConsignmentSettlement).find({ where: { consignmentId, fiscalYear }, order: { id: 'DESC' } });
  const s = rows.find((r) => r.status === 'confirmed') ?? rows.find((r) => r.status !== 'superseded') ?? null;
  if (!s) return null;
  const lines = await em.getRepository(ConsignmentSettlementLine).find({ where: { settlementId: s.id }, order: { seq: 'ASC' } });
  return { ...s, lines };
}
