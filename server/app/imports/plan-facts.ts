import { createHash } from 'node:crypto';
import { factKeyText } from '../../../domain/import-cells';
import { figures } from '../../../domain/ledger';
import { presentFactKeys, lineTotalsOfYears, revenueSumsOfYears } from '../../store/imports/onboarding';
import { FactOp, Known, PlanContext, Values } from './plan';
import { SheetKey } from './sheets';

/**
 * The ledger facts' plan (집행, 세입, 이월): each row's idempotency key (a hash of its fields and of how
 * many identical rows came before it in the file), those an earlier import appended left alone, and
 * the rest checked against their line: a date inside the year, an appropriated expense line, a leaf
 * revenue line, and the identities — 집행액 + 차년이월 ≤ 예산현액 on every expense line, 수납액 +
 * 불납결손액 ≤ 징수결정액 on every revenue line — after the new rows, as posting them one by one would.
 */

const s = (v: Values, k: string) => (v[k] === null || v[k] === undefined ? null : String(v[k]));
const n = (v: Values, k: string) => Number(v[k]);

let lastBreath = performance.now();
let calls = 0;
/**
 * Lets the event loop run (other requests, /healthz) when this import has held it for a few
 * milliseconds; cheap enough to call once a row (the clock is read every 64th call).
 */
export function breathe(): Promise<void> | undefined {
  if (++calls % 64 !== 0 || performance.now() - lastBreath < 8) return undefined;
  return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    lastBreath = performance.now();
  });
}

const FIELDS: Record<'executions' | 'revenueEntries' | 'carryOvers', string[]> = {
  executions: ['fiscalYear', 'programCode', 'expenseItem', 'date', 'amount', 'memo'],
  revenueEntries: ['fiscalYear', 'revenueCode', 'kind', 'date', 'amount'],
  carryOvers: ['fiscalYear', 'programCode', 'expenseItem', 'carryType', 'amount'],
};

async function keyed(ctx: PlanContext, sheet: keyof typeof FIELDS): Promise<FactOp[]> {
  const occurrences = new Map<string, number>();
  const ops: FactOp[] = [];
  for (const { v, line } of ctx.rows(sheet)) {
    const text = factKeyText(
      sheet,
      FIELDS[sheet].map((f) => (v[f] === undefined ? null : v[f])),
      0,
    );
    const seen = occurrences.get(text) ?? 0;
    occurrences.set(text, seen + 1);
    const key = createHash('sha1').update(`${text}#${seen}`).digest('hex');
    ops.push({ line, key, v });
    const pause = breathe();
    if (pause) await pause;
  }
  return ops;
}

interface LineState {
  budget: number;
  carryIn: number;
  changes: number;
  executed: number;
  carriedOut: number;
}

/** The expense lines' figures of the file's years: the database's running totals plus the file's new appropriations. */
async function expenseLines(ctx: PlanContext, years: number[]): Promise<Map<string, LineState>> {
  const programById = new Map(ctx.db.programs.map((p) => [p.id, p]));
  const pyById = new Map(ctx.db.programYears.map((py) => [py.id, py]));
  const lines = new Map<string, LineState>();
  const lineOf = (key: string) => {
    let l = lines.get(key);
    if (!l) lines.set(key, (l = { budget: 0, carryIn: 0, changes: 0, executed: 0, carriedOut: 0 }));
    return l;
  };
  const keyOf = (pyId: number, item: string) => {
    const py = pyById.get(pyId);
    const p = py && programById.get(py.programId);
    return py && p ? `${py.fiscalYear}|${p.code}|${item}` : null;
  };
  for (const a of ctx.db.appropriations) {
    const k = keyOf(a.programYearId, a.expenseItem);
    if (k) lineOf(k).budget += a.amount;
  }
  for (const t of await lineTotalsOfYears(ctx.em, years)) {
    const k = keyOf(t.programYearId, t.expenseItem);
    if (!k) continue;
    const l = lineOf(k);
    if (t.kind === 'supplementary') l.budget += t.amount;
    else if (t.kind === 'carry_in') l.carryIn += t.amount;
    else if (t.kind === 'execution') l.executed += t.amount;
    else if (t.kind === 'carry_out') l.carriedOut += t.amount;
    else l.changes += t.amount;
  }
  for (const op of ctx.refs.get('appropriations') ?? [])
    if (op.id === null) lineOf(`${n(op.v, 'fiscalYear')}|${s(op.v, 'programCode')}|${s(op.v, 'expenseItem')}`).budget += n(op.v, 'amount');
  return lines;
}

