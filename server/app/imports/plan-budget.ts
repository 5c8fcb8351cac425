import { diff, Known, PlanContext, RefOp, Values } from './plan';

/**
 * The budget sheets' plan: 세출예산 lines (appropriations), 세입예산 lines (revenue lines, 관·항·목 by
 * parent code) and 결산 (an account's settlement figures of a year).
 *
 * An appropriation is the budget as passed, appropriated once (domain/reference.ts): a changed 예산액 of
 * an existing line is refused naming its cell — a later change is a 추경 entry in the ledger, never an
 * edit of the line under its posted entries. Its 산출근거 text may change (audited before → after).
 * A revenue line's 예산액 and 예산현액 are figures of the line itself (no entries move them), so a
 * change is an update, audited before → after, in an open year.
 */

const s = (v: Values, k: string) => (v[k] === null || v[k] === undefined ? null : String(v[k]));
const n = (v: Values, k: string) => Number(v[k]);

export function planAppropriations(ctx: PlanContext, known: Known): void {
  const programById = new Map(ctx.db.programs.map((p) => [p.id, p]));
  const pyById = new Map(ctx.db.programYears.map((py) => [py.id, py]));
  const existing = new Map<string, (typeof ctx.db.appropriations)[number]>();
  for (const a of ctx.db.appropriations) {
    const py = pyById.get(a.programYearId);
    const p = py && programById.get(py.programId);
    if (py && p) {
      existing.set(`${py.fiscalYear}|${p.code}|${a.expenseItem}`, a);
      known.lines.add(`${py.fiscalYear}|${p.code}|${a.expenseItem}`);
    }
  }
  const seen = new Set<string>();
  const ops: RefOp[] = [];
  for (const { v, line } of ctx.rows('appropriations')) {
    const year = n(v, 'fiscalYear');
    const code = s(v, 'programCode')!;
    const key = `${year}|${code}|${s(v, 'expenseItem')}`;
    if (seen.has(key)) {
      ctx.fail('appropriations', line, 'expenseItem', 'uniqueLine', 'this line appears twice', '같은 사업·편성목이 두 번 있습니다');
      continue;
    }
    seen.add(key);
    const py = known.programYears.get(`${year}|${code}`);
    if (!py) {
      ctx.fail(
        'appropriations',
        line,
        'programCode',
        'programExists',
        `no program ${code} in ${year}`,
        `${year}년 사업 ${code}이(가) 없습니다`,
      );
      continue;
    }
    if (py.kind === 'policy')
      ctx.fail(
        'appropriations',
        line,
        'programCode',
        'notPolicy',
        'a policy program is a roll-up',
        '정책사업은 합계입니다. 하위 사업에 편성하십시오',
      );
    const org = known.orgs.get(py.orgCode);
    if (ctx.allowedUnits && !ctx.allowedUnits.has(org?.id ?? -1)) ctx.deny('appropriations', line, 'programCode', '다른 부서의 사업입니다');
    known.lines.add(key);
    const a = existing.get(key);
    if (a && a.amount !== n(v, 'amount'))
      ctx.fail(
        'appropriations',
        line,
        'amount',
        'appropriatedOnce',
        `the line is appropriated at ${a.amount} won; a change of the budget is a 추경 entry, not an edit`,
        `이미 ${a.amount.toLocaleString('en-US')}원으로 편성된 예산입니다. 예산액 변경은 추경으로 기록하십시오`,
      );
    const after = { basis: s(v, 'basis') };
    ops.push({
      line,
      key: `${year} ${code} ${s(v, 'expenseItem')}`,
      id: a?.id ?? null,
      changes: a ? diff({ basis: a.note }, after) : null,
      v,
    });
  }
  ctx.refs.set('appropriations', ops);
  ctx.report('appropriations', ops);
}

