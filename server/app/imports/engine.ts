import type { DataSource, EntityManager } from 'typeorm';
import { isDepartmentScoped } from '../../../domain/access';
import { DomainError } from '../../../domain/errors';
import { RequestContext } from '../../context';
import { inTransaction } from '../../db/transaction';
import { unitsWithin } from '../../access/scope';
import { audit } from '../../store/audit';
import { readExisting } from '../../store/imports/onboarding';
import { applyPlan } from './apply';
import { Collector, importLimits, ImportLimits, importRefused } from './collect';
import { Known, PlanContext, planAccounts, planOrgs, planPrograms, SheetReport } from './plan';
import { planAppropriations, planRevenueLines, planSettlements } from './plan-budget';
import { planFacts } from './plan-facts';
import { readCsv, readJson, readXlsx } from './readers';
import { SHEETS } from './sheets';

/** What is imported: a workbook, the JSON object, or one CSV per sheet (file name = sheet name). */
export type ImportSource =
  | { kind: 'xlsx'; name: string; buffer: Buffer }
  | { kind: 'json'; name: string; data: unknown }
  | { kind: 'csv'; files: { name: string; text: string }[] };

export type ImportPhase = 'reading' | 'planning' | 'writing' | 'done';

export interface ImportOptions {
  dryRun?: boolean;
  limits?: ImportLimits;
  /** phase, fraction of the whole (0–1), rows read so far */
  onProgress?: (phase: ImportPhase, fraction: number, rows: number) => void;
}

export interface ImportOutcome {
  dryRun: boolean;
  /** rows added, changed or appended (0 when the same file is imported again) */
  changes: number;
  rows: number;
  sheets: SheetReport[];
}

export function sourceName(source: ImportSource): string {
  return source.kind === 'csv' ? source.files.map((f) => f.name).join(', ') : source.name;
}

/** Reads the whole source into rows (every bad cell reported, the limits enforced while reading). */
export async function collect(
  source: ImportSource,
  limits: ImportLimits,
  onRead: (fraction: number, rows: number) => void,
): Promise<Collector> {
  const collector = new Collector(limits);
  if (source.kind === 'xlsx') await readXlsx(source.buffer, collector, limits, (f) => onRead(f, collector.rowCount));
  else if (source.kind === 'json') readJson(source.data, collector);
  else for (const f of source.files) readCsv(f.name, f.text, collector);
  collector.finish();
  if (collector.problemCount) throw importRefused(collector.problems, collector.problemCount);
  return collector;
}

async function plan(em: EntityManager, ctx: RequestContext, collector: Collector): Promise<{ plan: PlanContext; newYears: number[] }> {
  const years = new Set<number>();
  for (const sheet of collector.sheets.values())
    for (const row of sheet.rows) if (typeof row.v.fiscalYear === 'number') years.add(row.v.fiscalYear);
  const db = await readExisting(em, [...years]);
  const scoped = isDepartmentScoped(ctx.actor.role);
  const allowed = scoped ? (ctx.actor.orgUnitId === null ? new Set<number>() : await unitsWithin(em, ctx.actor.orgUnitId)) : null;
  const p = new PlanContext(em, collector, db, allowed, ctx.actor.role === 'admin' || ctx.actor.role === 'system');
  const status = new Map(db.fiscalYears.map((y) => [y.year, y.status]));
  for (const sheet of collector.sheets.values()) {
    const reported = new Set<number>();
    for (const row of sheet.rows) {
      const y = row.v.fiscalYear;
      if (typeof y !== 'number' || status.get(y) !== 'closed' || reported.has(y)) continue;
      reported.add(y);
      p.fail(
        sheet.spec.key,
        row.line,
        'fiscalYear',
        'fiscalYearOpen',
        `fiscal year ${y} is closed and read-only`,
        `${y} 회계연도는 마감되어 수정할 수 없습니다`,
      );
    }
  }
  planOrgs(p);
  planAccounts(p);
  const known = new Known(p);
  planPrograms(p, known);
  planAppropriations(p, known);
  planRevenueLines(p, known);
  planSettlements(p, known);
  await planFacts(p, known, [...years]);
  const order = SHEETS.map((s) => s.sheet);
  p.reports.splice(
    0,
    p.reports.length,
    ...p.reports.filter((r) => collector.sheets.has(r.sheet)).sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet)),
  );
  if (p.denied.length) {
    throw new DomainError(
      'forbidden',
      'import_forbidden',
      'The file holds rows of another department, or sheets only an administrator may import; nothing was imported',
      '다른 부서의 행이나 관리자만 가져올 수 있는 시트가 있어 아무것도 반영하지 않았습니다',
      p.denied.slice(0, 200),
    );
  }
  if (collector.problemCount) throw importRefused(collector.problems, collector.problemCount);
  return { plan: p, newYears: [...years].filter((y) => !status.has(y)).sort() };
}

/**
 * The onboarding import: the whole file is read and checked first (every bad cell named by
 * sheet!cell), then planned against the database and, unless it is a dry run, written in one
 * transaction — all of it or nothing. The same file imported twice changes nothing.
 */
export async function runImport(
  ds: DataSource,
  ctx: RequestContext,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const limits = options.limits ?? importLimits();
  const progress = options.onProgress ?? (() => undefined);
  const collector = await collect(source, limits, (f, rows) => progress('reading', 0.5 * f, rows));
  progress('planning', 0.5, collector.rowCount);
  if (options.dryRun) {
    const { plan: p } = await plan(ds.manager, ctx, collector);
    const changes = p.reports.reduce((sum, r) => sum + r.added + r.changed, 0);
    progress('done', 1, collector.rowCount);
    return { dryRun: true, changes, rows: collector.rowCount, sheets: p.reports };
  }
  const outcome = await inTransaction(ds, async (em) => {
    const { plan: p, newYears } = await plan(em, ctx, collector);
    progress('writing', 0.6, collector.rowCount);
    const changes = await applyPlan(em, ctx, p, newYears, (f) => progress('writing', 0.6 + 0.4 * f, collector.rowCount));
    if (changes) {
      const counts = Object.fromEntries(p.reports.map((r) => [r.sheet, { added: r.added, changed: r.changed, unchanged: r.unchanged }]));
      await audit(em, ctx, {
        action: 'import',
        entity: 'import',
        entityId: sourceName(source).slice(0, 60),
        after: { changes, sheets: counts },
      });
    }
    return { dryRun: false, changes, rows: collector.rowCount, sheets: p.reports };
  });
  progress('done', 1, collector.rowCount);
  return outcome;
}