function checkExpenseRow(ctx: PlanContext, known: Known, sheet: SheetKey, op: FactOp): boolean {
  const { v, line } = op;
  const year = n(v, 'fiscalYear');
  const py = known.programYears.get(`${year}|${s(v, 'programCode')}`);
  if (!py) {
    ctx.fail(
      sheet,
      line,
      'programCode',
      'programExists',
      `no program ${s(v, 'programCode')} in ${year}`,
      `${year}년 사업 ${s(v, 'programCode')}이(가) 없습니다`,
    );
    return false;
  }
  if (ctx.allowedUnits && !ctx.allowedUnits.has(known.orgs.get(py.orgCode)?.id ?? -1))
    ctx.deny(sheet, line, 'programCode', '다른 부서의 사업입니다');
  if (!known.lines.has(`${year}|${s(v, 'programCode')}|${s(v, 'expenseItem')}`)) {
    ctx.fail(
      sheet,
      line,
      'expenseItem',
      'lineExists',
      'no appropriation of this expense item',
      '이 사업에 편성되지 않은 편성목입니다 (세출예산 시트에 먼저 적으십시오)',
    );
    return false;
  }
  if (sheet === 'executions' && !String(v.date).startsWith(`${year}-`))
    ctx.fail(sheet, line, 'date', 'withinFiscalYear', `must be within ${year}`, `${year}-01-01 ~ ${year}-12-31 사이여야 합니다`);
  return true;
}

export async function planFacts(ctx: PlanContext, known: Known, years: number[]): Promise<void> {
  const ops = {
    executions: await keyed(ctx, 'executions'),
    revenueEntries: await keyed(ctx, 'revenueEntries'),
    carryOvers: await keyed(ctx, 'carryOvers'),
  };
  const all = [...ops.executions, ...ops.revenueEntries, ...ops.carryOvers].map((o) => o.key);
  const present = await presentFactKeys(ctx.em, all, () => new Promise((resolve) => setImmediate(resolve)));

  const lines = await expenseLines(ctx, years);
  const firstOver = new Map<string, { sheet: SheetKey; line: number }>();
  for (const sheet of ['executions', 'carryOvers'] as const) {
    const fresh: FactOp[] = [];
    for (const op of ops[sheet]) {
      if (present.has(op.key)) continue;
      fresh.push(op);
      if (!checkExpenseRow(ctx, known, sheet, op)) continue;
      const key = `${n(op.v, 'fiscalYear')}|${s(op.v, 'programCode')}|${s(op.v, 'expenseItem')}`;
      const l = lines.get(key) ?? { budget: 0, carryIn: 0, changes: 0, executed: 0, carriedOut: 0 };
      lines.set(key, l);
      if (sheet === 'executions') l.executed += n(op.v, 'amount');
      else l.carriedOut += n(op.v, 'amount');
      // the ledger's identity (domain/ledger.ts): 집행잔액 = 예산현액 − 집행액 − 차년이월 never below zero
      if (figures(l).balance < 0 && !firstOver.has(key)) firstOver.set(key, { sheet, line: op.line });
      const pause = breathe();
      if (pause) await pause;
    }
    ctx.facts.set(sheet, fresh);
    ctx.report(
      sheet,
      fresh.map((f) => ({ line: f.line, key: f.key.slice(0, 12), changes: null })),
      ops[sheet].length - fresh.length,
    );
  }
  for (const [key, at] of firstOver) {
    const l = lines.get(key)!;
    const { current } = figures(l);
    ctx.fail(
      at.sheet,
      at.line,
      'amount',
      'withinCurrentBudget',
      `executed + carried over (${l.executed + l.carriedOut} won) would exceed the current budget (${current} won) of ${key.replace(/\|/g, ' ')}`,
      `집행액과 차년이월의 합 ${(l.executed + l.carriedOut).toLocaleString('en-US')}원이 예산현액 ${current.toLocaleString('en-US')}원을 넘습니다`,
    );
  }
  await planRevenueFacts(ctx, known, years, ops.revenueEntries, present);
}