export function planRevenueLines(ctx: PlanContext, known: Known): void {
  const orgCodeById = new Map(ctx.db.orgs.map((o) => [o.id, o.code]));
  const accountCodeById = new Map(ctx.db.accounts.map((a) => [a.id, a.code]));
  const lineById = new Map(ctx.db.revenueLines.map((l) => [l.id, l]));
  const existing = new Map(ctx.db.revenueLines.map((l) => [`${l.fiscalYear}|${l.code}`, l]));
  for (const l of ctx.db.revenueLines) {
    known.revenueLines.set(`${l.fiscalYear}|${l.code}`, { orgCode: orgCodeById.get(l.orgUnitId) ?? '', id: l.id });
    const parent = l.parentId ? lineById.get(l.parentId) : undefined;
    if (parent) known.revenueParents.add(`${parent.fiscalYear}|${parent.code}`);
  }
  const rows = ctx.rows('revenueLines');
  for (const { v } of rows) {
    known.revenueLines.set(`${n(v, 'fiscalYear')}|${s(v, 'code')}`, {
      orgCode: s(v, 'orgCode')!,
      id: existing.get(`${n(v, 'fiscalYear')}|${s(v, 'code')}`)?.id ?? null,
    });
    if (v.parentCode) known.revenueParents.add(`${n(v, 'fiscalYear')}|${s(v, 'parentCode')}`);
  }
  const seen = new Set<string>();
  const ops: RefOp[] = [];
  for (const { v, line } of rows) {
    const year = n(v, 'fiscalYear');
    const code = s(v, 'code')!;
    if (seen.has(`${year}|${code}`)) {
      ctx.fail(
        'revenueLines',
        line,
        'code',
        'uniqueCode',
        `${code} appears twice in ${year}`,
        `${year}년 과목 ${code}이(가) 두 번 있습니다`,
      );
      continue;
    }
    seen.add(`${year}|${code}`);
    const parentCode = s(v, 'parentCode');
    if (parentCode && (parentCode === code || !known.revenueLines.has(`${year}|${parentCode}`)))
      ctx.fail(
        'revenueLines',
        line,
        'parentCode',
        'parentExists',
        `no revenue line ${parentCode} in ${year}`,
        `${year}년 상위 과목 ${parentCode}이(가) 없습니다`,
      );
    const orgCode = s(v, 'orgCode')!;
    if (!known.orgs.has(orgCode))
      ctx.fail('revenueLines', line, 'orgCode', 'orgExists', `no organisation unit ${orgCode}`, `부서 ${orgCode}이(가) 없습니다`);
    else if (ctx.allowedUnits && !ctx.allowedUnits.has(known.orgs.get(orgCode)!.id ?? -1))
      ctx.deny('revenueLines', line, 'orgCode', '다른 부서의 세입 과목입니다');
    const accountCode = s(v, 'accountCode')!;
    if (!known.accounts.has(accountCode))
      ctx.fail('revenueLines', line, 'accountCode', 'accountExists', `no account ${accountCode}`, `회계 ${accountCode}이(가) 없습니다`);
    const l = existing.get(`${year}|${code}`);
    const after = { name: s(v, 'name'), parentCode, accountCode, orgCode, budget: n(v, 'budget'), currentBudget: n(v, 'currentBudget') };
    const before = l && {
      name: l.name,
      parentCode: l.parentId ? (lineById.get(l.parentId)?.code ?? null) : null,
      accountCode: l.accountId ? (accountCodeById.get(l.accountId) ?? null) : null,
      orgCode: orgCodeById.get(l.orgUnitId) ?? null,
      budget: l.budget,
      currentBudget: l.currentBudget,
    };
    ops.push({ line, key: `${year} ${code}`, id: l?.id ?? null, changes: before ? diff(before, after) : null, v });
  }
  ctx.refs.set('revenueLines', ops);
  ctx.report('revenueLines', ops);
}

export function planSettlements(ctx: PlanContext, known: Known): void {
  const accountCodeById = new Map(ctx.db.accounts.map((a) => [a.id, a.code]));
  const existing = new Map(ctx.db.settlements.map((x) => [`${x.fiscalYear}|${accountCodeById.get(x.accountId)}`, x]));
  const rows = ctx.rows('settlements');
  if (rows.length && !ctx.adminSheetsAllowed) ctx.deny('settlements', rows[0].line, 'accountCode', '결산은 관리자만 가져올 수 있습니다');
  const seen = new Set<string>();
  const ops: RefOp[] = [];
  for (const { v, line } of rows) {
    const key = `${n(v, 'fiscalYear')}|${s(v, 'accountCode')}`;
    if (seen.has(key)) {
      ctx.fail(
        'settlements',
        line,
        'accountCode',
        'uniqueCode',
        'this account appears twice in the year',
        '같은 연도의 회계가 두 번 있습니다',
      );
      continue;
    }
    seen.add(key);
    if (!known.accounts.has(s(v, 'accountCode')!))
      ctx.fail(
        'settlements',
        line,
        'accountCode',
        'accountExists',
        `no account ${s(v, 'accountCode')}`,
        `회계 ${s(v, 'accountCode')}이(가) 없습니다`,
      );
    const x = existing.get(key);
    const after = { subsidyReturned: n(v, 'subsidyReturned'), grantDifference: n(v, 'grantDifference') };
    ops.push({
      line,
      key: key.replace('|', ' '),
      id: x?.id ?? null,
      changes: x ? diff({ subsidyReturned: x.subsidyReturned, grantDifference: x.grantDifference }, after) : null,
      v,
    });
  }
  ctx.refs.set('settlements', ops);
  ctx.report('settlements', ops);
}
