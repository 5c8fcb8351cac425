import { DataSource, EntityManager } from 'typeorm';
import { Consignment, ConsignmentType, ContractTerm, FundingType, Operator, SelectionMethod } from '../../../entities/consignment';
import { ConsentKind, ConsentResult, ConsignmentConsent, ConsignmentStaff } from '../../../entities/consignment-records';
import { Appropriation } from '../../../entities/appropriation';
import { BudgetTransfer } from '../../../entities/budget-transfer';
import { OrgUnit } from '../../../entities/org-unit';
import { Program } from '../../../entities/program';
import { ProgramYear } from '../../../entities/program-year';
import { conflict, DomainError, invalid, notFound } from '../../../domain/errors';
import { LineFigures } from '../../../domain/ledger';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { hydrate, leanFindOne, selectColumns } from '../../db/lean';
import { GrantPlan } from '../../../entities/consignment-grant-plan';
import { audit } from '../../store/audit';
import { assertOrgAccess } from '../../access/scope';
import {
  assertWritable,
  expenseLineFigures,
  expenseLinesFigures,
  isProgramYearOf,
  programYearsAmong,
  writableReadsOf,
} from '../ledger/ledger';
import { isMysql } from '../../db/transaction';
import { Outcome, outcomeOf, valueOf } from '../../db/group-commit';
import { orgUnitByCode } from '../../store/org-units/org-units';
import { programByCode } from '../../store/programs/programs';
import { resolveConsignment } from '../../store/consignments/consignment-ref';

// ---------------------------------------------------------------------------------------------
// Look-ups and access

/**
 * Who may read a consignment: council staff and administrators all of them; budget officers and
 * inspectors only their own department's.
 */
export async function assertConsignmentRead(em: EntityManager, ctx: RequestContext, c: Consignment): Promise<void> {
  await assertOrgAccess(em, ctx, c.orgUnitId);
}

/** The program-year that funds a consignment in a fiscal year; `lock` takes its row lock in the same statement. */
export async function fundingProgramYear(
  em: EntityManager,
  c: Consignment,
  year: number,
  field = 'fiscalYear',
  lock = false,
): Promise<ProgramYear> {
  return valueOf((await fundingProgramYears(em, [{ consignment: c, year }], field, lock))[0]);
}

/**
 * fundingProgramYear of several consignment-years, in one statement; with `lock` their rows are
 * locked in the order of the (program, year) index, whoever asks.
 */
export async function fundingProgramYears(
  em: EntityManager,
  years: { consignment: Consignment; year: number }[],
  field = 'fiscalYear',
  lock = false,
): Promise<Outcome<ProgramYear>[]> {
  const keys = years.flatMap(({ consignment, year }) =>
    consignment.programId === null ? [] : [{ programId: consignment.programId, fiscalYear: year }],
  );
  let found: ProgramYear[] = [];
  if (keys.length) {
    const [among, params] = programYearsAmong(keys);
    const locking = lock && isMysql(em.connection) ? ' FOR UPDATE' : '';
    const rows = (await em.query(
      `SELECT ${selectColumns(em, ProgramYear, 'py')} FROM program_years py WHERE ${among} ORDER BY py.program_id, py.fiscal_year${locking}`,
      params,
    )) as Record<string, unknown>[];
    found = rows.map((r) => hydrate(em, ProgramYear, r));
  }
  return years.map(({ consignment: c, year }) => {
    if (c.programId === null) {
      return {
        error: invalid(
          'consignment',
          'fundingProgramRequired',
          `Consignment ${c.code} names no funding program`,
          `위탁사무 ${c.code}에 재원 사업이 지정되지 않았습니다`,
        ),
      };
    }
    const py = found.find((p) => isProgramYearOf({ programId: c.programId!, fiscalYear: year }, p));
    return py ? { value: py } : { error: notFound(`Funding program of ${c.code} in ${year}`, `${year}년 ${c.name} 재원 사업`, field) };
  });
}

/** What the writes to a consignment-year check, read together under its lock. */
export interface ConsignmentYearState {
  /** the approved grant plan (교부계획) in force, if any */
  plan: GrantPlan | null;
  /** Σ paid grants (교부액), from its running total */
  paid: number;
  /** the confirmed settlement (정산) that locks the year, if any */
  settlement: { id: number; confirmedOn: string | null } | null;
}

