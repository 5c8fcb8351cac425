import type { EntityManager } from 'typeorm';
import type { FieldProblem } from '../../../domain/errors';
import { existsInYear } from '../../../domain/reference';
import { PROGRAM_PARENT } from '../../../domain/import-cells';
import type { ExistingState } from '../../store/imports/onboarding';
import type { Collector, CollectedSheet, ParsedRow } from './collect';
import { SHEETS, SheetKey } from './sheets';

/**
 * What an import would do, decided before anything is written: per sheet, each reference row is an
 * add, a change (before → after) or unchanged; each fact row is new or already imported. The dry run
 * shows it; the import applies it (apply.ts). Every refusal names its sheet!cell.
 */
export type Change = Record<string, { before: unknown; after: unknown }>;
export type Values = ParsedRow['v'];

export interface RefOp {
  line: number;
  key: string;
  /** the existing row's id (a change or unchanged), null for an add */
  id: number | null;
  /** null for an add; {} when unchanged */
  changes: Change | null;
  v: Values;
  /** for 사업: the existing program's id (the program exists, its year is new) */
  programId?: number | null;
  programChanges?: Change;
}

export interface FactOp {
  line: number;
  key: string;
  v: Values;
}

export interface PreviewRow {
  line: number;
  key: string;
  action: 'add' | 'change' | 'unchanged';
  changes?: Change;
}

export interface SheetReport {
  sheet: string;
  added: number;
  changed: number;
  unchanged: number;
  /** the first rows (and every change up to a bound), for the preview */
  rows: PreviewRow[];
}

export const PREVIEW_ROWS = 20;
const PREVIEW_CHANGES = 100;

export class PlanContext {
  readonly refs = new Map<SheetKey, RefOp[]>();
  readonly facts = new Map<SheetKey, FactOp[]>();
  readonly reports: SheetReport[] = [];
  /** forbidden rows (another department's, or an administrator's sheet) */
  readonly denied: FieldProblem[] = [];
  readonly sheets = new Map<SheetKey, CollectedSheet>();

  constructor(
    readonly em: EntityManager,
    readonly collector: Collector,
    readonly db: ExistingState,
    /** the units a department-scoped actor may write (null: not scoped) */
    readonly allowedUnits: Set<number> | null,
    readonly adminSheetsAllowed: boolean,
  ) {
    for (const s of collector.sheets.values()) this.sheets.set(s.spec.key, s);
  }

  rows(key: SheetKey): ParsedRow[] {
    return this.sheets.get(key)?.rows ?? [];
  }

  fail(sheet: SheetKey, line: number, column: string, rule: string, message: string, messageKo: string): void {
    const where = this.collector.cellOf(this.sheets.get(sheet)!, line, column);
    this.collector.problem({ ...where, rule, message, message_ko: `${where.field}: ${messageKo}` });
  }

  deny(sheet: SheetKey, line: number, column: string, messageKo: string): void {
    const where = this.collector.cellOf(this.sheets.get(sheet)!, line, column);
    this.denied.push({
      ...where,
      rule: 'ownDepartment',
      message: 'belongs to another department, or needs an administrator',
      message_ko: `${where.field}: ${messageKo}`,
    });
  }

  report(sheet: SheetKey, ops: { line: number; key: string; changes: Change | null }[], unchangedFacts = 0): void {
    const spec = SHEETS.find((s) => s.key === sheet)!;
    const r: SheetReport = { sheet: spec.sheet, added: 0, changed: 0, unchanged: unchangedFacts, rows: [] };
    for (const op of ops) {
      const action = op.changes === null ? 'add' : Object.keys(op.changes).length ? 'change' : 'unchanged';
      if (action === 'add') r.added++;
      else if (action === 'change') r.changed++;
      else r.unchanged++;
      if (r.rows.length < PREVIEW_ROWS || (action === 'change' && r.rows.length < PREVIEW_CHANGES))
        r.rows.push({ line: op.line, key: op.key, action, ...(action === 'change' ? { changes: op.changes! } : {}) });
    }
    this.reports.push(r);
  }
}

/** The fields that differ, before → after (null and undefined alike). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Change {
  const out: Change = {};
  for (const k of Object.keys(after)) {
    const b = before[k] ?? null;
    const a = after[k] ?? null;
    if (b !== a) out[k] = { before: b, after: a };
  }
  return out;
}

const s = (v: Values, k: string) => (v[k] === null || v[k] === undefined ? null : String(v[k]));
const n = (v: Values, k: string) => Number(v[k]);

/** Rows whose key appears twice in one sheet are refused (the second names its cell). */
function unique(ctx: PlanContext, sheet: SheetKey, keyOf: (v: Values) => string, column: string): ParsedRow[] {
  const seen = new Set<string>();
  const out: ParsedRow[] = [];
  for (const row of ctx.rows(sheet)) {
    const key = keyOf(row.v);
    if (seen.has(key)) {
      ctx.fail(sheet, row.line, column, 'uniqueCode', `${key} appears twice in this sheet`, `${key}이(가) 이 시트에 두 번 있습니다`);
      continue;
    }
    seen.add(key);
    out.push(row);
  }
  return out;
}

