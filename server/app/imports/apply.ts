import { legacyCategoryOf } from '../../../domain/accounts';
import type { EntityManager } from 'typeorm';
import { Account, AccountYearSettlement } from '../../../entities/account';
import { Appropriation } from '../../../entities/appropriation';
import type { CarryType, LedgerEntry } from '../../../entities/ledger-entry';
import { OrgUnit } from '../../../entities/org-unit';
import { Program } from '../../../entities/program';
import { ProgramYear } from '../../../entities/program-year';
import type { RevenueEntry, RevenueEntryKind } from '../../../entities/revenue';
import { RevenueLine } from '../../../entities/revenue';
import { RequestContext } from '../../context';
import { audit } from '../../store/audit';
import {
  appendLedgerFacts,
  appendRevenueFacts,
  insertFactKeys,
  insertOpenYear,
  insertReference,
  lockProgramYearsByIds,
  updateReference,
} from '../../store/imports/onboarding';
import { breathe } from './plan-facts';
import { Change, PlanContext, RefOp, Values } from './plan';
import { SHEETS, SheetKey } from './sheets';

/**
 * Writes a plan in the caller's transaction: reference rows added (parents before children) or
 * updated (each update audited before → after), then the new facts appended in batches of 500 with
 * their idempotency keys, the event loop let run between batches. Adds and appended facts are
 * audited once per sheet (how many, which codes).
 */

const s = (v: Values, k: string) => (v[k] === null || v[k] === undefined ? null : String(v[k]));
const n = (v: Values, k: string) => Number(v[k]);
const BATCH = 500;

const ENTITY_OF: Record<SheetKey, string> = {
  orgs: 'org_unit',
  accounts: 'account',
  programs: 'program_year',
  appropriations: 'appropriation',
  revenueLines: 'revenue_line',
  settlements: 'account_year_settlement',
  executions: 'ledger_entry',
  revenueEntries: 'revenue_entry',
  carryOvers: 'ledger_entry',
};

/** Orders rows so that each comes after the row its parent code names (when that row is in the file too). */
function parentsFirst(ops: RefOp[], keyOf: (op: RefOp) => string, parentOf: (op: RefOp) => string | null): RefOp[] {
  const byKey = new Map(ops.map((op) => [keyOf(op), op]));
  const done = new Set<string>();
  const out: RefOp[] = [];
  const visit = (op: RefOp, depth: number) => {
    const k = keyOf(op);
    if (done.has(k) || depth > 50) return;
    const parent = parentOf(op);
    const p = parent ? byKey.get(parent) : undefined;
    if (p && p !== op) visit(p, depth + 1);
    done.add(k);
    out.push(op);
  };
  for (const op of ops) visit(op, 0);
  return out;
}

export interface ApplyProgress {
  (done: number, total: number): void;
}