/**
 * Consignment-years' approved plans, paid totals and confirmed settlements, in one statement: a
 * payment checks all three under the program-year lock, and every statement there lengthens the
 * time other payments of the program wait.
 */
export async function consignmentYearStates(
  em: EntityManager,
  keys: { consignmentId: number; fiscalYear: number }[],
): Promise<ConsignmentYearState[]> {
  if (!keys.length) return [];
  const table = keys.map((_, i) => (i ? 'SELECT ?, ?, ?' : 'SELECT ? AS i, ? AS consignment_id, ? AS fiscal_year')).join(' UNION ALL ');
  const rows = (await em.query(
    `SELECT k.i AS state_key, t.paid AS state_paid, s.id AS state_settlement_id, s.confirmed_on AS state_confirmed_on, ${selectColumns(em, GrantPlan, 'p', 'plan_')}
     FROM (${table}) k
     LEFT JOIN consignment_grant_totals t ON t.consignment_id = k.consignment_id AND t.fiscal_year = k.fiscal_year
     LEFT JOIN consignment_settlements s ON s.consignment_id = k.consignment_id AND s.fiscal_year = k.fiscal_year AND s.status = 'confirmed'
     LEFT JOIN grant_plans p ON p.consignment_id = k.consignment_id AND p.fiscal_year = k.fiscal_year AND p.status = 'approved'`,
    keys.flatMap((k, i) => [i, k.consignmentId, k.fiscalYear]),
  )) as Record<string, unknown>[];
  const byKey = new Map(rows.map((row) => [Number(row.state_key), row]));
  return keys.map((_, i) => {
    const row = byKey.get(i)!;
    return {
      plan: row.plan_id === null ? null : hydrate(em, GrantPlan, row, 'plan_'),
      paid: row.state_paid === null ? 0 : Number(row.state_paid),
      settlement:
        row.state_settlement_id === null
          ? null
          : { id: Number(row.state_settlement_id), confirmedOn: (row.state_confirmed_on as string | null) ?? null },
    };
  });
}

/** A confirmed settlement locks its consignment-year: every later write is refused. */
export function assertNotSettled(state: ConsignmentYearState, year: number): void {
  const confirmed = state.settlement;
  if (confirmed) {
    throw conflict(
      'consignment_year_settled',
      `The ${year} settlement of this consignment was confirmed on ${confirmed.confirmedOn}; the year is locked`,
      `${year}년 정산이 ${confirmed.confirmedOn}에 확정되어 더 이상 수정할 수 없습니다`,
      'fiscalYear',
      { fiscalYear: year, settlementId: confirmed.id },
    );
  }
}

export interface LockedConsignmentYear {
  consignment: Consignment;
  programYear: ProgramYear;
  /** plan, paid total and settlement, read under the lock */
  state: ConsignmentYearState;
  /** figures of the funding line (program-year × 편성목): 예산현액, 집행액, … (read under the lock) */
  line(): Promise<LineFigures>;
  /** the same figures read with the checks, when asked for (`readLine`) */
  lineAtLock: LineFigures | null;
}

/** What a consignment-year's lock brings with it, before any check is made of it. */
export interface ConsignmentYearReads {
  programYear: ProgramYear;
  /** the funding program-year's whole-program moves (who owns it now) */
  moves: BudgetTransfer[];
  state: ConsignmentYearState;
  lineAtLock: LineFigures | null;
}

/**
 * The funding program-years' locks (SELECT … FOR UPDATE on MariaDB; SQLite transactions are
 * serialised) and every read the checks of a write need, issued together: one round trip on
 * MariaDB, keyed by program and year rather than the program-year's id, which is not known yet.
 * The statements run in the order issued, so the reads see the data as it stands under the locks;
 * this is why the locks, all in one statement, come first. Then each kind of read for all of them
 * in one statement (the fiscal year once). `readLine` also reads the funding line's figures, for a
 * caller about to post to the line. Each consignment-year is answered with its reads or its own
 * refusal (no funding program, no program-year that year, a closed year).
 */