export function planOrgs(ctx: PlanContext): void {
  const rows = unique(ctx, 'orgs', (v) => s(v, 'code')!, 'code');
  const byCode = new Map(ctx.db.orgs.map((o) => [o.code, o]));
  const byId = new Map(ctx.db.orgs.map((o) => [o.id, o]));
  const fileCodes = new Set(rows.map((r) => s(r.v, 'code')));
  const ops: RefOp[] = [];
  if (rows.length && !ctx.adminSheetsAllowed) ctx.deny('orgs', rows[0].line, 'code', '조직은 관리자만 가져올 수 있습니다');
  for (const row of rows) {
    const { v } = row;
    const code = s(v, 'code')!;
    const parentCode = s(v, 'parentCode');
    if (parentCode && (parentCode === code || (!fileCodes.has(parentCode) && !byCode.has(parentCode))))
      ctx.fail(
        'orgs',
        row.line,
        'parentCode',
        'parentExists',
        `no organisation unit ${parentCode}`,
        `상위 조직 ${parentCode}이(가) 없습니다`,
      );
    if (v.validTo && v.validFrom && String(v.validTo) < String(v.validFrom))
      ctx.fail('orgs', row.line, 'validTo', 'afterValidFrom', 'ends before it begins', '종료일이 시작일보다 앞섭니다');
    const existing = byCode.get(code);
    const after = { name: s(v, 'name'), level: s(v, 'level'), parentCode, validFrom: s(v, 'validFrom'), validTo: s(v, 'validTo') };
    const before = existing && {
      name: existing.name,
      level: existing.level,
      parentCode: existing.parentId ? (byId.get(existing.parentId)?.code ?? null) : null,
      validFrom: existing.validFrom,
      validTo: existing.validTo,
    };
    ops.push({ line: row.line, key: code, id: existing?.id ?? null, changes: before ? diff(before, after) : null, v });
  }
  ctx.refs.set('orgs', ops);
  ctx.report('orgs', ops);
}

export function planAccounts(ctx: PlanContext): void {
  const rows = unique(ctx, 'accounts', (v) => s(v, 'code')!, 'code');
  const byCode = new Map(ctx.db.accounts.map((a) => [a.code, a]));
  if (rows.length && !ctx.adminSheetsAllowed) ctx.deny('accounts', rows[0].line, 'code', '회계는 관리자만 가져올 수 있습니다');
  const ops: RefOp[] = rows.map((row) => {
    const { v } = row;
    const existing = byCode.get(s(v, 'code')!);
    const after = {
      name: s(v, 'name'),
      kind: s(v, 'kind'),
      sortOrder: v.sortOrder === null ? 0 : n(v, 'sortOrder'),
      validFrom: s(v, 'validFrom'),
      validTo: s(v, 'validTo'),
    };
    const before = existing && {
      name: existing.name,
      kind: existing.kind,
      sortOrder: existing.sortOrder,
      validFrom: existing.validFrom,
      validTo: existing.validTo,
    };
    return { line: row.line, key: s(v, 'code')!, id: existing?.id ?? null, changes: before ? diff(before, after) : null, v };
  });
  ctx.refs.set('accounts', ops);
  ctx.report('accounts', ops);
}

/** Codes the file or the database knows, for the checks of the later sheets. */
export class Known {
  readonly orgs = new Map<string, { id: number | null; validFrom: string; validTo: string | null }>();
  readonly accounts = new Set<string>();
  /** `${year}|${programCode}` → kind and owning unit code */
  readonly programYears = new Map<string, { kind: string; orgCode: string; id: number | null }>();
  /** `${year}|${programCode}|${item}` → appropriated */
  readonly lines = new Set<string>();
  /** `${year}|${code}` → org code, id */
  readonly revenueLines = new Map<string, { orgCode: string; id: number | null }>();
  readonly revenueParents = new Set<string>();

  constructor(ctx: PlanContext) {
    for (const o of ctx.db.orgs) this.orgs.set(o.code, { id: o.id, validFrom: o.validFrom, validTo: o.validTo });
    for (const op of ctx.refs.get('orgs') ?? [])
      this.orgs.set(op.key, { id: op.id, validFrom: s(op.v, 'validFrom')!, validTo: s(op.v, 'validTo') });
    for (const a of ctx.db.accounts) this.accounts.add(a.code);
    for (const op of ctx.refs.get('accounts') ?? []) this.accounts.add(op.key);
  }

  orgInYear(code: string, year: number): boolean {
    const o = this.orgs.get(code);
    return !!o && existsInYear(o, year);
  }
}

