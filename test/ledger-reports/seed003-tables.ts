/**
 * Expected rows of seed 003's tables, built from the seed transcription (document order and printed
 * figures) — independent of the report code. Used by the golden tests.
 */
import { citizenCommunication } from '../../seeds/data';
import type { SeedProgramYear } from '../../seeds/types';
import { ExpectedRow, thousand } from './artifacts';

interface SettlementFigures {
  budget: number;
  current: number;
  executed: number;
  rate: string;
  balance?: number;
}
interface BudgetFigures {
  prior?: number;
  current?: number;
  diff: number;
  rate: string;
}

export const printed = citizenCommunication.printed as unknown as {
  settlement2018: {
    total: SettlementFigures;
    businessBudget: SettlementFigures;
    basicExpense: SettlementFigures;
    departments: Record<string, SettlementFigures>;
    policies: Record<string, SettlementFigures>;
    programs: Record<string, SettlementFigures>;
  };
  summary2018: {
    total: SettlementFigures & { balance: number };
    departments: Record<string, SettlementFigures & { balance: number }>;
    amendments: { carryOver: { count: number; amount: number } };
  };
  budget2019: {
    total: BudgetFigures;
    businessBudget: BudgetFigures;
    basicExpense: BudgetFigures;
    departments: Record<string, BudgetFigures>;
    policies: Record<string, BudgetFigures>;
    programs: Record<string, BudgetFigures>;
  };
  revenue2018: {
    total: { budget: number; current: number; assessed: number; collected: number; uncollected: number };
    lines: Record<string, { budget: number; current: number; assessed: number; collected: number; uncollected: number }>;
  };
};

export const orgName = (code: string): string => citizenCommunication.orgUnits.find((o) => o.code === code)!.name;

/**
 * Known discrepancy of the document (seeds/data discrepancies): 뉴미디어담당관's 집행률 is printed 96.3,
 * but 5,623,262 / 5,842,649 = 96.245… → 96.2. The report computes the rate, so it prints 96.2.
 */
export const RATE_CORRECTIONS: Record<string, string> = { 'SCB-NEWM': '96.2' };

/** A department row emitted before the first policy program of each department section (document order). */
function walk(entries: SeedProgramYear[], onDept: (code: string) => void, onProgram: (p: SeedProgramYear) => void): void {
  let dept: string | null = null;
  for (const p of entries) {
    if (p.kind === 'policy' && p.org !== dept) {
      dept = p.org;
      onDept(dept);
    }
    onProgram(p);
  }
}

/** 세출결산표 rows; figure positions: 0 예산액 · 1 예산현액 · 2 집행액 · 3 차년이월 · 4 집행잔액 · 5 집행률. */
export function settlementRows(): ExpectedRow[] {
  const s = printed.settlement2018;
  const fig = (f: SettlementFigures, rate = f.rate): Record<number, string> => {
    const out: Record<number, string> = { 0: thousand(f.budget), 1: thousand(f.current), 2: thousand(f.executed), 5: rate };
    if (f.balance !== undefined) out[4] = thousand(f.balance);
    return out;
  };
  const rows: ExpectedRow[] = [
    {
      label: '합 계',
      figures: {
        ...fig(s.total),
        3: thousand(printed.summary2018.amendments.carryOver.amount),
        4: thousand(printed.summary2018.total.balance),
      },
    },
    { label: '사업예산', figures: fig(s.businessBudget) },
    { label: '기본경비(행정운영경비)', figures: fig(s.basicExpense) },
  ];
  walk(
    citizenCommunication.programYears[2018],
    (code) => rows.push({ label: orgName(code), figures: fig(s.departments[code], RATE_CORRECTIONS[code] ?? s.departments[code].rate) }),
    (p) => rows.push({ label: p.name, figures: fig(p.kind === 'policy' ? s.policies[p.program] : s.programs[p.program]) }),
  );
  return rows;
}

/** 세출결산 총괄 rows; positions: 0 예산액 · 1 예산현액 · 2 집행액 · 3 집행잔액 · 4 집행률. */
export function summaryRows(): ExpectedRow[] {
  const s = printed.summary2018;
  const fig = (f: SettlementFigures & { balance: number }, rate: string) => ({
    0: thousand(f.budget),
    1: thousand(f.current),
    2: thousand(f.executed),
    3: thousand(f.balance),
    4: rate,
  });
  return [
    { label: '총계', figures: fig(s.total, s.total.rate) },
    ...Object.entries(s.departments).map(([code, f]) => ({ label: orgName(code), figures: fig(f, RATE_CORRECTIONS[code] ?? f.rate) })),
  ];
}

/** 2019 예산 table rows; positions: 0 2018년 예산 · 1 2019년 예산 · 2 증감 · 3 증감률. */
export function budget2019Rows(): ExpectedRow[] {
  const b = printed.budget2019;
  const full = (f: BudgetFigures) => ({ 0: thousand(f.prior!, '-'), 1: thousand(f.current!, '-'), 2: thousand(f.diff, '-'), 3: f.rate });
  const rows: ExpectedRow[] = [
    { label: '합 계', figures: full(b.total) },
    { label: '사업예산', figures: full(b.businessBudget) },
    { label: '기본경비(행정운영경비)', figures: full(b.basicExpense) },
  ];
  const entries = citizenCommunication.programYears[2019];
  walk(
    entries,
    (code) => rows.push({ label: orgName(code), figures: full(b.departments[code]) }),
    (p) => {
      if (p.kind === 'policy') rows.push({ label: p.name, figures: full(b.policies[p.program]) });
      else {
        const budget = (p.appropriations ?? []).reduce((a, x) => a + x.amount, 0);
        rows.push({
          label: p.name,
          figures: {
            0: thousand(p.priorYearBasis!, '-'),
            1: thousand(budget, '-'),
            2: thousand(b.programs[p.program].diff, '-'),
            3: b.programs[p.program].rate,
          },
        });
      }
    },
  );
  return rows;
}
