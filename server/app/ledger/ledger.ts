import { DataSource, EntityManager } from 'typeorm';
import { Appropriation } from '../../../entities/appropriation';
import { BudgetTransfer, TransferKind } from '../../../entities/budget-transfer';
import { CarryType, EntryKind, LedgerEntry } from '../../../entities/ledger-entry';
import { ProgramYear } from '../../../entities/program-year';
import { conflict, invalid, notFound } from '../../../domain/errors';
import { addFigures, assertCanReduce, assertCanSpend, LineFigures, lineFigures } from '../../../domain/ledger';
import { RequestContext } from '../../context';
import { inTransaction, lockRow, within } from '../../db/transaction';
import { hydrate, leanFind, leanFindOne, leanInsert, selectColumns } from '../../db/lean';
import { Outcome, outcomeOf, settled, valueOf } from '../../db/group-commit';
import { addToLineTotals } from '../../store/ledger/running-totals';
import { audit } from '../../store/audit';
import { assertOrgAccess } from '../../access/scope';
import { assertDateInYear, assertYearOpen } from './fiscal-years';

/**
 * A program-year by its id, or by its program and fiscal year (which name exactly one): a statement
 * keyed by the latter can be sent in the same round trip as the statement that finds and locks the
 * program-year, before its id is known.
 */
export type ProgramYearKey = number | { programId: number; fiscalYear: number };

/** The condition that `column` names the program-year of a key, and its parameters. */
function programYearMatch(key: ProgramYearKey, column = 'program_year_id'): [string, unknown[]] {
  return typeof key === 'number'
    ? [`${column} = ?`, [key]]
    : [`${column} = (SELECT id FROM program_years WHERE program_id = ? AND fiscal_year = ?)`, [key.programId, key.fiscalYear]];
}

/** The condition that the program-year `py` is one of `keys`, and its parameters. */
export function programYearsAmong(keys: ProgramYearKey[], py = 'py'): [string, unknown[]] {
  const parts = keys.map((k) => (typeof k === 'number' ? `${py}.id = ?` : `(${py}.program_id = ? AND ${py}.fiscal_year = ?)`));
  return [`(${parts.join(' OR ')})`, keys.flatMap((k) => (typeof k === 'number' ? [k] : [k.programId, k.fiscalYear]))];
}

/** Whether a program-year is the one a key names. */
export function isProgramYearOf(key: ProgramYearKey, py: Pick<ProgramYear, 'id' | 'programId' | 'fiscalYear'>): boolean {
  return typeof key === 'number' ? py.id === key : py.programId === key.programId && py.fiscalYear === key.fiscalYear;
}

/** A program-year's whole-program 이체 (kind org), oldest first: they decide who owns it now. */
async function programMoves(em: EntityManager, key: ProgramYearKey): Promise<BudgetTransfer[]> {
  return (await programMovesOf(em, [key]))[0];
}

/** programMoves of several program-years, in one statement. */
async function programMovesOf(em: EntityManager, keys: ProgramYearKey[]): Promise<BudgetTransfer[][]> {
  const [among, params] = programYearsAmong(keys);
  const rows = (await em.query(
    `SELECT py.id AS key_id, py.program_id AS key_program_id, py.fiscal_year AS key_fiscal_year, ${selectColumns(em, BudgetTransfer, 't')}
     FROM budget_transfers t JOIN program_years py ON py.id = t.from_program_year_id
     WHERE t.kind = 'org' AND t.to_program_year_id = t.from_program_year_id AND ${among} ORDER BY t.transfer_date, t.id`,
    params,
  )) as Record<string, unknown>[];
  const owners = rows.map((r) => ({ id: Number(r.key_id), programId: Number(r.key_program_id), fiscalYear: Number(r.key_fiscal_year) }));
  return keys.map((key) => rows.filter((_, i) => isProgramYearOf(key, owners[i])).map((r) => hydrate(em, BudgetTransfer, r)));
}

