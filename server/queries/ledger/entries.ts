import type { EntityManager } from 'typeorm';
import type { EntryKind, LedgerEntry } from '../../../entities/ledger-entry';
import { RequestContext } from '../../context';
import { readableProgramYearIds } from '../../access/department-rows';
import { assertOrgAccess } from '../../access/scope';
import { entriesPage } from '../../store/ledger/entries';
import { programYearById } from '../../store/ledger/program-years';
import { effectiveOrgUnitId } from './program-year';

export interface EntryFilter {
  year?: number;
  programYearId?: number;
  kind?: EntryKind;
}

/**
 * A page of ledger entries (추경, 이월, 전용·이용·이체, 집행, 차년이월, reversals), newest first, and how
 * many match — of the program-years the reader may see: a budget officer's own department's (as
 * GET /api/program-years/:id, one program-year of another department is refused with 403).
 */
export async function listEntries(
  em: EntityManager,
  ctx: RequestContext,
  filter: EntryFilter,
  skip: number,
  take: number,
): Promise<[LedgerEntry[], number]> {
  const where = { fiscalYear: filter.year, programYearId: filter.programYearId, kind: filter.kind };
  if (filter.programYearId !== undefined) {
    const py = await programYearById(em, filter.programYearId);
    if (py) await assertOrgAccess(em, ctx, await effectiveOrgUnitId(em, py));
    return entriesPage(em, where, skip, take);
  }
  const readable = await readableProgramYearIds(em, ctx, filter.year);
  return entriesPage(em, { ...where, programYearIds: readable === null ? undefined : [...readable] }, skip, take);
}
