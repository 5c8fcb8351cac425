import { DataSource, EntityManager } from 'typeorm';
import { RevenueEntry, RevenueEntryKind, RevenueLine } from '../../../entities/revenue';
import { conflict, invalid, notFound } from '../../../domain/errors';
import { RequestContext } from '../../context';
import { lockRow, within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { assertDateInYear, assertYearOpen } from './fiscal-years';
import { orgUnitByCode } from './reference';
import { assertOrgAccess } from '../../access/scope';
import { formatInteger, sumWon } from '../../../domain/money';

export interface RevenueFigures {
  budget: number; // 예산액
  currentBudget: number; // 예산현액
  assessed: number; // 징수결정액
  collected: number; // 수납액
  writtenOff: number; // 불납결손액
  uncollected: number; // 미수납액 = 징수결정액 − 수납액 − 불납결손액
}

export function revenueFigures(
  line: { budget: number; currentBudget: number },
  entries: { kind: RevenueEntryKind; amount: number }[],
): RevenueFigures {
  const sum = (k: RevenueEntryKind) => sumWon(entries.filter((e) => e.kind === k).map((e) => e.amount));
  const assessed = sum('assessed');
  const collected = sum('collected');
  const writtenOff = sum('written_off');
  return {
    budget: line.budget,
    currentBudget: line.currentBudget,
    assessed,
    collected,
    writtenOff,
    uncollected: assessed - collected - writtenOff,
  };
}

export interface RevenueLineInput {
  fiscalYear: number;
  orgCode: string;
  code: string;
  name: string;
  parentCode?: string | null;
  sortOrder?: number;
  budget: number;
  currentBudget: number;
}

export async function createRevenueLine(
  ds: DataSource,
  ctx: RequestContext,
  input: RevenueLineInput,
  em?: EntityManager,
): Promise<RevenueLine> {
  return within(ds, em, async (tx) => {
    await assertYearOpen(tx, input.fiscalYear);
    const org = await orgUnitByCode(tx, input.orgCode, 'orgCode');
    await assertOrgAccess(tx, ctx, org.id);
    if (await tx.getRepository(RevenueLine).findOneBy({ fiscalYear: input.fiscalYear, code: input.code })) {
      throw conflict(
        'duplicate_code',
        `Revenue line ${input.code} exists in ${input.fiscalYear}`,
        `세입 과목 ${input.code}가 이미 있습니다`,
        'code',
      );
    }
    const parent = input.parentCode
      ? await tx.getRepository(RevenueLine).findOneBy({ fiscalYear: input.fiscalYear, code: input.parentCode })
      : null;
    if (input.parentCode && !parent) throw notFound(`Revenue line ${input.parentCode}`, `세입 과목 ${input.parentCode}`, 'parentCode');
    const line = tx.getRepository(RevenueLine).create({
      fiscalYear: input.fiscalYear,
      orgUnitId: org.id,
      code: input.code,
      name: input.name,
      parentId: parent?.id ?? null,
      sortOrder: input.sortOrder ?? 0,
      budget: input.budget,
      currentBudget: input.currentBudget,
    });
    await tx.save(line);
    await audit(tx, ctx, { action: 'revenue_line.create', entity: 'revenue_line', entityId: line.id, after: line });
    return line;
  });
}

/** 수납액 + 불납결손액 may never exceed 징수결정액: 미수납액 stays ≥ 0. */
export async function postRevenueEntry(
  ds: DataSource,
  ctx: RequestContext,
  input: { revenueLineId: number; kind: RevenueEntryKind; amount: number; entryDate: string; reason?: string | null },
  em?: EntityManager,
): Promise<RevenueEntry> {
  return within(ds, em, async (tx) => {
    const line = await lockRow(tx, RevenueLine, input.revenueLineId);
    if (!line) throw notFound(`Revenue line ${input.revenueLineId}`, `세입 과목 ${input.revenueLineId}`, 'revenueLineId');
    await assertOrgAccess(tx, ctx, line.orgUnitId);
    await assertYearOpen(tx, line.fiscalYear);
    assertDateInYear(input.entryDate, line.fiscalYear);
    if (await tx.getRepository(RevenueLine).findOneBy({ parentId: line.id })) {
      throw invalid('revenueLineId', 'leafOnly', 'Post revenue to a leaf line; parents are roll-ups', '세입은 최하위 과목에 기록합니다');
    }
    const entries = await tx.getRepository(RevenueEntry).findBy({ revenueLineId: line.id });
    const before = revenueFigures(line, entries);
    const after = revenueFigures(line, [...entries, { kind: input.kind, amount: input.amount }]);
    if (after.uncollected < 0) {
      throw conflict(
        'exceeds_assessed',
        `수납액 + 불납결손액 would exceed 징수결정액 (${after.assessed} won)`,
        `수납액과 불납결손액의 합이 징수결정액 ${formatInteger(after.assessed)}원을 넘습니다`,
        'amount',
        { ...before, requested: input.amount },
      );
    }
    const entry = tx.getRepository(RevenueEntry).create({
      revenueLineId: line.id,
      kind: input.kind,
      amount: input.amount,
      entryDate: input.entryDate,
      reason: input.reason ?? null,
      reversalOfId: null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await tx.save(entry);
    await audit(tx, ctx, { action: `revenue.${input.kind}`, entity: 'revenue_entry', entityId: entry.id, before, after: entry });
    return entry;
  });
}

export interface RevenueRow extends RevenueLine {
  depth: number;
  figures: RevenueFigures;
}

/** A year's revenue lines in document order, parents summed from their leaves. */
export async function revenueRows(em: EntityManager, year: number, orgUnitId?: number): Promise<RevenueRow[]> {
  const lines = await em
    .getRepository(RevenueLine)
    .find({ where: { fiscalYear: year, ...(orgUnitId ? { orgUnitId } : {}) }, order: { sortOrder: 'ASC', id: 'ASC' } });
  const entries = lines.length
    ? await em
        .getRepository(RevenueEntry)
        .createQueryBuilder('e')
        .where('e.revenueLineId IN (:...ids)', { ids: lines.map((l) => l.id) })
        .getMany()
    : [];
  const figuresOf = (line: RevenueLine): RevenueFigures => {
    const children = lines.filter((l) => l.parentId === line.id);
    if (!children.length)
      return revenueFigures(
        line,
        entries.filter((e) => e.revenueLineId === line.id),
      );
    const parts = children.map(figuresOf);
    const add = (k: keyof RevenueFigures) => sumWon(parts.map((p) => p[k]));
    return {
      budget: line.budget,
      currentBudget: line.currentBudget,
      assessed: add('assessed'),
      collected: add('collected'),
      writtenOff: add('writtenOff'),
      uncollected: add('uncollected'),
    };
  };
  const depthOf = (line: RevenueLine): number => (line.parentId ? 1 + depthOf(lines.find((l) => l.id === line.parentId)!) : 0);
  return lines.map((l) => ({ ...l, depth: depthOf(l), figures: figuresOf(l) }));
}
