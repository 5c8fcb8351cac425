import type { DataSource, EntityManager } from 'typeorm';
import type { RevenueEntry, RevenueLine } from '../../../entities/revenue';
import { notFound } from '../../../domain/errors';
import { assertNewRevenueCode } from '../../../domain/reference';
import { assertLeafLine, assertWithinAssessed } from '../../../domain/revenue';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { orgUnitByCode } from '../../store/org-units/org-units';
import { findRevenueLine, hasChildLines, insertRevenueLine, lockRevenueLine } from '../../store/revenue/revenue-lines';
import { entriesOfLine, insertRevenueEntry } from '../../store/revenue/revenue-entries';
import { assertOrgAccess } from '../../access/scope';
import { accountById } from '../../store/accounts/accounts';
import { resolveWriteAccount } from '../accounts/accounts';
import { assertDateInYear, assertYearOpen } from '../ledger/fiscal-years';
import type { CreateRevenueLineBody, PostRevenueEntryBody } from './requests';

/** A revenue line (세입 과목) of a department for a year, under its parent line when it has one. */
export async function createRevenueLine(
  ds: DataSource,
  ctx: RequestContext,
  input: CreateRevenueLineBody,
  em?: EntityManager,
): Promise<RevenueLine> {
  return within(ds, em, async (tx) => {
    const org = await orgUnitByCode(tx, input.orgCode, 'orgCode');
    await assertOrgAccess(tx, ctx, org.id);
    await assertYearOpen(tx, input.fiscalYear);
    assertNewRevenueCode(await findRevenueLine(tx, input.fiscalYear, input.code), input.code, input.fiscalYear);
    const parent = input.parentCode ? await findRevenueLine(tx, input.fiscalYear, input.parentCode) : null;
    if (input.parentCode && !parent) throw notFound(`Revenue line ${input.parentCode}`, `세입 과목 ${input.parentCode}`, 'parentCode');
    const account =
      !input.accountCode && parent?.accountId
        ? await accountById(tx, parent.accountId)
        : await resolveWriteAccount(tx, ctx, input.accountCode, 'general', input.fiscalYear);
    const line = await insertRevenueLine(tx, {
      accountId: account.id,
      fiscalYear: input.fiscalYear,
      orgUnitId: org.id,
      code: input.code,
      name: input.name,
      parentId: parent?.id ?? null,
      sortOrder: input.sortOrder ?? 0,
      budget: input.budget,
      currentBudget: input.currentBudget,
    });
    await audit(tx, ctx, { action: 'revenue_line.create', entity: 'revenue_line', entityId: line.id, after: line });
    return line;
  });
}

/** What postRevenueEntry takes: the request and the line it goes to. */
export type RevenueEntryInput = PostRevenueEntryBody & { revenueLineId: number };

/**
 * Records 징수결정 · 수납 · 불납결손 · 환급 on a leaf line; 수납액 + 불납결손액 may never exceed 징수결정액
 * and a 환급 may never exceed the net 수납액.
 */
export async function postRevenueEntry(
  ds: DataSource,
  ctx: RequestContext,
  input: RevenueEntryInput,
  em?: EntityManager,
): Promise<RevenueEntry> {
  return within(ds, em, async (tx) => {
    const line = await lockRevenueLine(tx, input.revenueLineId);
    if (!line) throw notFound(`Revenue line ${input.revenueLineId}`, `세입 과목 ${input.revenueLineId}`, 'revenueLineId');
    await assertOrgAccess(tx, ctx, line.orgUnitId);
    await assertYearOpen(tx, line.fiscalYear);
    assertDateInYear(input.entryDate, line.fiscalYear);
    assertLeafLine(await hasChildLines(tx, line.id));
    const { before } = assertWithinAssessed(line, await entriesOfLine(tx, line.id), input);
    const entry = await insertRevenueEntry(tx, {
      revenueLineId: line.id,
      kind: input.kind,
      amount: input.amount,
      entryDate: input.entryDate,
      reason: input.reason ?? null,
      reversalOfId: null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await audit(tx, ctx, { action: `revenue.${input.kind}`, entity: 'revenue_entry', entityId: entry.id, before, after: entry });
    return entry;
  });
}