/** The department that owns a program-year now: its own, or the target of its latest whole-program 이체 not reversed. */
function ownerAfterMoves(py: ProgramYear, moves: BudgetTransfer[]): number {
  const live = moves.filter((m) => m.reversalOfId === null && !moves.some((r) => r.reversalOfId === m.id));
  return live.length ? live[live.length - 1].toOrgUnitId! : py.orgUnitId;
}

export async function effectiveOrgUnitId(em: EntityManager, py: ProgramYear): Promise<number> {
  return ownerAfterMoves(py, await programMoves(em, py.id));
}

/** Locks a program-year for the rest of the transaction and checks the year is open and the actor may write. */
export async function lockProgramYearForWrite(
  em: EntityManager,
  ctx: RequestContext,
  programYearId: number,
  field = 'programYearId',
): Promise<ProgramYear> {
  const py = await lockRow(em, ProgramYear, programYearId);
  if (!py) throw notFound(`Program-year ${programYearId}`, `사업(연도) ${programYearId}`, field);
  await assertWritable(em, ctx, py);
  return py;
}

/**
 * What the checks of assertWritable read, started at once: the fiscal year (open, and share-locked
 * so a closing waits for this write) and the program-year's whole-program moves. A caller that has
 * not yet found the program-year starts them by key, in the same round trip as its lock.
 */
export function writableReads(em: EntityManager, key: ProgramYearKey, fiscalYear: number): Promise<BudgetTransfer[]> {
  return writableReadsOf(em, [{ key, fiscalYear }]).then(([reads]) => valueOf(reads));
}

/** writableReads of several program-years: the fiscal years (each read once in a transaction) and the moves of all in one statement. */
export async function writableReadsOf(
  em: EntityManager,
  keys: { key: ProgramYearKey; fiscalYear: number }[],
): Promise<Outcome<BudgetTransfer[]>[]> {
  if (!keys.length) return [];
  const years = settled(keys.map((k) => assertYearOpen(em, k.fiscalYear)));
  const moves = outcomeOf(
    programMovesOf(
      em,
      keys.map((k) => k.key),
    ),
  );
  const [open, all] = await Promise.all([years, moves]);
  return keys.map((_, i) => {
    if ('error' in open[i]) return open[i] as Outcome<never>;
    return 'error' in all ? all : { value: all.value[i] };
  });
}

/** The checks every write to a program-year makes once it holds the row's lock: the year is open, the actor owns it. */
export async function assertWritable(
  em: EntityManager,
  ctx: RequestContext,
  py: ProgramYear,
  reads = writableReads(em, py.id, py.fiscalYear),
): Promise<void> {
  await assertOrgAccess(em, ctx, ownerAfterMoves(py, await reads));
}

/**
 * Figures of one expense line (program-year × 편성목): its appropriation and the running totals of
 * its entries by kind (kept by insertEntries), in one round trip. This runs under the row lock of
 * every payment and execution, so it reads a few rows however long the line's history is.
 */
export async function expenseLineFigures(em: EntityManager, programYear: ProgramYearKey, expenseItem: string): Promise<LineFigures> {
  return (await expenseLinesFigures(em, [{ programYear, expenseItem }]))[0];
}

