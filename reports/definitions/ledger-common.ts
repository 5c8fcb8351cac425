/**
 * Helpers shared by the expenditure-ledger council reports (세출결산, 최근 3년 결산, 예산 총괄, 세입결산,
 * 전용 보고, 집행률 차트). No default export: the registry treats this file as a helper.
 *
 * Every printed figure comes from domain/money.ts (formatAmount, executionRate, changeRate); the
 * figures themselves come from the ledger services (settlementFor, loadYearFacts, listTransfers,
 * revenueRows), so these reports add no rule of their own.
 */
import type { EntityManager } from 'typeorm';
import type { Role } from '../../entities/user';
import { unitsAbolishedIn } from '../../server/queries/ledger/org-chart';
import { DomainError } from '../../domain/errors';
import { changeRate, executionRate, formatAmount, NumberStyle, Rate, toUnit, Unit, UNIT_LABEL_KO } from '../../domain/money';
import type { SettlementRow, SettlementRowKind } from '../../domain/settlement';
import { executionRateOf, LineFigures } from '../../domain/ledger';
import type { Cell, ChartSection, ReportRow, RowStyle } from '../engine/model';
import type { ReportParams } from '../registry';

export const LEDGER_REPORT_ROLES: readonly Role[] = ['budget_officer', 'council_staff', 'admin'];

export const UNIT_LINE = '(단위 : 천원, %)';
export const UNIT_LINE_AMOUNTS = '(단위 : 천원)';

/**
 * How a report prints its figures: the unit of its amounts and the decimals of its rates, from the
 * report's `unit` and `rateDecimals` parameters or the defaults its document prints (천원; 집행률 one
 * decimal). Every text still comes from domain/money.ts.
 */
export interface Presentation {
  unit: Unit;
  /** 원 · 천원 · 백만원 · 억원 */
  unitKo: string;
  /** "(단위 : 천원, %)" */
  unitLine: string;
  /** "(단위 : 천원)" */
  unitLineAmounts: string;
  /** the amount in the report's unit, with the text money.ts prints for it */
  amount(won: number, style?: NumberStyle): Cell;
  /** the amount's text followed by the unit ("1,234천원") */
  amountText(won: number, style?: NumberStyle): string;
  /** 집행률 = 집행액 / 예산현액 × 100 with the report's decimals (default `rateDefault`) */
  executionRate(f: Pick<LineFigures, 'executed' | 'current'>): Rate;
  /** a rate's decimals: the parameter when given, else the report's own default */
  decimals(reportDefault: number): number;
  /** 증감률 with the report's decimals (default `reportDefault`) */
  changeRate(previous: number, current: number, reportDefault: number): Rate;
}

export function presentationOf(params: ReportParams, defaults: { unit?: Unit; rateDecimals?: number } = {}): Presentation {
  const unit = params.unit ?? defaults.unit ?? 'thousand';
  const rateDefault = defaults.rateDecimals ?? 1;
  const decimals = (d: number) => params.rateDecimals ?? d;
  const unitKo = UNIT_LABEL_KO[unit];
  return {
    unit,
    unitKo,
    unitLine: `(단위 : ${unitKo}, %)`,
    unitLineAmounts: `(단위 : ${unitKo})`,
    amount: (won, style = {}) => ({ value: toUnit(won, unit), text: formatAmount(won, unit, style) }),
    amountText: (won, style = {}) => `${formatAmount(won, unit, style)}${unitKo}`,
    executionRate: (f) => executionRate(f.executed, f.current, decimals(rateDefault)),
    decimals,
    changeRate: (previous, current, reportDefault) => changeRate(previous, current, decimals(reportDefault)),
  };
}

/** won → 천원 cell: value is the rounded 천원 figure, text what money.ts prints for it. */
export function amountCell(won: number, style: NumberStyle = {}): Cell {
  return { value: toUnit(won, 'thousand'), text: formatAmount(won, 'thousand', style) };
}