async function planRevenueFacts(ctx: PlanContext, known: Known, years: number[], ops: FactOp[], present: Set<string>): Promise<void> {
  const idToKey = new Map(ctx.db.revenueLines.map((l) => [l.id, `${l.fiscalYear}|${l.code}`]));
  const sums = new Map<string, { assessed: number; collected: number; writtenOff: number; last: number | null }>();
  const sumOf = (key: string) => {
    let x = sums.get(key);
    if (!x) sums.set(key, (x = { assessed: 0, collected: 0, writtenOff: 0, last: null }));
    return x;
  };
  for (const r of await revenueSumsOfYears(ctx.em, years)) {
    const key = idToKey.get(r.lineId);
    if (!key) continue;
    if (r.kind === 'assessed') sumOf(key).assessed += r.amount;
    if (r.kind === 'collected') sumOf(key).collected += r.amount;
    if (r.kind === 'written_off') sumOf(key).writtenOff += r.amount;
  }
  const fresh: FactOp[] = [];
  for (const op of ops) {
    if (present.has(op.key)) continue;
    fresh.push(op);
    const { v, line } = op;
    const year = n(v, 'fiscalYear');
    const key = `${year}|${s(v, 'revenueCode')}`;
    const rl = known.revenueLines.get(key);
    if (!rl) {
      ctx.fail(
        'revenueEntries',
        line,
        'revenueCode',
        'revenueLineExists',
        `no revenue line ${s(v, 'revenueCode')} in ${year}`,
        `${year}년 세입 과목 ${s(v, 'revenueCode')}이(가) 없습니다`,
      );
      continue;
    }
    if (known.revenueParents.has(key))
      ctx.fail('revenueEntries', line, 'revenueCode', 'leafOnly', 'post revenue to a leaf line', '세입은 최하위 과목에 기록합니다');
    if (ctx.allowedUnits && !ctx.allowedUnits.has(known.orgs.get(rl.orgCode)?.id ?? -1))
      ctx.deny('revenueEntries', line, 'revenueCode', '다른 부서의 세입 과목입니다');
    if (!String(v.date).startsWith(`${year}-`))
      ctx.fail(
        'revenueEntries',
        line,
        'date',
        'withinFiscalYear',
        `must be within ${year}`,
        `${year}-01-01 ~ ${year}-12-31 사이여야 합니다`,
      );
    const x = sumOf(key);
    const amount = n(v, 'amount');
    if (v.kind === 'assessed') x.assessed += amount;
    else if (v.kind === 'collected' || v.kind === 'written_off') {
      if (v.kind === 'collected') x.collected += amount;
      else x.writtenOff += amount;
      x.last = line;
    }
    const pause = breathe();
    if (pause) await pause;
  }
  for (const [key, x] of sums) {
    if (x.last !== null && x.collected + x.writtenOff > x.assessed)
      ctx.fail(
        'revenueEntries',
        x.last,
        'amount',
        'withinAssessed',
        `수납액 + 불납결손액 (${x.collected + x.writtenOff} won) would exceed 징수결정액 (${x.assessed} won) of ${key.replace('|', ' ')}`,
        `수납액과 불납결손액의 합 ${(x.collected + x.writtenOff).toLocaleString('en-US')}원이 징수결정액 ${x.assessed.toLocaleString('en-US')}원을 넘습니다`,
      );
  }
  ctx.facts.set('revenueEntries', fresh);
  ctx.report(
    'revenueEntries',
    fresh.map((f) => ({ line: f.line, key: f.key.slice(0, 12), changes: null })),
    ops.length - fresh.length,
  );
}
