/**
 * A small 세출결산 report shaped like seed 003 (시민소통기획관 2018): a 총괄 row, 사업예산/기본경비
 * subtotals, departments and their programs, plus a 전년 대비 table with decreases (△), a new item
 * (순증) and an unchanged one (-). Every text is produced by domain/money.ts from won amounts.
 */
import { changeRate, executionRate, formatAmount, sumWon, toUnit } from '../../domain/money';
import { ReportModel, ReportRow, RowStyle, TableSection } from '../../reports/engine/model';

interface Program {
  name: string;
  budget: number;
  current: number;
  executed: number;
  basic?: boolean;
}

// won amounts (천원 figures of seed 003 × 1,000 plus odd won so rounding to 천원 is exercised)
const DEPARTMENTS: { name: string; programs: Program[] }[] = [
  {
    name: '시민소통담당관',
    programs: [
      { name: '언론매체를 통한 시정정보제공', budget: 4_082_365_000, current: 4_082_365_000, executed: 4_078_930_400 },
      { name: '시민청 운영 및 확산', budget: 3_259_011_000, current: 3_882_723_000, executed: 3_394_694_499 },
      { name: '市政 對話 限時 운영', budget: 356_300_000, current: 356_300_000, executed: 326_927_000 },
      { name: '=HYPERLINK("x")', budget: 15_000_000, current: 15_000_000, executed: 14_997_000 },
      { name: '기본경비(행정운영경비)', budget: 513_672_000, current: 513_672_000, executed: 462_074_000, basic: true },
    ],
  },
  {
    name: '뉴미디어담당관',
    programs: [
      { name: '뉴미디어 웹사이트 운영', budget: 1_502_199_000, current: 1_690_950_000, executed: 1_604_462_000 },
      // overspent after 전용: 집행잔액 is negative and prints with △
      { name: '민간포털 협력 마케팅', budget: 756_000_000, current: 731_198_000, executed: 756_000_000 },
      { name: '기본경비(행정운영경비)', budget: 45_510_000, current: 45_510_000, executed: 39_674_000, basic: true },
    ],
  },
  {
    name: '도시브랜드담당관',
    programs: [
      { name: '서울시 도시브랜드 마케팅', budget: 1_650_000_000, current: 1_650_000_000, executed: 1_226_678_000 },
      { name: '기본경비(행정운영경비)', budget: 28_909_000, current: 28_909_000, executed: 28_908_000, basic: true },
    ],
  },
];

type Figures = Pick<Program, 'budget' | 'current' | 'executed'>;

function sum(items: Figures[]): Figures {
  return {
    budget: sumWon(items.map((i) => i.budget)),
    current: sumWon(items.map((i) => i.current)),
    executed: sumWon(items.map((i) => i.executed)),
  };
}

function row(name: string, f: Figures, style: RowStyle, depth: number): ReportRow {
  const rate = executionRate(f.executed, f.current);
  const amt = (won: number) => ({ value: toUnit(won, 'thousand'), text: formatAmount(won, 'thousand') });
  return {
    depth,
    style,
    cells: {
      name: { value: name, text: name },
      budget: amt(f.budget),
      current: amt(f.current),
      executed: amt(f.executed),
      balance: amt(f.current - f.executed),
      rate: { value: rate.value, text: rate.text },
    },
  };
}

export function settlementTable(): TableSection {
  const all = DEPARTMENTS.flatMap((d) => d.programs);
  const rows: ReportRow[] = [
    row('합 계', sum(all), 'total', 0),
    row('사업예산', sum(all.filter((p) => !p.basic)), 'subtotal', 1),
    row('기본경비(행정운영경비)', sum(all.filter((p) => p.basic)), 'subtotal', 1),
  ];
  for (const d of DEPARTMENTS) {
    rows.push(row(d.name, sum(d.programs), 'department', 0));
    for (const p of d.programs) rows.push(row(p.name, p, 'program', 1));
  }
  return {
    kind: 'table',
    title: '세출결산 총괄',
    columns: [
      { key: 'name', label: '부서/사업명', kind: 'text', width: 34 },
      { key: 'budget', label: '예산액', kind: 'amount', width: 13 },
      { key: 'current', label: '예산현액', kind: 'amount', width: 13 },
      { key: 'executed', label: '집행액', kind: 'amount', width: 13 },
      { key: 'balance', label: '집행잔액', kind: 'amount', width: 12 },
      { key: 'rate', label: '집행률', kind: 'rate', width: 8 },
    ],
    headerRows: [
      [
        { label: '부서/사업명', rowSpan: 2 },
        { label: '예산액', rowSpan: 2 },
        { label: '예산현액', rowSpan: 2 },
        { label: '집 행', colSpan: 3 },
      ],
      [{ label: '집행액' }, { label: '집행잔액' }, { label: '집행률' }],
    ],
    rows,
  };
}