/** expenseLineFigures of several lines, in one statement (a group of payments reads them together). */
export async function expenseLinesFigures(
  em: EntityManager,
  lines: { programYear: ProgramYearKey; expenseItem: string }[],
): Promise<LineFigures[]> {
  if (!lines.length) return [];
  const parts: string[] = [];
  const params: unknown[] = [];
  lines.forEach(({ programYear, expenseItem }, i) => {
    const [match, matchParams] = programYearMatch(programYear);
    parts.push(
      `SELECT ${i} AS line_key, 'appropriation' AS kind, amount FROM appropriations WHERE ${match} AND expense_item = ?`,
      `SELECT ${i}, kind, amount FROM ledger_line_totals WHERE ${match} AND expense_item = ?`,
    );
    params.push(...matchParams, expenseItem, ...matchParams, expenseItem);
  });
  const rows: { line_key: string | number; kind: string; amount: string | number }[] = await em.query(
    parts.join('\n     UNION ALL\n     '),
    params,
  );
  return lines.map((_, i) => {
    const own = rows.filter((r) => Number(r.line_key) === i);
    const appropriated = own.filter((r) => r.kind === 'appropriation').reduce((a, r) => a + Number(r.amount), 0);
    return lineFigures(
      appropriated,
      own.filter((r) => r.kind !== 'appropriation').map((r) => ({ kind: r.kind as EntryKind, amount: Number(r.amount) })),
    );
  });
}

export type NewEntry = Omit<LedgerEntry, 'id'>;

/**
 * The one way ledger entries are written: each is inserted and added to its line's running total
 * (ledger_line_totals) in the caller's transaction, which holds the program-year's lock.
 */
export async function insertEntries(tx: EntityManager, entries: NewEntry[]): Promise<number[]> {
  // issued together, so that a MariaDB transaction sends them in one round trip (in this order)
  const ids = await Promise.all(entries.map((e) => leanInsert(tx, LedgerEntry, e)));
  await addToLineTotals(tx, entries);
  return ids;
}

/** Figures of every expense line of a program-year, and their total. */
export async function programYearFigures(
  em: EntityManager,
  programYearId: number,
): Promise<{ items: Record<string, LineFigures>; total: LineFigures }> {
  const apps = await em.getRepository(Appropriation).findBy({ programYearId });
  const sums = await em
    .getRepository(LedgerEntry)
    .createQueryBuilder('e')
    .select('e.expenseItem', 'item')
    .addSelect('e.kind', 'kind')
    .addSelect('SUM(e.amount)', 'amount')
    .where('e.programYearId = :programYearId', { programYearId })
    .groupBy('e.expenseItem')
    .addGroupBy('e.kind')
    .getRawMany<{ item: string; kind: EntryKind; amount: string | number }>();
  const names = new Set([...apps.map((a) => a.expenseItem), ...sums.map((s) => s.item)]);
  const items: Record<string, LineFigures> = {};
  for (const name of [...names].sort()) {
    items[name] = lineFigures(
      apps.find((a) => a.expenseItem === name)?.amount ?? 0,
      sums.filter((s) => s.item === name).map((s) => ({ kind: s.kind, amount: Number(s.amount) })),
    );
  }
  return { items, total: addFigures(Object.values(items)) };
}