export async function readConsignmentYearsLocked(
  em: EntityManager,
  years: { consignment: Consignment; year: number; readLine: boolean }[],
): Promise<Outcome<ConsignmentYearReads>[]> {
  const keyOf = ({ consignment, year }: { consignment: Consignment; year: number }) =>
    consignment.programId === null ? null : { programId: consignment.programId, fiscalYear: year };
  const locks = fundingProgramYears(em, years, 'fiscalYear', true);
  // without a funding program fundingProgramYears refuses the write, so there is nothing to read
  const keyed = years.filter((y) => keyOf(y));
  const writable = writableReadsOf(
    em,
    keyed.map((y) => ({ key: keyOf(y)!, fiscalYear: y.year })),
  );
  const states = consignmentYearStates(
    em,
    years.map((y) => ({ consignmentId: y.consignment.id, fiscalYear: y.year })),
  );
  const lined = years.filter((y) => y.readLine && keyOf(y));
  const lines = expenseLinesFigures(
    em,
    lined.map((y) => ({ programYear: keyOf(y)!, expenseItem: y.consignment.expenseItem })),
  );
  const [lockOutcome, writableOutcome, stateOutcome, lineOutcome] = await Promise.all([
    outcomeOf(locks),
    outcomeOf(writable),
    outcomeOf(states),
    outcomeOf(lines),
  ]);
  return years.map((y, i) => {
    try {
      const programYear = valueOf(valueOf(lockOutcome)[i]);
      const moves = valueOf(valueOf(writableOutcome)[keyed.indexOf(y)]);
      const state = valueOf(stateOutcome)[i];
      const at = lined.indexOf(y);
      return { value: { programYear, moves, state, lineAtLock: at < 0 ? null : valueOf(lineOutcome)[at] } };
    } catch (error) {
      return { error };
    }
  });
}

/** The checks of every write to a consignment-year, once its lock is held: the year is open, the actor owns it, it is not settled. */
export async function assertConsignmentYearWritable(
  em: EntityManager,
  ctx: RequestContext,
  reads: ConsignmentYearReads,
  year: number,
): Promise<void> {
  await assertWritable(em, ctx, reads.programYear, Promise.resolve(reads.moves));
  assertNotSettled(reads.state, year);
}

/**
 * Every write to a consignment-year starts here: the funding program-year is locked, the fiscal
 * year must be open, the actor must own the consignment, and no confirmed settlement may exist.
 * Payments, plans and settlements of one consignment-year are thereby serialised.
 */
export async function lockConsignmentYear(
  em: EntityManager,
  ctx: RequestContext,
  ref: string | number,
  year: number,
  field = 'consignment',
  readLine = false,
): Promise<LockedConsignmentYear> {
  const consignment = await resolveConsignment(em, ref, field);
  await assertOrgAccess(em, ctx, consignment.orgUnitId);
  const reads = valueOf((await readConsignmentYearsLocked(em, [{ consignment, year, readLine }]))[0]);
  await assertConsignmentYearWritable(em, ctx, reads, year);
  const { programYear, state, lineAtLock } = reads;
  return { consignment, programYear, state, line: () => expenseLineFigures(em, programYear.id, consignment.expenseItem), lineAtLock };
}

// ---------------------------------------------------------------------------------------------
// Operators

export interface OperatorInput {
  name: string;
  registrationNumber?: string | null;
  representative?: string | null;
  note?: string | null;
}

export async function createOperator(ds: DataSource, ctx: RequestContext, input: OperatorInput, em?: EntityManager): Promise<Operator> {
  return within(ds, em, async (tx) => {
    if (await tx.getRepository(Operator).findOneBy({ name: input.name })) {
      throw conflict('duplicate_operator', `Operator ${input.name} exists`, `수탁기관 ${input.name}이(가) 이미 있습니다`, 'name');
    }
    const op = tx.getRepository(Operator).create({
      name: input.name,
      registrationNumber: input.registrationNumber ?? null,
      representative: input.representative ?? null,
      note: input.note ?? null,
    });
    await tx.save(op);
    await audit(tx, ctx, { action: 'operator.create', entity: 'operator', entityId: op.id, after: op });
    return op;
  });
}

export async function operatorByRef(em: EntityManager, ref: string | number, field = 'operator'): Promise<Operator> {
  const text = String(ref).trim();
  const repo = em.getRepository(Operator);
  let op: Operator | null = null;
  if (/^\d{1,10}$/.test(text)) op = await repo.findOneBy({ id: Number(text) });
  op ??= await repo.findOneBy({ name: text });
  if (!op) throw notFound(`Operator ${text}`, `수탁기관 ${text}`, field);
  return op;
}

