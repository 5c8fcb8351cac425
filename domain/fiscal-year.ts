/**
 * A fiscal year's writability and dates (domain.md §4): a closed year is read-only, and an entry's
 * date falls inside its year (1 Jan – 31 Dec; 출납폐쇄 is not modelled).
 */
import { conflict, DomainError, notFound } from './errors';
import { ko } from './korean-particles';

/** What the decisions read of a fiscal year's row. */
export interface FiscalYearState {
  year: number;
  status: 'open' | 'closed';
}

/** A write into `year` is allowed only when the year exists and is open. */
export function assertYearWritable<Y extends FiscalYearState>(fy: Y | null, year: number, field = 'fiscalYear'): Y {
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

/** A year is closed once: it must exist and still be open. */
export function assertYearClosable<Y extends FiscalYearState>(fy: Y | null, year: number): Y {
  if (!fy) throw notFound(`Fiscal year ${year}`, `${year} 회계연도`, 'year');
  if (fy.status === 'closed')
    throw conflict('fiscal_year_closed', `Fiscal year ${year} is already closed`, `${year} 회계연도는 이미 마감되었습니다`, 'year');
  return fy;
}

/** A year is opened once. */
export function assertYearNew(existing: FiscalYearState | null, year: number): void {
  if (existing) throw conflict('fiscal_year_exists', `Fiscal year ${year} already exists`, `${year} 회계연도가 이미 있습니다`, 'year');
}

/** An entry's date must fall inside its fiscal year (1 Jan – 31 Dec; 출납폐쇄 is not modelled). */
export function assertDateInYear(date: string, year: number, field = 'entryDate'): void {
  if (!date.startsWith(`${year}-`)) {
    throw new DomainError(
      'invalid',
      'date_outside_fiscal_year',
      `${field} ${date} is outside fiscal year ${year}`,
      ko`${date}은/는 ${year} 회계연도 밖의 날짜입니다`,
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