export async function applyPlan(
  em: EntityManager,
  ctx: RequestContext,
  plan: PlanContext,
  newYears: number[],
  progress: ApplyProgress,
): Promise<number> {
  const now = new Date();
  let changes = 0;
  const added = new Map<SheetKey, string[]>();
  const noteAdd = (sheet: SheetKey, key: string) => {
    changes++;
    const list = added.get(sheet) ?? [];
    if (list.length < 1000) list.push(key);
    added.set(sheet, list);
  };
  const noteChange = async (sheet: SheetKey, id: number, c: Change) => {
    changes++;
    const before = Object.fromEntries(Object.entries(c).map(([k, x]) => [k, x.before]));
    const after = Object.fromEntries(Object.entries(c).map(([k, x]) => [k, x.after]));
    await audit(em, ctx, { action: 'import.update', entity: ENTITY_OF[sheet], entityId: id, before, after });
  };
  for (const year of newYears) {
    await insertOpenYear(em, year);
    await audit(em, ctx, { action: 'import.open_year', entity: 'fiscal_year', entityId: year, after: { year, status: 'open' } });
  }

  const orgId = new Map(plan.db.orgs.map((o) => [o.code, o.id]));
  const orgOps = parentsFirst(
    plan.refs.get('orgs') ?? [],
    (op) => op.key,
    (op) => s(op.v, 'parentCode'),
  );
  for (const op of orgOps) {
    const values = {
      name: s(op.v, 'name')!,
      level: s(op.v, 'level') as OrgUnit['level'],
      parentId: op.v.parentCode ? (orgId.get(s(op.v, 'parentCode')!) ?? null) : null,
      validFrom: s(op.v, 'validFrom')!,
      validTo: s(op.v, 'validTo'),
    };
    if (op.changes === null) {
      orgId.set(op.key, await insertReference(em, OrgUnit, { code: op.key, ...values }));
      noteAdd('orgs', op.key);
    } else if (Object.keys(op.changes).length) {
      await updateReference(em, OrgUnit, op.id!, values);
      await noteChange('orgs', op.id!, op.changes);
    }
  }

  const accountId = new Map(plan.db.accounts.map((a) => [a.code, a.id]));
  const accountKind = new Map(plan.db.accounts.map((a) => [a.code, a.kind]));
  for (const op of plan.refs.get('accounts') ?? []) {
    const values = {
      name: s(op.v, 'name')!,
      kind: s(op.v, 'kind') as Account['kind'],
      sortOrder: op.v.sortOrder === null ? 0 : n(op.v, 'sortOrder'),
      validFrom: s(op.v, 'validFrom')!,
      validTo: s(op.v, 'validTo'),
    };
    accountKind.set(op.key, values.kind);
    if (op.changes === null) {
      accountId.set(op.key, await insertReference(em, Account, { code: op.key, ...values }));
      noteAdd('accounts', op.key);
    } else if (Object.keys(op.changes).length) {
      await updateReference(em, Account, op.id!, values);
      await noteChange('accounts', op.id!, op.changes);
    }
  }
  // the legacy category follows the account's kind (domain/accounts.ts, the one mapping)
  const legacy = (code: string): Program['account'] => legacyCategoryOf(accountKind.get(code) ?? 'other_special');

  const programId = new Map(plan.db.programs.map((p) => [p.code, p.id]));
  const programById = new Map(plan.db.programs.map((p) => [p.id, p]));
  const pyId = new Map<string, number>();
  for (const py of plan.db.programYears) {
    const p = programById.get(py.programId);
    if (p) pyId.set(`${py.fiscalYear}|${p.code}`, py.id);
  }
  const rank = { policy: 0, unit: 1, basic: 1, detail: 2 } as Record<string, number>;
  const programOps = [...(plan.refs.get('programs') ?? [])].sort((a, b) => rank[s(a.v, 'kind')!] - rank[s(b.v, 'kind')!]);
  const programsUpdated = new Set<number>();
  for (const op of programOps) {
    const code = s(op.v, 'code')!;
    const year = n(op.v, 'fiscalYear');
    const programValues = {
      kind: s(op.v, 'kind') as Program['kind'],
      accountId: accountId.get(s(op.v, 'accountCode')!) ?? null,
      account: legacy(s(op.v, 'accountCode')!),
    };
    let pid = programId.get(code);
    if (pid === undefined) {
      pid = await insertReference(em, Program, { code, name: s(op.v, 'name')!, ...programValues });
      programId.set(code, pid);
    } else if (op.programChanges && Object.keys(op.programChanges).length && !programsUpdated.has(pid)) {
      programsUpdated.add(pid);
      await updateReference(em, Program, pid, programValues);
      changes++;
      const c = op.programChanges;
      await audit(em, ctx, {
        action: 'import.update',
        entity: 'program',
        entityId: pid,
        before: Object.fromEntries(Object.entries(c).map(([k, x]) => [k, x.before])),
        after: Object.fromEntries(Object.entries(c).map(([k, x]) => [k, x.after])),
      });
    }
    const values = { name: s(op.v, 'name')!, parentId: op.v.parentCode ? (pyId.get(`${year}|${s(op.v, 'parentCode')}`) ?? null) : null };
    if (op.id === null) {
      const id = await insertReference(em, ProgramYear, {
        programId: pid,
        fiscalYear: year,
        orgUnitId: orgId.get(s(op.v, 'orgCode')!)!,
        sortOrder: op.line,
        priorYearBasis: null,
        note: null,
        ...values,
      });
      pyId.set(`${year}|${code}`, id);
      noteAdd('programs', op.key);
    } else {
      pyId.set(`${year}|${code}`, op.id);
      const own = { ...op.changes };
      delete own.kind;
      delete own.accountCode;
      if (Object.keys(own).length) {
        await updateReference(em, ProgramYear, op.id, values);
        await noteChange('programs', op.id, own);
      }
    }
    const pause = breathe();
    if (pause) await pause;
  }
  progress(0.2, 1);

  const lineId = new Map<string, number>();
  for (const op of plan.refs.get('appropriations') ?? []) {
    const year = n(op.v, 'fiscalYear');
    const py = pyId.get(`${year}|${s(op.v, 'programCode')}`)!;
    lineId.set(`${py}|${s(op.v, 'expenseItem')}`, py);
    if (op.changes === null) {
      await insertReference(em, Appropriation, {
        programYearId: py,
        expenseItem: s(op.v, 'expenseItem')!,
        amount: n(op.v, 'amount'),
        note: s(op.v, 'basis'),
        createdById: ctx.actor.id,
        createdAt: now,
      });
      noteAdd('appropriations', op.key);
    } else if (Object.keys(op.changes).length) {
      await updateReference(em, Appropriation, op.id!, { note: s(op.v, 'basis') });
      await noteChange('appropriations', op.id!, op.changes);
    }
    const pause = breathe();
    if (pause) await pause;
  }

  const revenueId = new Map(plan.db.revenueLines.map((l) => [`${l.fiscalYear}|${l.code}`, l.id]));
  const revenueOps = parentsFirst(
    plan.refs.get('revenueLines') ?? [],
    (op) => `${n(op.v, 'fiscalYear')}|${s(op.v, 'code')}`,
    (op) => (op.v.parentCode ? `${n(op.v, 'fiscalYear')}|${s(op.v, 'parentCode')}` : null),
  );
  for (const op of revenueOps) {
    const year = n(op.v, 'fiscalYear');
    const values = {
      name: s(op.v, 'name')!,
      parentId: op.v.parentCode ? (revenueId.get(`${year}|${s(op.v, 'parentCode')}`) ?? null) : null,
      accountId: accountId.get(s(op.v, 'accountCode')!) ?? null,
      orgUnitId: orgId.get(s(op.v, 'orgCode')!)!,
      budget: n(op.v, 'budget'),
      currentBudget: n(op.v, 'currentBudget'),
    };
    if (op.changes === null) {
      revenueId.set(
        `${year}|${s(op.v, 'code')}`,
        await insertReference(em, RevenueLine, { fiscalYear: year, code: s(op.v, 'code')!, sortOrder: op.line, ...values }),
      );
      noteAdd('revenueLines', op.key);
    } else if (Object.keys(op.changes).length) {
      await updateReference(em, RevenueLine, op.id!, values);
      await noteChange('revenueLines', op.id!, op.changes);
    }
  }

  for (const op of plan.refs.get('settlements') ?? []) {
    const values = { subsidyReturned: n(op.v, 'subsidyReturned'), grantDifference: n(op.v, 'grantDifference') };
    if (op.changes === null) {
      await insertReference(em, AccountYearSettlement, {
        fiscalYear: n(op.v, 'fiscalYear'),
        accountId: accountId.get(s(op.v, 'accountCode')!)!,
        note: null,
        ...values,
      });
      noteAdd('settlements', op.key);
    } else if (Object.keys(op.changes).length) {
      await updateReference(em, AccountYearSettlement, op.id!, values);
      await noteChange('settlements', op.id!, op.changes);
    }
  }
  progress(0.3, 1);

  const executions = plan.facts.get('executions') ?? [];
  const carryOvers = plan.facts.get('carryOvers') ?? [];
  const revenue = plan.facts.get('revenueEntries') ?? [];
  const totalFacts = executions.length + carryOvers.length + revenue.length || 1;
  let done = 0;
  await lockProgramYearsByIds(
    em,
    [...executions, ...carryOvers].map((op) => pyId.get(`${n(op.v, 'fiscalYear')}|${s(op.v, 'programCode')}`)!),
  );
  const ledgerRows = (sheet: 'executions' | 'carryOvers', op: (typeof executions)[number]): Omit<LedgerEntry, 'id'> => {
    const year = n(op.v, 'fiscalYear');
    const carry = sheet === 'carryOvers';
    return {
      programYearId: pyId.get(`${year}|${s(op.v, 'programCode')}`)!,
      fiscalYear: year,
      expenseItem: s(op.v, 'expenseItem')!,
      kind: carry ? 'carry_out' : 'execution',
      amount: n(op.v, 'amount'),
      entryDate: carry ? `${year}-12-31` : s(op.v, 'date')!,
      reason: carry
        ? `차년이월(${{ explicit: '명시', accident: '사고', continuing: '계속비' }[s(op.v, 'carryType') as CarryType]})`
        : s(op.v, 'memo'),
      carryType: carry ? (s(op.v, 'carryType') as CarryType) : null,
      transferId: null,
      reversalOfId: null,
      sourceRef: null,
      createdById: ctx.actor.id,
      createdAt: now,
    };
  };
  for (const [sheet, ops] of [
    ['executions', executions],
    ['carryOvers', carryOvers],
  ] as const) {
    for (let i = 0; i < ops.length; i += BATCH) {
      const chunk = ops.slice(i, i + BATCH);
      await appendLedgerFacts(
        em,
        chunk.map((op) => ledgerRows(sheet, op)),
      );
      await insertFactKeys(
        em,
        chunk.map((op) => ({ factKey: op.key, sheet: sheetName(sheet) })),
        now,
      );
      done += chunk.length;
      progress(0.3 + (0.7 * done) / totalFacts, 1);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  for (let i = 0; i < revenue.length; i += BATCH) {
    const chunk = revenue.slice(i, i + BATCH);
    const rows: Omit<RevenueEntry, 'id'>[] = chunk.map((op) => ({
      revenueLineId: revenueId.get(`${n(op.v, 'fiscalYear')}|${s(op.v, 'revenueCode')}`)!,
      kind: s(op.v, 'kind') as RevenueEntryKind,
      amount: n(op.v, 'amount'),
      entryDate: s(op.v, 'date')!,
      reason: null,
      reversalOfId: null,
      createdById: ctx.actor.id,
      createdAt: now,
    }));
    await appendRevenueFacts(em, rows);
    await insertFactKeys(
      em,
      chunk.map((op) => ({ factKey: op.key, sheet: '세입' })),
      now,
    );
    done += chunk.length;
    progress(0.3 + (0.7 * done) / totalFacts, 1);
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const [sheet, ops] of [
    ['executions', executions],
    ['carryOvers', carryOvers],
    ['revenueEntries', revenue],
  ] as const) {
    if (!ops.length) continue;
    changes += ops.length;
    await audit(em, ctx, {
      action: 'import.append',
      entity: ENTITY_OF[sheet],
      entityId: sheetName(sheet),
      after: { sheet: sheetName(sheet), rows: ops.length, firstKey: ops[0].key, lastKey: ops[ops.length - 1].key },
    });
  }
  for (const [sheet, codes] of added) {
    await audit(em, ctx, {
      action: 'import.add',
      entity: ENTITY_OF[sheet],
      entityId: sheetName(sheet),
      after: { sheet: sheetName(sheet), codes },
    });
  }
  return changes;
}

function sheetName(key: SheetKey): string {
  return SHEETS.find((x) => x.key === key)!.sheet;
}