export function planPrograms(ctx: PlanContext, known: Known): void {
  const rows = unique(ctx, 'programs', (v) => `${n(v, 'fiscalYear')}|${s(v, 'code')}`, 'code');
  const programsByCode = new Map(ctx.db.programs.map((p) => [p.code, p]));
  const accountCodeById = new Map(ctx.db.accounts.map((a) => [a.id, a.code]));
  const orgCodeById = new Map(ctx.db.orgs.map((o) => [o.id, o.code]));
  const pyByKey = new Map(ctx.db.programYears.map((py) => [`${py.fiscalYear}|${py.programId}`, py]));
  const pyById = new Map(ctx.db.programYears.map((py) => [py.id, py]));
  const programById = new Map(ctx.db.programs.map((p) => [p.id, p]));
  for (const py of ctx.db.programYears) {
    const p = programById.get(py.programId);
    if (p) known.programYears.set(`${py.fiscalYear}|${p.code}`, { kind: p.kind, orgCode: orgCodeById.get(py.orgUnitId) ?? '', id: py.id });
  }
  const programLevel = new Map<string, { kind: string; accountCode: string; line: number }>();
  for (const row of rows) {
    const year = n(row.v, 'fiscalYear');
    known.programYears.set(`${year}|${s(row.v, 'code')}`, {
      kind: s(row.v, 'kind')!,
      orgCode: s(row.v, 'orgCode')!,
      id: known.programYears.get(`${year}|${s(row.v, 'code')}`)?.id ?? null,
    });
  }
  const ops: RefOp[] = [];
  for (const row of rows) {
    const { v, line } = row;
    const year = n(v, 'fiscalYear');
    const code = s(v, 'code')!;
    const kind = s(v, 'kind') as keyof typeof PROGRAM_PARENT;
    const orgCode = s(v, 'orgCode')!;
    const accountCode = s(v, 'accountCode')!;
    const parentCode = s(v, 'parentCode');
    if (!known.orgs.has(orgCode))
      ctx.fail('programs', line, 'orgCode', 'orgExists', `no organisation unit ${orgCode}`, `부서 ${orgCode}이(가) 없습니다`);
    else if (!known.orgInYear(orgCode, year))
      ctx.fail(
        'programs',
        line,
        'orgCode',
        'orgValidInYear',
        `${orgCode} does not exist in ${year}`,
        `${orgCode}은(는) ${year}년에 존재하지 않는 조직입니다`,
      );
    else if (ctx.allowedUnits && !ctx.allowedUnits.has(known.orgs.get(orgCode)!.id ?? -1))
      ctx.deny('programs', line, 'orgCode', '다른 부서의 사업입니다');
    if (!known.accounts.has(accountCode))
      ctx.fail('programs', line, 'accountCode', 'accountExists', `no account ${accountCode}`, `회계 ${accountCode}이(가) 없습니다`);
    const rule = PROGRAM_PARENT[kind];
    if (parentCode) {
      const parent = known.programYears.get(`${year}|${parentCode}`);
      if (!parent)
        ctx.fail(
          'programs',
          line,
          'parentCode',
          'parentExists',
          `no program ${parentCode} in ${year}`,
          `${year}년 상위사업 ${parentCode}이(가) 없습니다`,
        );
      else if (parent.kind !== rule.kind)
        ctx.fail(
          'programs',
          line,
          'parentCode',
          'parentKind',
          `the parent of this program must be a ${rule.kind ?? 'none'} program`,
          rule.kind === null
            ? '정책사업에는 상위사업이 없습니다'
            : `상위사업은 ${rule.kind === 'policy' ? '정책사업' : '단위사업'}이어야 합니다`,
        );
    } else if (rule.required)
      ctx.fail(
        'programs',
        line,
        'parentCode',
        'parentRequired',
        'a 세부사업 names its 단위사업',
        '세부사업은 상위 단위사업을 적어야 합니다',
      );
    const level = programLevel.get(code);
    if (level && (level.kind !== kind || level.accountCode !== accountCode))
      ctx.fail(
        'programs',
        line,
        'kind',
        'consistentProgram',
        `program ${code} has another kind or account in row ${level.line}`,
        `사업 ${code}의 구분이나 회계가 ${level.line}행과 다릅니다`,
      );
    else programLevel.set(code, { kind, accountCode, line });

    const program = programsByCode.get(code);
    const py = program ? pyByKey.get(`${year}|${program.id}`) : undefined;
    const programChanges = program
      ? diff(
          { kind: program.kind, accountCode: program.accountId ? (accountCodeById.get(program.accountId) ?? null) : null },
          { kind, accountCode },
        )
      : undefined;
    const after = { name: s(v, 'name'), orgCode, parentCode };
    const before = py && {
      name: py.name,
      orgCode: orgCodeById.get(py.orgUnitId) ?? null,
      parentCode: py.parentId ? (programById.get(pyById.get(py.parentId)?.programId ?? -1)?.code ?? null) : null,
    };
    const changes = before ? { ...diff(before, after), ...programChanges } : null;
    if (changes?.orgCode)
      ctx.fail(
        'programs',
        line,
        'orgCode',
        'orgChangeIsTransfer',
        "a program-year's department changes by a transfer (이체), not by import",
        '사업의 부서는 가져오기로 바꿀 수 없습니다. 이체로 옮기십시오',
      );
    ops.push({ line, key: `${year} ${code}`, id: py?.id ?? null, changes, v, programId: program?.id ?? null, programChanges });
  }
  ctx.refs.set('programs', ops);
  ctx.report('programs', ops);
}