export const POSTABLE_KINDS = [
  'supplementary',
  'carry_in',
  'reserve',
  'change_use',
  'execution',
  'carry_out',
] as const satisfies readonly EntryKind[];
export type PostableKind = (typeof POSTABLE_KINDS)[number];

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
  assertDateInYear(input.entryDate, py.fiscalYear);
  if (input.kind === 'carry_out' && !input.carryType) {
    throw invalid(
      'carryType',
      'required',
      'A carry-over needs its type (explicit, accident, continuing)',
      '차년이월은 이월 종류(명시·사고·계속비)가 필요합니다',
    );
  }
  if ((input.kind === 'carry_out' || input.kind === 'reserve' || input.kind === 'change_use') && !input.reason) {
    throw invalid('reason', 'required', 'This entry needs a reason', '사유를 입력해야 합니다');
  }
  if (input.kind === 'execution' || input.kind === 'carry_out') assertCanSpend(before, input.kind, input.amount);
  else if (input.amount < 0) assertCanReduce(before, -input.amount);
  return em.getRepository(LedgerEntry).create({
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
 * edited. A transfer's entries are reversed through the transfer, together.
 */
export async function reverseEntry(
  ds: DataSource,
  ctx: RequestContext,
  entryId: number,
  input: { entryDate: string; reason: string },
): Promise<LedgerEntry> {
  return inTransaction(ds, async (tx) => {
    const original = await tx.getRepository(LedgerEntry).findOneBy({ id: entryId });
    if (!original) throw notFound(`Ledger entry ${entryId}`, `원장 기록 ${entryId}`);
    if (original.transferId !== null) {
      throw conflict(
        'reverse_through_transfer',
        `Reverse the transfer (POST /api/transfers/${original.transferId}/reversal), not one of its entries`,
        '전용·이용·이체는 해당 건 전체를 취소해야 합니다',
        'id',
      );
    }
    if (original.reversalOfId !== null)
      throw conflict(
        'reversal_of_reversal',
        'A reversal cannot be reversed; post a new entry',
        '취소 기록은 다시 취소할 수 없습니다. 새로 기록하십시오',
        'id',
      );
    // a grant payment's 집행 or a settlement's 반납 moves with its source record, which would otherwise disagree with the ledger
    if (original.sourceRef !== null) {
      throw conflict(
        'reverse_through_source',
        `Entry ${entryId} was posted by ${original.sourceRef}; correct it there, not in the ledger`,
        `이 기록은 ${original.sourceRef}에서 생긴 것이므로 원장에서 직접 취소할 수 없습니다`,
        'id',
        { sourceRef: original.sourceRef },
      );
    }
    await lockProgramYearForWrite(tx, ctx, original.programYearId);
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
  if (await leanFindOne(tx, LedgerEntry, { reversalOfId: original.id })) {
    throw conflict('already_reversed', `Entry ${original.id} is already reversed`, `이미 취소된 기록입니다`, 'id');
  }
  const before = await expenseLineFigures(tx, original.programYearId, original.expenseItem);
  const amount = -original.amount;
  if (original.kind === 'execution' || original.kind === 'carry_out') assertCanSpend(before, original.kind, amount);
  else if (amount < 0) assertCanReduce(before, -amount);
  const reversal = tx.getRepository(LedgerEntry).create({
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

const TRANSFER_ENTRY_KIND: Record<TransferKind, EntryKind> = { item: 'transfer_item', program: 'transfer_program', org: 'transfer_org' };

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
  const locked = new Map<number, ProgramYear>();
  for (const id of [...new Set([fromId, toId])].sort((a, b) => a - b)) {
    locked.set(id, await lockProgramYearForWrite(tx, ctx, id, field ?? (id === fromId ? 'fromProgramYearId' : 'toProgramYearId')));
  }
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
    if (from.fiscalYear !== to.fiscalYear)
      throw invalid(
        'toProgramYearId',
        'sameFiscalYear',
        'Both sides of a transfer must be in one fiscal year',
        '전용·이용·이체는 같은 회계연도 안에서만 가능합니다',
      );
    assertDateInYear(input.transferDate, from.fiscalYear, 'transferDate');
    const wholeProgram = input.kind === 'org' && from.id === to.id;
    if (input.kind === 'item' && (from.id !== to.id || input.fromItem === input.toItem)) {
      throw invalid(
        'toItem',
        'transferItemRule',
        '전용 moves money between two different expense items of one program',
        '전용은 같은 사업 안의 서로 다른 편성목 사이에서만 가능합니다',
      );
    }
    if (input.kind === 'program' && from.id === to.id) {
      throw invalid(
        'toProgramYearId',
        'transferProgramRule',
        '이용 moves money between two different programs',
        '이용은 서로 다른 사업 사이에서만 가능합니다',
      );
    }
    if (input.kind === 'program' && !input.approvalRef) {
      throw invalid(
        'approvalRef',
        'councilApprovalRequired',
        '이용 needs the prior council approval reference',
        '이용은 사전 의회 의결 근거가 필요합니다',
      );
    }
    if (input.kind === 'org' && !input.toOrgUnitId) {
      throw invalid('toOrgUnitId', 'required', '이체 names the receiving department', '이체는 받는 부서가 필요합니다');
    }
    if (input.reportedOn && input.reportedOn < input.transferDate) {
      throw invalid(
        'reportedOn',
        'notBeforeTransfer',
        'A transfer cannot be reported before it happened',
        '보고일이 전용일보다 앞설 수 없습니다',
      );
    }
    const fromOrg = await effectiveOrgUnitId(tx, from);
    if (!wholeProgram) assertCanReduce(await expenseLineFigures(tx, from.id, input.fromItem), input.amount);
    else {
      const total = (await programYearFigures(tx, from.id)).total;
      if (input.amount !== total.budget) {
        throw invalid(
          'amount',
          'wholeProgramAmount',
          `A whole-program 이체 carries the program's 예산액 (${total.budget} won)`,
          `사업 전체 이체 금액은 예산액 ${total.budget}원이어야 합니다`,
        );
      }
    }
    const transfer = tx.getRepository(BudgetTransfer).create({
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
    await tx.save(transfer);
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
    const original = await leanFindOne(tx, BudgetTransfer, { id: transferId });
    if (!original) throw notFound(`Transfer ${transferId}`, `전용·이용·이체 ${transferId}`);
    await lockBothSides(tx, ctx, original.fromProgramYearId, original.toProgramYearId, 'id');
    if (original.reversalOfId !== null)
      throw conflict(
        'reversal_of_reversal',
        'A reversal cannot be reversed; record a new transfer',
        '취소 기록은 다시 취소할 수 없습니다. 새로 기록하십시오',
        'id',
      );
    if (await leanFindOne(tx, BudgetTransfer, { reversalOfId: original.id }))
      throw conflict('already_reversed', `Transfer ${transferId} is already reversed`, '이미 취소된 전용·이용·이체입니다', 'id');
    assertDateInYear(input.transferDate, original.fiscalYear, 'transferDate');
    if (input.transferDate < original.transferDate) {
      throw invalid(
        'transferDate',
        'notBeforeTransfer',
        'A reversal cannot precede the transfer it undoes',
        '취소일이 원래 전용·이용·이체일보다 앞설 수 없습니다',
      );
    }
    const entries = await leanFind(tx, LedgerEntry, { transferId: original.id }, { order: [['id', 'ASC']] });
    const receiving = entries.find((e) => e.amount > 0);
    if (receiving) assertCanReduce(await expenseLineFigures(tx, receiving.programYearId, receiving.expenseItem), receiving.amount);
    const now = new Date();
    // recorded the way the money (or the program) moves back: from the receiving side to the giving one
    const reversal = tx.getRepository(BudgetTransfer).create({
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
    reversal.id = await leanInsert(tx, BudgetTransfer, reversal);
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
    const t = await lockRow(tx, BudgetTransfer, transferId);
    if (!t) throw notFound(`Transfer ${transferId}`, `전용 ${transferId}`);
    await lockProgramYearForWrite(tx, ctx, t.fromProgramYearId);
    if (t.kind !== 'item')
      throw invalid('id', 'onlyItemTransfers', 'Only 전용 are reported to the standing committee', '상임위원회 보고 대상은 전용뿐입니다');
    if (t.reportedOn)
      throw conflict(
        'already_reported',
        `Transfer ${transferId} was reported on ${t.reportedOn}`,
        `이미 ${t.reportedOn}에 보고되었습니다`,
        'reportedOn',
      );
    if (reportedOn < t.transferDate)
      throw invalid(
        'reportedOn',
        'notBeforeTransfer',
        'A transfer cannot be reported before it happened',
        '보고일이 전용일보다 앞설 수 없습니다',
      );
    const before = { ...t };
    t.reportedOn = reportedOn;
    await tx.save(t);
    await audit(tx, ctx, { action: 'transfer.reported', entity: 'budget_transfer', entityId: t.id, before, after: t });
    return t;
  });
}
