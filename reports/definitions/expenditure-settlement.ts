/**
 * 세출결산 (seed 003, IV.2): the settlement of a bureau or a department for a year, as the
 * organisation was in that year — 합 계 / 사업예산 / 기본경비 subtotals, each department (bold) with
 * its 정책사업, 단위사업 and 기본경비 — then the 총괄 table by department and a chart of 집행률.
 *
 * Figures: settlementFor (domain/settlement.ts over the ledger); printed texts: domain/money.ts.
 */
import type { EntityManager } from 'typeorm';
import type { SettlementRow } from '../../domain/settlement';
import { settlementFor } from '../../server/queries/ledger/settlement';
import { settlementStream } from '../../server/queries/ledger/settlement-stream';
import { WidthSampler } from '../engine/model';
import type { ColumnDef, ReportModel, ReportRow, RowSource, StreamingReportModel, TableSection } from '../engine/model';
import type { ReportDefinition, ReportParams } from '../registry';
import {
  abolitionFootnotes,
  chartRows,
  depthOf,
  executionRateChart,
  LEDGER_REPORT_ROLES,
  presentationOf,
  type Presentation,
  rateCell,
  requireYear,
  ROW_STYLE,
  textCell,
  today,
} from './ledger-common';

const DETAIL_COLUMNS: ColumnDef[] = [
  { key: 'name', label: '부서/사업명', kind: 'text', width: 36 },
  { key: 'budget', label: '예산액', kind: 'amount', width: 13 },
  { key: 'current', label: '예산현액', kind: 'amount', width: 13 },
  { key: 'executed', label: '집행액', kind: 'amount', width: 13 },
  { key: 'carriedOut', label: '차년이월', kind: 'amount', width: 11 },
  { key: 'balance', label: '집행잔액', kind: 'amount', width: 12 },
  { key: 'rate', label: '집행률', kind: 'rate', width: 8 },
];

const SUMMARY_COLUMNS: ColumnDef[] = [
  { key: 'name', label: '부서명', kind: 'text', width: 24 },
  { key: 'budget', label: '예산액', kind: 'amount', width: 14 },
  { key: 'current', label: '예산현액', kind: 'amount', width: 14 },
  { key: 'executed', label: '집행액', kind: 'amount', width: 14 },
  { key: 'balance', label: '집행잔액', kind: 'amount', width: 13 },
  { key: 'rate', label: '집행률', kind: 'rate', width: 9 },
];

/** A 세출결산 row as the detail table prints it, in the report's unit and rate decimals. */
function detailRowIn(p: Presentation) {
  return (r: SettlementRow, depth = depthOf(r), style = ROW_STYLE[r.kind]): ReportRow => ({
    depth,
    style,
    cells: {
      name: textCell(r.label),
      budget: p.amount(r.figures.budget),
      current: p.amount(r.figures.current),
      executed: p.amount(r.figures.executed),
      carriedOut: p.amount(r.figures.carriedOut, { zero: '-' }),
      balance: p.amount(r.figures.balance),
      rate: rateCell(p.executionRate(r.figures)),
    },
  });
}

/** What the model is made of: the unit, its total row, the detail rows (held or streamed), and the rows the 총괄 and the chart draw on. */
interface Parts {
  year: number;
  org: { id: number; code: string; name: string };
  /** the account the report is cut to, if any */
  account?: { code: string; name: string } | null;
  total: SettlementRow;
  detail: RowSource;
  widthSamples?: Record<string, string[]>;
  departments: SettlementRow[];
  chartSource: SettlementRow[];
}