// ---------------------------------------------------------------------------------------------
// Consignments, contract terms, consents, staff

export interface ConsignmentInput {
  code: string;
  name: string;
  consignmentType: ConsignmentType;
  fundingType: FundingType;
  legalBasis?: string | null;
  orgCode: string;
  programCode?: string | null;
  expenseItem?: string;
  location?: string | null;
  startedOn?: string | null;
  note?: string | null;
}

export async function createConsignment(
  ds: DataSource,
  ctx: RequestContext,
  input: ConsignmentInput,
  em?: EntityManager,
): Promise<Consignment> {
  return within(ds, em, async (tx) => {
    const org = await orgUnitByCode(tx, input.orgCode, 'orgCode');
    await assertOrgAccess(tx, ctx, org.id);
    if (await tx.getRepository(Consignment).findOneBy({ code: input.code })) {
      throw conflict('duplicate_code', `Consignment code ${input.code} exists`, `위탁사무 코드 ${input.code}가 이미 있습니다`, 'code');
    }
    if (input.fundingType === 'budget' && !input.programCode) {
      throw invalid(
        'programCode',
        'required',
        'A budget-funded consignment names the program that funds it',
        '예산지원형 위탁사무는 재원 사업을 지정해야 합니다',
      );
    }
    const program: Program | null = input.programCode ? await programByCode(tx, input.programCode, 'programCode') : null;
    const c = tx.getRepository(Consignment).create({
      code: input.code,
      name: input.name,
      consignmentType: input.consignmentType,
      fundingType: input.fundingType,
      legalBasis: input.legalBasis ?? null,
      orgUnitId: org.id,
      programId: program?.id ?? null,
      expenseItem: input.expenseItem ?? '민간위탁금',
      location: input.location ?? null,
      startedOn: input.startedOn ?? null,
      note: input.note ?? null,
      createdAt: new Date(),
    });
    await tx.save(c);
    await audit(tx, ctx, { action: 'consignment.create', entity: 'consignment', entityId: c.id, after: c });
    return c;
  });
}

export interface ContractTermInput {
  operator: string | number;
  startDate: string;
  endDate: string;
  selectionMethod: SelectionMethod;
  renewalCount?: number;
  recordedScore?: string | null;
  evaluatedBy?: string | null;
  periodLabel?: string | null;
  note?: string | null;
}

export async function addContractTerm(
  ds: DataSource,
  ctx: RequestContext,
  consignmentRef: string | number,
  input: ContractTermInput,
  em?: EntityManager,
): Promise<ContractTerm> {
  return within(ds, em, async (tx) => {
    const c = await resolveConsignment(tx, consignmentRef);
    await assertOrgAccess(tx, ctx, c.orgUnitId);
    const op = await operatorByRef(tx, input.operator);
    if (input.endDate < input.startDate)
      throw invalid('endDate', 'afterStartDate', 'endDate is before startDate', '계약 종료일이 시작일보다 앞섭니다');
    if (input.selectionMethod !== 'renewal' && (input.renewalCount ?? 0) !== 0) {
      throw invalid('renewalCount', 'renewalOnly', 'Only a renewal (재계약) carries a renewal count', '재계약만 재계약 횟수를 가집니다');
    }
    if (await tx.getRepository(ContractTerm).findOneBy({ consignmentId: c.id, startDate: input.startDate })) {
      throw conflict(
        'duplicate_term',
        `A term starting ${input.startDate} exists`,
        `${input.startDate}에 시작하는 계약기간이 이미 있습니다`,
        'startDate',
      );
    }
    const term = tx.getRepository(ContractTerm).create({
      consignmentId: c.id,
      operatorId: op.id,
      startDate: input.startDate,
      endDate: input.endDate,
      selectionMethod: input.selectionMethod,
      renewalCount: input.renewalCount ?? 0,
      recordedScore: input.recordedScore ?? null,
      evaluatedBy: input.evaluatedBy ?? null,
      periodLabel: input.periodLabel ?? null,
      note: input.note ?? null,
    });
    await tx.save(term);
    await audit(tx, ctx, { action: 'consignment.term', entity: 'contract_term', entityId: term.id, after: term });
    return term;
  });
}

