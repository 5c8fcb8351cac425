import { DataSource, EntityManager } from 'typeorm';
import { FiscalYear } from '../../../entities/fiscal-year';
import { conflict, DomainError, notFound } from '../../../domain/errors';
import { RequestContext } from '../../context';
import { inTransaction, lockRow, transactionLocal } from '../../db/transaction';
import { audit } from '../../store/audit';
import { leanFindOne } from '../../db/lean';

/**
 * A closed fiscal year is read-only: every write into it is refused. Writes call this inside their
 * transaction; the year's row is read with a shared lock held to the end of it, so closeYear (which
 * locks the row for update) waits for the writes in flight and every later write sees it closed.
 */
export async function assertYearOpen(em: EntityManager, year: number, field = 'fiscalYear'): Promise<FiscalYear> {
  const fy = await yearHeld(em, year);
  if (!fy) throw notFound(`Fiscal year ${year}`, `${year} 회계연도`, field);
  if (fy.status === 'closed') {
    throw conflict(
      'fiscal_year_closed',
      `Fiscal year ${year} is closed and read-only`,
      `${year} 회계연도는 마감되어 수정할 수 없습니다`,
      field,
      { fiscalYear: year },
    );
  }
  return fy;
}

const YEARS_HELD = Symbol('fiscal years read, share-locked, in this transaction');

/**
 * The year's row, share-locked for the rest of the transaction. Once it is held nobody else can
 * change the row before the transaction ends, so a transaction that writes to many program-years of
 * one year (a group of payments) reads it once.
 */
function yearHeld(em: EntityManager, year: number): Promise<FiscalYear | null> {
  const held = transactionLocal(em, YEARS_HELD, () => new Map<number, Promise<FiscalYear | null>>());
  let read = held?.get(year);
  if (!read) {
    read = leanFindOne(em, FiscalYear, { year }, { lock: 'share' });
    held?.set(year, read);
  }
  return read;
}

/** An entry's date must fall inside its fiscal year (1 Jan – 31 Dec; 출납폐쇄 is not modelled). */
export function assertDateInYear(date: string, year: number, field = 'entryDate'): void {
  if (!date.startsWith(`${year}-`)) {
    throw new DomainError(
      'invalid',
      'date_outside_fiscal_year',
      `${field} ${date} is outside fiscal year ${year}`,
      `${date}은(는) ${year} 회계연도 밖의 날짜입니다`,
      [
        {
          field,
          rule: 'withinFiscalYear',
          message: `must be within ${year}-01-01 … ${year}-12-31`,
          message_ko: `${year}-01-01 ~ ${year}-12-31 사이여야 합니다`,
          value: date,
        },
      ],
    );
  }
}

export async function openYear(ds: DataSource, ctx: RequestContext, year: number): Promise<FiscalYear> {
  return inTransaction(ds, async (em) => {
    const existing = await em.getRepository(FiscalYear).findOneBy({ year });
    if (existing) throw conflict('fiscal_year_exists', `Fiscal year ${year} already exists`, `${year} 회계연도가 이미 있습니다`, 'year');
    const fy = em.getRepository(FiscalYear).create({ year, status: 'open', closedAt: null, closedById: null });
    await em.save(fy);
    await audit(em, ctx, { action: 'fiscal_year.open', entity: 'fiscal_year', entityId: year, after: fy });
    return fy;
  });
}

export async function closeYear(ds: DataSource, ctx: RequestContext, year: number): Promise<FiscalYear> {
  return inTransaction(ds, async (em) => {
    const fy = await lockRow(em, FiscalYear, year, 'year');
    if (!fy) throw notFound(`Fiscal year ${year}`, `${year} 회계연도`, 'year');
    if (fy.status === 'closed')
      throw conflict('fiscal_year_closed', `Fiscal year ${year} is already closed`, `${year} 회계연도는 이미 마감되었습니다`, 'year');
    const before = { ...fy };
    fy.status = 'closed';
    fy.closedAt = new Date();
    fy.closedById = ctx.actor.id;
    await em.save(fy);
    await audit(em, ctx, { action: 'fiscal_year.close', entity: 'fiscal_year', entityId: year, before, after: fy });
    return fy;
  });
}