export function rateCell(rate: Rate): Cell {
  return { value: rate.value, text: rate.text };
}

export function textCell(text: string): Cell {
  return { value: text, text };
}

/** A cell that prints "-" and has no value (e.g. no prior-year data). */
export function dashCell(): Cell {
  return { value: null, text: '-' };
}

/** Row style of each kind of settlement row: totals and departments bold, as seed 003 prints them. */
export const ROW_STYLE: Record<SettlementRowKind, RowStyle> = {
  total: 'total',
  business: 'subtotal',
  basic_total: 'subtotal',
  bureau: 'department',
  department: 'department',
  policy: 'program',
  unit: 'detail',
  basic: 'detail',
};

/**
 * Label-column indentation: total 0, 사업예산/기본경비 1, department 0, 정책사업 1, 단위사업 2, 기본경비 1;
 * in a whole-city report each bureau is at 0 and its departments' blocks one step in.
 */
export function depthOf(row: SettlementRow): number {
  switch (row.kind) {
    case 'total':
    case 'bureau':
      return 0;
    case 'business':
    case 'basic_total':
      return 1;
    case 'department':
      return row.orgDepth;
    case 'policy':
    case 'basic':
      return 1 + row.orgDepth;
    case 'unit':
      return (row.depth - row.orgDepth >= 3 ? 2 : 1) + row.orgDepth;
  }
}

export function requireYear(params: ReportParams): number {
  if (params.year === undefined || !Number.isInteger(Number(params.year))) {
    throw new DomainError('malformed', 'missing_report_parameter', 'year is required', '연도 값이 필요합니다', [
      { field: 'year', rule: 'required', message: 'year is required', message_ko: '연도를 입력하십시오' },
    ]);
  }
  return Number(params.year);
}

/** "2019-01-01" → "'19. 1. 1" (the short date style of the council documents). */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `'${String(y).slice(2)}. ${m}. ${d}`;
}

/** The day after an ISO date (validTo 2018-12-31 → abolished from 2019-01-01). */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * "※ '19. 1. 1일부 조직개편으로 신속행정담당관 폐지" for every unit of the tree under `rootId` (itself
 * included) whose validity ends within the fiscal year — generated from the org chart's validTo.
 */
export async function abolitionFootnotes(em: EntityManager, year: number, rootId: number): Promise<string[]> {
  return (await unitsAbolishedIn(em, year, rootId)).map((u) => `※ ${shortDate(nextDay(u.validTo!))}일부 조직개편으로 ${u.name} 폐지`);
}

/** Ids of the unit and every unit under it (any level); a program named by a report parameter; its latest closed year. */
export { subtreeIds } from '../../server/queries/ledger/org-chart';
export { latestClosedYearOf, resolveProgram } from '../../server/queries/ledger/programs';

/** Bar chart of 집행률 (one bar per row given), the labels being money.ts texts. */
export function executionRateChart(title: string, rows: SettlementRow[], p?: Presentation): ChartSection {
  const rates = rows.map((r) => (p ? p.executionRate(r.figures) : executionRateOf(r.figures)));
  return {
    kind: 'chart',
    title,
    chart: {
      type: 'bar',
      title,
      categories: rows.map((r) => r.label),
      series: [{ name: '집행률', values: rates.map((r) => r.value ?? 0), labels: rates.map((r) => r.text) }],
      valueAxisLabel: '집행률(%)',
      max: 100,
    },
  };
}

/** Rows a chart of 집행률 is drawn over: the departments of a bureau, or a department's own programs. */
export function chartRows(rows: SettlementRow[]): SettlementRow[] {
  const depts = rows.filter((r) => r.kind === 'department');
  if (depts.length > 1) return depts;
  return rows.filter((r) => r.kind === 'unit' || r.kind === 'basic');
}

/** A table row from cells keyed by column. */
export function tableRow(depth: number, style: RowStyle, cells: Record<string, Cell>): ReportRow {
  return { depth, style, cells };
}

/** The day a report is judged on when none is given: today (ISO). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
