import type { EntityManager } from 'typeorm';
import type { FiscalYear } from '../../../entities/fiscal-year';
import { fiscalYears } from '../../store/ledger/fiscal-years';

/** Every fiscal year and whether it is open or closed, oldest first (the API) or newest first (the pages). */
export function listFiscalYears(em: EntityManager, order: 'ASC' | 'DESC' = 'ASC'): Promise<FiscalYear[]> {
  return fiscalYears(em, order);
}

/** The year a page opens on: ?year= when it is a known fiscal year, else the latest open year, else the latest. */
export async function pickYear(em: EntityManager, requested: unknown): Promise<{ year: number | null; years: FiscalYear[] }> {
  const years = await listFiscalYears(em, 'DESC');
  const asked = typeof requested === 'string' && /^\d{4}$/.test(requested) ? Number(requested) : null;
  if (asked && years.some((y) => y.year === asked)) return { year: asked, years };
  const open = years.filter((y) => y.status === 'open');
  return { year: open[0]?.year ?? years[0]?.year ?? null, years };
}
