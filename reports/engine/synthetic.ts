/**
 * A synthetic city-scale 세출결산 model (bureaus → departments → unit programs) for the benchmark
 * and the pagination tests. Deterministic: the same size always gives the same model.
 */
import { Unit, executionRate, formatAmount, sumWon, toUnit } from '../../domain/money';
import { ColumnDef, HeaderCell, ReportModel, ReportRow, RowStyle } from './model';

export interface SyntheticSize {
  bureaus: number;
  departmentsPerBureau: number;
  programsPerDepartment: number;
}

export const CITY_SIZE: SyntheticSize = { bureaus: 30, departmentsPerBureau: 4, programsPerDepartment: 50 };

/** mulberry32: tiny seeded PRNG so figures are plausible but reproducible */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROGRAM_WORDS = [
  '시민',
  '소통',
  '복지',
  '안전',
  '도시재생',
  '교통',
  '환경',
  '문화',
  '청년',
  '일자리',
  '주거',
  '공원',
  '하천',
  '디지털',
  '돌봄',
];
const PROGRAM_KINDS = ['지원', '운영', '사업', '활성화', '관리', '확충', '개선', '조성'];

export const SETTLEMENT_COLUMNS: ColumnDef[] = [
  { key: 'name', label: '부서/사업명', kind: 'text', width: 36 },
  { key: 'budget', label: '예산액', kind: 'amount', width: 14 },
  { key: 'current', label: '예산현액', kind: 'amount', width: 14 },
  { key: 'executed', label: '집행액', kind: 'amount', width: 14 },
  { key: 'balance', label: '집행잔액', kind: 'amount', width: 13 },
  { key: 'rate', label: '집행률', kind: 'rate', width: 8 },
];

export const SETTLEMENT_HEADER: HeaderCell[][] = [
  [
    { label: '부서/사업명', rowSpan: 2 },
    { label: '예산액', rowSpan: 2 },
    { label: '예산현액', rowSpan: 2 },
    { label: '집 행', colSpan: 3 },
  ],
  [{ label: '집행액' }, { label: '집행잔액' }, { label: '집행률' }],
];

interface Figures {
  budget: number;
  current: number;
  executed: number;
}

/** One ledger row from won amounts: every printed text comes from domain/money.ts. */
export function settlementRow(name: string, f: Figures, style: RowStyle, depth: number, unit: Unit = 'thousand'): ReportRow {
  const amount = (won: number) => ({ value: toUnit(won, unit), text: formatAmount(won, unit) });
  const rate = executionRate(f.executed, f.current, 1);
  return {
    depth,
    style,
    cells: {
      name: { value: name, text: name },
      budget: amount(f.budget),
      current: amount(f.current),
      executed: amount(f.executed),
      balance: amount(f.current - f.executed),
      rate: { value: rate.value, text: rate.text },
    },
  };
}

function add(a: Figures, b: Figures): Figures {
  return {
    budget: sumWon([a.budget, b.budget]),
    current: sumWon([a.current, b.current]),
    executed: sumWon([a.executed, b.executed]),
  };
}

const ZERO: Figures = { budget: 0, current: 0, executed: 0 };

export function syntheticSettlement(size: SyntheticSize = CITY_SIZE, seed = 2018): ReportModel {
  const rand = rng(seed);
  const body: ReportRow[] = [];
  let total = ZERO;
  let basic = ZERO;
  for (let b = 1; b <= size.bureaus; b++) {
    const bureauRows: ReportRow[] = [];
    let bureau = ZERO;
    for (let d = 1; d <= size.departmentsPerBureau; d++) {
      const deptRows: ReportRow[] = [];
      let dept = ZERO;
      for (let p = 1; p <= size.programsPerDepartment; p++) {
        const isBasic = p === size.programsPerDepartment;
        const budget = Math.round(5_000_000 + rand() * 3_000_000_000) * 1;
        // 예산현액 differs from 예산액 by 이월/변경; sometimes reduced (negative change)
        const change = rand() < 0.2 ? Math.round((rand() - 0.4) * budget * 0.3) : 0;
        const current = budget + change;
        // a few programs overspend (전용): 집행잔액 goes negative and prints with △
        const ratio = rand() < 0.02 ? 1 + rand() * 0.05 : 0.55 + rand() * 0.45;
        const executed = Math.round(current * ratio);
        const f = { budget, current, executed };
        const name = isBasic
          ? '기본경비(행정운영경비)'
          : `${PROGRAM_WORDS[(b + d + p) % PROGRAM_WORDS.length]} ${PROGRAM_WORDS[(p * 7 + d) % PROGRAM_WORDS.length]} ${PROGRAM_KINDS[p % PROGRAM_KINDS.length]} ${b}-${d}-${p}`;
        deptRows.push(settlementRow(name, f, 'program', 2));
        dept = add(dept, f);
        if (isBasic) basic = add(basic, f);
      }
      bureauRows.push(settlementRow(`제${b}국 제${d}과`, dept, 'department', 1), ...deptRows);
      bureau = add(bureau, dept);
    }
    body.push(settlementRow(`제${b}국`, bureau, 'department', 0), ...bureauRows);
    total = add(total, bureau);
  }
  const program: Figures = {
    budget: total.budget - basic.budget,
    current: total.current - basic.current,
    executed: total.executed - basic.executed,
  };
  const rows = [
    settlementRow('합 계', total, 'total', 0),
    settlementRow('사업예산', program, 'subtotal', 1),
    settlementRow('기본경비(행정운영경비)', basic, 'subtotal', 1),
    ...body,
  ];
  return {
    id: `synthetic-settlement-${rows.length}`,
    title: '2018 회계연도 세출결산',
    subtitle: '부서별 · 단위사업별 집행 현황',
    unitLine: '(단위 : 천원, %)',
    asOf: '2018-12-31',
    sections: [{ kind: 'table', columns: SETTLEMENT_COLUMNS, headerRows: SETTLEMENT_HEADER, rows }],
    footnotes: ['※ 예산현액 = 예산액 + 전년도 이월액 ± 예산변경', '※ 집행률 = 집행액 ÷ 예산현액 × 100'],
    source: '합성 데이터 (성능 측정용)',
  };
}