export function comparisonTable(): TableSection {
  const items: [string, number, number][] = [
    ['시민소통담당관', 12_038_667_000, 11_623_000_000],
    ['뉴미디어담당관', 5_653_898_000, 6_437_421_000],
    ['시민봉사담당관', 25_967_439_000, 25_967_439_000],
    ['디지털시민시장실', 0, 1_200_000_000],
  ];
  const rows: ReportRow[] = items.map(([name, a, b]) => {
    const rate = changeRate(a, b, 2, { newItem: '순증' });
    return {
      depth: 0,
      style: 'department',
      cells: {
        name: { value: name, text: name },
        prev: { value: toUnit(a, 'thousand'), text: formatAmount(a, 'thousand', { zero: '-' }) },
        next: { value: toUnit(b, 'thousand'), text: formatAmount(b, 'thousand', { zero: '-' }) },
        diff: { value: toUnit(b - a, 'thousand'), text: formatAmount(b - a, 'thousand', { zero: '-' }) },
        rate: { value: rate.value, text: rate.text },
      },
    };
  });
  return {
    kind: 'table',
    title: '예산 총괄 (전년 대비)',
    columns: [
      { key: 'name', label: '구 분', kind: 'text', width: 30 },
      { key: 'prev', label: '2018 예산 (A)', kind: 'amount', width: 15 },
      { key: 'next', label: '2019 예산 (B)', kind: 'amount', width: 15 },
      { key: 'diff', label: '증감 (B−A)', kind: 'amount', width: 14 },
      { key: 'rate', label: '증감률', kind: 'rate', width: 10 },
    ],
    headerRows: [
      [
        { label: '구 분', rowSpan: 2 },
        { label: '2018 예산 (A)', rowSpan: 2 },
        { label: '2019 예산 (B)', rowSpan: 2 },
        { label: '2018년 대비', colSpan: 2 },
      ],
      [{ label: '증감 (B−A)' }, { label: '증감률' }],
    ],
    rows,
  };
}

export function sampleSettlement(): ReportModel {
  const table = settlementTable();
  const depts = table.rows.filter((r) => r.style === 'department');
  return {
    id: 'settlement-2018',
    title: '2018 회계연도 세출결산',
    subtitle: '시민소통기획관',
    unitLine: '(단위 : 천원, %)',
    asOf: '2019-06-17',
    sections: [
      {
        kind: 'keyValue',
        title: '일반현황',
        items: [
          { label: '조 직', text: '1관 4담당관, 19팀' },
          { label: '인 력', text: '130명/124명 (정원/현원)' },
        ],
      },
      table,
      comparisonTable(),
      {
        kind: 'chart',
        title: '부서별 집행률',
        chart: {
          type: 'bar',
          title: '부서별 집행률',
          categories: depts.map((r) => r.cells.name.text),
          series: [{ name: '집행률', values: depts.map((r) => r.cells.rate.value as number), labels: depts.map((r) => r.cells.rate.text) }],
          valueAxisLabel: '집행률(%)',
          max: 100,
        },
      },
      { kind: 'paragraphs', title: '주요 내용', paragraphs: ['세출예산 현액 486억원 중 470억원 집행 (집행률 96.7%)'] },
    ],
    footnotes: ['※ 예산현액 = 예산액 + 전년도 이월액 ± 예산변경'],
    source: '2018 회계연도 세입 · 세출 결산 업무보고',
  };
}
