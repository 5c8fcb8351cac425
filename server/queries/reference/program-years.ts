import type { EntityManager } from 'typeorm';
import { executionRateOf } from '../../../domain/ledger';
import { orgUnitByCode } from '../../store/org-units/org-units';
import { unitsWithin } from '../../access/scope';
import { inScope, readableUnits } from '../../access/department-rows';
import { RequestContext } from '../../context';
import { loadYearFacts } from '../ledger/year-facts';

type YearFacts = Awaited<ReturnType<typeof loadYearFacts>>;
export type ProgramYearListRow = YearFacts['programs'][number] & { executionRate: string };

/**
 * A year's programs with 예산액 · 예산현액 · 집행액 · 차년이월 · 집행잔액 · 집행률: of every unit, or of
 * the unit named by `org` (code or exact name) and every unit under it; a page of them and the total.
 * A budget officer sees only their own department's (the department that owns each now).
 */
export async function programYearList(
  em: EntityManager,
  ctx: RequestContext,
  year: number,
  org: string | undefined,
  skip: number,
  take: number,
): Promise<{ items: ProgramYearListRow[]; total: number }> {
  const { programs } = await loadYearFacts(em, year);
  const units = await readableUnits(em, ctx);
  let rows = programs.filter((p) => inScope(units, p.orgUnitId));
  if (org) {
    const unit = await orgUnitByCode(em, org, 'org');
    const within = await unitsWithin(em, unit.id);
    rows = rows.filter((p) => within.has(p.orgUnitId));
  }
  const items = rows.slice(skip, skip + take).map((p) => ({ ...p, executionRate: executionRateOf(p.figures).text }));
  return { items, total: rows.length };
}