async function modelOf(em: EntityManager, params: ReportParams, p: Parts): Promise<StreamingReportModel> {
  const { year } = p;
  const pr = presentationOf(params);
  const amountCell = pr.amount;
  const UNIT_LINE = pr.unitLine;
  const summarySource = [p.total, ...p.departments];
  const summary: ReportRow[] = summarySource.map((r, i) => ({
    depth: 0,
    style: i === 0 ? 'total' : 'detail',
    cells: {
      name: textCell(i === 0 ? '총계' : r.label),
      budget: amountCell(r.figures.budget),
      current: amountCell(r.figures.current),
      executed: amountCell(r.figures.executed),
      balance: amountCell(r.figures.balance),
      rate: rateCell(pr.executionRate(r.figures)),
    },
  }));

  const abolished = await abolitionFootnotes(em, year, p.org.id);
  const detailTable: TableSection<RowSource> = {
    kind: 'table',
    title: `${year}년 세출결산`,
    unitLine: UNIT_LINE,
    columns: DETAIL_COLUMNS,
    rows: p.detail,
    footnotes: abolished.length ? abolished : undefined,
    ...(p.widthSamples ? { widthSamples: p.widthSamples } : {}),
  };
  const summaryTable: TableSection = {
    kind: 'table',
    title: '세출결산 총괄 (부서별)',
    unitLine: UNIT_LINE,
    columns: SUMMARY_COLUMNS,
    rows: summary,
  };
  const total = p.total.figures;
  return {
    id: `expenditure-settlement-${year}-${p.org.code}${p.account ? `-${p.account.code}` : ''}`,
    title: `${year} 회계연도 세출결산`,
    subtitle: p.account ? `${p.org.name} · ${p.account.name}` : p.org.name,
    unitLine: UNIT_LINE,
    asOf: params.asOf ?? today(),
    sections: [
      {
        kind: 'paragraphs',
        title: '총 괄',
        paragraphs: [
          `${year} 회계연도 세출 예산현액은 총 ${pr.amountText(total.current)}으로, 이 중 ${pr.amountText(total.executed)}(예산현액 대비 ${pr.executionRate(total).text}%)을 집행하였고, 차년이월 ${pr.amountText(total.carriedOut)}, 집행잔액 ${pr.amountText(total.balance)}입니다.`,
        ],
      },
      detailTable,
      summaryTable,
      executionRateChart(p.departments.length > 1 ? '부서별 집행률' : '사업별 집행률', p.chartSource, pr),
    ],
    footnotes: [
      '※ 예산현액 = 예산액 + 전년이월 ± 예산변경(전용·이용·이체 등), 집행잔액 = 예산현액 − 집행액 − 차년이월',
      pr.unit === 'won'
        ? '※ 집행률 = 집행액 / 예산현액 × 100'
        : `※ 집행률 = 집행액 / 예산현액 × 100 (금액은 원 단위 합계를 ${pr.unitKo}으로 반올림)`,
    ],
    source: '예산·민간위탁 관리대장 (세출 원장)',
  };
}

const definition: ReportDefinition = {
  name: 'expenditure-settlement',
  title: '세출결산',
  required: ['year', 'org'],
  optional: ['asOf', 'account', 'groupBy', 'unit', 'rateDecimals'],
  roles: LEDGER_REPORT_ROLES,
  inPacket: true,
  packetOrder: 10,
  async build(em, params) {
    const year = requireYear(params);
    const settlement = await settlementFor(em, year, params.org!, { account: params.account, groupBy: params.groupBy });
    const rows = settlement.rows;
    const detailRow = detailRowIn(presentationOf(params));
    // grouped by account: the grand total, then each account's own tree under its subtotal row
    const detail: ReportRow[] = settlement.byAccount
      ? [
          detailRow(rows[0]),
          ...settlement.byAccount.flatMap((g) =>
            g.rows.map((r, i) => (i === 0 ? detailRow(r, 0, 'subtotal') : detailRow(r, depthOf(r) + 1))),
          ),
        ]
      : rows.map((r) => detailRow(r));
    const model = await modelOf(em, params, {
      year,
      org: settlement.org,
      account: settlement.account,
      total: rows[0],
      detail,
      departments: rows.filter((r) => r.kind === 'department'),
      chartSource: chartRows(rows),
    });
    return model as ReportModel;
  },
  /**
   * The whole-city report: the detail rows are read from the ledger while they are rendered
   * (server/queries/ledger/settlement-stream.ts), so 60,000 of them are never held. A department's
   * report (its chart needs its programs' rows) is small and built as above.
   */
  stream: {
    params: ['year', 'org', 'asOf', 'unit', 'rateDecimals'],
    async build(em, params, ctx) {
      const year = requireYear(params);
      const detailRow = detailRowIn(presentationOf(params));
      // the PDF sizes its columns before the first row: the widest figures are sampled while the roll-ups are read
      const sampler = new WidthSampler(DETAIL_COLUMNS);
      const s = await settlementStream(em, year, params.org!, { onFigures: (r) => sampler.add(detailRow(r)) });
      if (s.departments.length <= 1) return definition.build(em, params, ctx);
      return modelOf(em, params, {
        year,
        org: s.org,
        total: s.head[0],
        detail: mapRows(s.rows(), (r) => detailRow(r)),
        widthSamples: sampler.samples(),
        departments: s.departments,
        chartSource: s.departments,
      });
    },
  },
};

async function* mapRows<T>(rows: AsyncIterable<T>, fn: (row: T) => ReportRow): AsyncGenerator<ReportRow> {
  for await (const r of rows) yield fn(r);
}

export default definition;