export interface ConsentInput {
  kind: ConsentKind;
  billNumber: string;
  contractTermStart?: string | null;
  submittedOn?: string | null;
  referredOn?: string | null;
  decidedOn?: string | null;
  result?: ConsentResult;
  note?: string | null;
}

export async function recordConsent(
  ds: DataSource,
  ctx: RequestContext,
  consignmentRef: string | number,
  input: ConsentInput,
  em?: EntityManager,
): Promise<ConsignmentConsent> {
  return within(ds, em, async (tx) => {
    const c = await resolveConsignment(tx, consignmentRef);
    await assertOrgAccess(tx, ctx, c.orgUnitId);
    const dates = [input.submittedOn, input.referredOn, input.decidedOn].filter((d): d is string => !!d);
    if (dates.some((d, i) => i > 0 && d < dates[i - 1])) {
      throw invalid('decidedOn', 'dateOrder', 'submitted ≤ referred ≤ decided', '제출일 ≤ 회부일 ≤ 의결일 순서여야 합니다');
    }
    const result = input.result ?? 'pending';
    if (result !== 'pending' && !input.decidedOn)
      throw invalid('decidedOn', 'required', 'A decided bill needs its decision date', '의결 결과에는 의결일이 필요합니다');
    let termId: number | null = null;
    if (input.contractTermStart) {
      const term = await tx.getRepository(ContractTerm).findOneBy({ consignmentId: c.id, startDate: input.contractTermStart });
      if (!term)
        throw notFound(
          `Contract term starting ${input.contractTermStart}`,
          `${input.contractTermStart} 시작 계약기간`,
          'contractTermStart',
        );
      termId = term.id;
    }
    if (await tx.getRepository(ConsignmentConsent).findOneBy({ consignmentId: c.id, billNumber: input.billNumber })) {
      throw conflict(
        'duplicate_bill',
        `Bill ${input.billNumber} is recorded`,
        `의안 ${input.billNumber}이(가) 이미 있습니다`,
        'billNumber',
      );
    }
    const consent = tx.getRepository(ConsignmentConsent).create({
      consignmentId: c.id,
      contractTermId: termId,
      kind: input.kind,
      billNumber: input.billNumber,
      submittedOn: input.submittedOn ?? null,
      referredOn: input.referredOn ?? null,
      decidedOn: input.decidedOn ?? null,
      result,
      note: input.note ?? null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await tx.save(consent);
    await audit(tx, ctx, { action: 'consignment.consent', entity: 'consignment_consent', entityId: consent.id, after: consent });
    return consent;
  });
}

export async function recordStaff(
  ds: DataSource,
  ctx: RequestContext,
  consignmentRef: string | number,
  input: { year: number; headcount: number; note?: string | null },
  em?: EntityManager,
): Promise<ConsignmentStaff> {
  return within(ds, em, async (tx) => {
    const c = await resolveConsignment(tx, consignmentRef);
    await assertOrgAccess(tx, ctx, c.orgUnitId);
    if (!Number.isInteger(input.headcount) || input.headcount < 0)
      throw invalid('headcount', 'nonNegative', 'headcount must be ≥ 0', '인원은 0 이상이어야 합니다');
    if (await tx.getRepository(ConsignmentStaff).findOneBy({ consignmentId: c.id, year: input.year })) {
      throw conflict('duplicate_staff_year', `Headcount for ${input.year} is recorded`, `${input.year}년 인원이 이미 있습니다`, 'year');
    }
    const row = tx
      .getRepository(ConsignmentStaff)
      .create({ consignmentId: c.id, year: input.year, headcount: input.headcount, note: input.note ?? null });
    await tx.save(row);
    await audit(tx, ctx, { action: 'consignment.staff', entity: 'consignment_staff', entityId: row.id, after: row });
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export const SELECTION_METHOD_KO: Record<SelectionMethod, string> = { open: '공개모집', renewal: '재계약', retender: '재위탁(공모)' };
export const CONSIGNMENT_TYPE_KO: Record<ConsignmentType, string> = { office: '사무형', facility: '시설형' };
export const FUNDING_TYPE_KO: Record<FundingType, string> = { budget: '예산지원형', self: '자립형' };

export interface ConsignmentSummary {
  id: number;
  code: string;
  name: string;
  consignmentType: ConsignmentType;
  fundingType: FundingType;
  department: { code: string; name: string } | null;
  program: { code: string; name: string } | null;
  expenseItem: string;
}

async function summary(em: EntityManager, c: Consignment): Promise<ConsignmentSummary> {
  const org = await em.getRepository(OrgUnit).findOneBy({ id: c.orgUnitId });
  const program = c.programId ? await em.getRepository(Program).findOneBy({ id: c.programId }) : null;
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    consignmentType: c.consignmentType,
    fundingType: c.fundingType,
    department: org ? { code: org.code, name: org.name } : null,
    program: program ? { code: program.code, name: program.name } : null,
    expenseItem: c.expenseItem,
  };
}

/** Consignments the actor may read (department-scoped roles see their own department's). */
export async function listConsignments(em: EntityManager, ctx: RequestContext): Promise<ConsignmentSummary[]> {
  const all = await em.getRepository(Consignment).find({ order: { code: 'ASC' } });
  const out: ConsignmentSummary[] = [];
  for (const c of all) {
    try {
      await assertConsignmentRead(em, ctx, c);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'forbidden') continue;
      throw err;
    }
    out.push(await summary(em, c));
  }
  return out;
}

/** A consignment with its whole history: terms, operators, consents, staff and budget by year. */
export async function consignmentDetail(em: EntityManager, ctx: RequestContext, ref: string | number) {
  const c = await resolveConsignment(em, ref, 'ref');
  await assertConsignmentRead(em, ctx, c);
  const terms = await em.getRepository(ContractTerm).find({ where: { consignmentId: c.id }, order: { startDate: 'ASC' } });
  const operators = new Map<number, Operator>();
  for (const t of terms)
    if (!operators.has(t.operatorId)) operators.set(t.operatorId, await em.getRepository(Operator).findOneByOrFail({ id: t.operatorId }));
  const consents = await em
    .getRepository(ConsignmentConsent)
    .find({ where: { consignmentId: c.id }, order: { submittedOn: 'ASC', id: 'ASC' } });
  const staff = await em.getRepository(ConsignmentStaff).find({ where: { consignmentId: c.id }, order: { year: 'ASC' } });
  const budgetByYear: { fiscalYear: number; appropriation: number; currentBudget: number; executed: number }[] = [];
  if (c.programId !== null) {
    const pys = await em.getRepository(ProgramYear).find({ where: { programId: c.programId }, order: { fiscalYear: 'ASC' } });
    for (const py of pys) {
      const app = await em.getRepository(Appropriation).findOneBy({ programYearId: py.id, expenseItem: c.expenseItem });
      const f = await expenseLineFigures(em, py.id, c.expenseItem);
      budgetByYear.push({ fiscalYear: py.fiscalYear, appropriation: app?.amount ?? 0, currentBudget: f.current, executed: f.executed });
    }
  }
  return {
    ...(await summary(em, c)),
    legalBasis: c.legalBasis,
    location: c.location,
    startedOn: c.startedOn,
    note: c.note,
    contractTerms: terms.map((t) => ({
      id: t.id,
      startDate: t.startDate,
      endDate: t.endDate,
      periodLabel: t.periodLabel,
      operator: { id: t.operatorId, name: operators.get(t.operatorId)!.name, representative: operators.get(t.operatorId)!.representative },
      selectionMethod: t.selectionMethod,
      selectionMethodKo: SELECTION_METHOD_KO[t.selectionMethod],
      renewalCount: t.renewalCount,
      recordedScore: t.recordedScore,
      evaluatedBy: t.evaluatedBy,
      note: t.note,
    })),
    consents,
    staff,
    budgetByYear,
  };
}

/** The contract term in force on a date, with its operator. */
export async function termOn(
  em: EntityManager,
  consignmentId: number,
  date: string,
): Promise<{ term: ContractTerm; operator: Operator } | null> {
  const term = await em
    .getRepository(ContractTerm)
    .createQueryBuilder('t')
    .where('t.consignmentId = :id AND t.startDate <= :d AND t.endDate >= :d', { id: consignmentId, d: date })
    .orderBy('t.startDate', 'DESC')
    .getOne();
  if (!term) return null;
  return { term, operator: await em.getRepository(Operator).findOneByOrFail({ id: term.operatorId }) };
}
