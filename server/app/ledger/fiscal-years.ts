import type { DataSource, EntityManager } from 'typeorm';
import { FiscalYear } from '../../../entities/fiscal-year';
import { assertYearClosable, assertYearNew, assertYearWritable } from '../../../domain/fiscal-year';
import { RequestContext } from '../../context';
import { inTransaction } from '../../db/transaction';
import { audit } from '../../store/audit';
import { fiscalYearOf, lockFiscalYear, newFiscalYear, saveFiscalYear, yearHeld } from '../../store/ledger/fiscal-years';

export { assertDateInYear } from '../../../domain/fiscal-year';

/**
 * A closed fiscal year is read-only: every write into it is refused. Writes call this inside their
 * transaction; the year's row is read with a shared lock held to the end of it, so closeYear (which
 * locks the row for update) waits for the writes in flight and every later write sees it closed.
 */
export async function assertYearOpen(em: EntityManager, year: number, field = 'fiscalYear'): Promise<FiscalYear> {
  return assertYearWritable(await yearHeld(em, year), year, field);
}

export async function openYear(ds: DataSource, ctx: RequestContext, year: number): Promise<FiscalYear> {
  return inTransaction(ds, async (em) => {
    assertYearNew(await fiscalYearOf(em, year), year);
    const fy = newFiscalYear(em, { year, status: 'open', closedAt: null, closedById: null });
    await saveFiscalYear(em, fy);
    await audit(em, ctx, { action: 'fiscal_year.open', entity: 'fiscal_year', entityId: year, after: fy });
    return fy;
  });
}

export async function closeYear(ds: DataSource, ctx: RequestContext, year: number): Promise<FiscalYear> {
  return inTransaction(ds, async (em) => {
    const fy = assertYearClosable(await lockFiscalYear(em, year), year);
    const before = { ...fy };
    fy.status = 'closed';
    fy.closedAt = new Date();
    fy.closedById = ctx.actor.id;
    await saveFiscalYear(em, fy);
    await audit(em, ctx, { action: 'fiscal_year.close', entity: 'fiscal_year', entityId: year, before, after: fy });
    return fy;
  });
}
