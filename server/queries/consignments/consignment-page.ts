import type { EntityManager } from 'typeorm';
import { Consignment } from '../../../entities/consignment';
import { RequestContext } from '../../context';
import { resolveConsignment } from '../../store/consignments/consignment-ref';
import { fundingProgramYear } from '../../store/consignments/consignment-years';
import { disbursementsOfYear } from '../../store/consignments/disbursements';
import { fundingLineEntries } from '../../store/consignments/settlements';
import { grantStatus, listGrantPlans } from './grants';
import { listSettlements } from './settlements';
import { fundingLineFigures } from './funding-line';

/** A consignment by id, code or exact name (the page checks the reader through consignmentDetail). */
export function consignmentOf(em: EntityManager, ref: string | number): Promise<Consignment> {
  return resolveConsignment(em, ref);
}

/**
 * What the consignment page shows of a year: the funding line and its amendments, the grant status,
 * the plan versions, the settlements and the grants; null when no program-year funds it that year.
 */
export async function consignmentYearFigures(em: EntityManager, ctx: RequestContext, c: Consignment, year: number) {
  const py = await fundingProgramYear(em, c, year).catch(() => null);
  if (!py) return null;
  const line = await fundingLineFigures(em, py.id, c.expenseItem);
  const entries = await fundingLineEntries(em, py.id, c.expenseItem);
  const grant = await grantStatus(em, c.id, year);
  const plans = await listGrantPlans(em, ctx, c.code, year);
  const settlements = await listSettlements(em, ctx, c.code, year);
  const disbursements = await disbursementsOfYear(em, c.id, year);
  return { py, line, entries, grant, plans, settlements, disbursements };
}
