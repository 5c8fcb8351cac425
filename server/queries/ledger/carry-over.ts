import type { EntityManager } from 'typeorm';
import type { FiscalYear } from '../../../entities/fiscal-year';
import { notFound } from '../../../domain/errors';
import { CARRY_TYPE_KO, carryIdentityBreaks, carryTotals } from '../../../domain/year-operations';
import { fiscalYearOf, fiscalYears } from '../../store/ledger/fiscal-years';
import { programsByIds } from '../../store/ledger/program-years';
import { carriedInTotals, carryLines, liveCarryOuts, programYearCounts } from '../../store/ledger/year-operations';

/** One year in the list of year operations. */
export interface YearRow {
  year: number;
  status: FiscalYear['status'];
  closedAt: Date | null;
  programs: number;
  /** 전년이월 carried in from the year before at its closing */
  carriedIn: { count: number; total: number };
}

/** Every fiscal year, newest first, with its programs and what was carried into it. */
export async function yearRows(em: EntityManager): Promise<YearRow[]> {
  const [years, counts] = await Promise.all([fiscalYears(em, 'DESC'), programYearCounts(em)]);
  const rows: YearRow[] = [];
  for (const y of years) {
    rows.push({
      year: y.year,
      status: y.status,
      closedAt: y.closedAt,
      programs: counts.get(y.year) ?? 0,
      carriedIn: await carriedInTotals(em, y.year),
    });
  }
  return rows;
}

/** What closing a year carries (or, once closed, carried) into the next: per carry type and per line. */
export interface CarryOverPreview {
  year: number;
  status: FiscalYear['status'];
  nextYear: { year: number; status: FiscalYear['status'] | 'missing' };
  byType: ReturnType<typeof carryTotals>['byType'];
  count: number;
  total: number;
  lines: { programCode: string; programName: string; expenseItem: string; carryType: string | null; carryTypeKo: string; amount: number }[];
  /** why the closing would be refused for the carry-over, in Korean; null when it would go through */
  blockerKo: string | null;
  /** once closed: the lines where Σ 차년이월 ≠ Σ 전년이월 carried (none when the identity holds) */
  identityBreaks: number;
}

export async function carryOverPreview(em: EntityManager, year: number): Promise<CarryOverPreview> {
  const fy = await fiscalYearOf(em, year);
  if (!fy) throw notFound(`Fiscal year ${year}`, `${year} 회계연도`, 'year');
  const [outs, next, lines] = await Promise.all([liveCarryOuts(em, year), fiscalYearOf(em, year + 1), carryLines(em, year)]);
  const programs = await programsByIds(em, [...new Set(outs.map((o) => o.programId))]);
  const totals = carryTotals(outs);
  const nextStatus = next?.status ?? 'missing';
  const blockerKo =
    fy.status === 'closed' || !outs.length
      ? null
      : nextStatus === 'missing'
        ? `${year + 1}회계연도가 아직 없습니다. 차년이월을 넘기려면 ${year + 1}회계연도를 먼저 여십시오.`
        : nextStatus === 'closed'
          ? `${year + 1}회계연도가 마감되어 차년이월을 넘길 수 없습니다.`
          : null;
  return {
    year,
    status: fy.status,
    nextYear: { year: year + 1, status: nextStatus },
    ...totals,
    lines: outs.map((o) => {
      const p = programs.find((x) => x.id === o.programId);
      return {
        programCode: p?.code ?? '',
        programName: p?.name ?? '',
        expenseItem: o.expenseItem,
        carryType: o.carryType,
        carryTypeKo: o.carryType ? CARRY_TYPE_KO[o.carryType] : '',
        amount: o.amount,
      };
    }),
    blockerKo,
    identityBreaks: fy.status === 'closed' && next ? carryIdentityBreaks(lines).length : 0,
  };
}
