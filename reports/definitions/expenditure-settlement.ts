/**
 * 세출결산 (seed 003, IV.2): the settlement of a bureau or a department for a year, as the
 * organisation was in that year — 합 계 / 사업예산 / 기본경비 subtotals, each department (bold) with
 * its 정책사업, 단위사업 and 기본경비 — then the 총괄 table by department and a chart of 집행률.
 *
 * Figures: settlementFor (domain/settlement.ts over the ledger); printed texts: domain/money.ts.
 */
import { settlementFor } from '../../server/queries/ledger/settlement';
import type { ColumnDef, ReportRow, TableSection } from '../engine/model';
import type { ReportDefinition } from '../registry';
import type { SettlementRow } from '../../domain/settlement';
import {
  abolitionFootnotes,
  chartRows,
  depthOf,
  executionRateChart,
  LEDGER_REPORT_ROLES,
  presentationOf,
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
    const p = presentationOf(params);
    const settlement = await settlementFor(em, year, params.org!, { account: params.account, groupBy: params.groupBy });
    const rows = settlement.rows;
    const UNIT_LINE = p.unitLine;
    const amountCell = p.amount;

    const detailRow = (r: SettlementRow, depth = depthOf(r), style = ROW_STYLE[r.kind]): ReportRow => ({
      depth,
      style,
      cells: {
        name: textCell(r.label),
        budget: amountCell(r.figures.budget),
        current: amountCell(r.figures.current),
        executed: amountCell(r.figures.executed),
        carriedOut: amountCell(r.figures.carriedOut, { zero: '-' }),
        balance: amountCell(r.figures.balance),
        rate: rateCell(p.executionRate(r.figures)),
      },
    });
    // grouped by account: the grand total, then each account's own tree under its subtotal row
    const detail: ReportRow[] = settlement.byAccount
      ? [
          detailRow(rows[0]),
          ...settlement.byAccount.flatMap((g) =>
            g.rows.map((r, i) => (i === 0 ? detailRow(r, 0, 'subtotal') : detailRow(r, depthOf(r) + 1))),
          ),
        ]
      : rows.map((r) => detailRow(r));

    const summarySource = [rows[0], ...rows.filter((r) => r.kind === 'department')];
    const summary: ReportRow[] = summarySource.map((r, i) => ({
      depth: 0,
      style: i === 0 ? 'total' : 'detail',
      cells: {
        name: textCell(i === 0 ? '총계' : r.label),
        budget: amountCell(r.figures.budget),
        current: amountCell(r.figures.current),
        executed: amountCell(r.figures.executed),
        balance: amountCell(r.figures.balance),
        rate: rateCell(p.executionRate(r.figures)),
      },
    }));

    const abolished = await abolitionFootnotes(em, year, settlement.org.id);
    const detailTable: TableSection = {
      kind: 'table',
      title: `${year}년 세출결산`,
      unitLine: UNIT_LINE,
      columns: DETAIL_COLUMNS,
      rows: detail,
      footnotes: abolished.length ? abolished : undefined,
    };
    const summaryTable: TableSection = {
      kind: 'table',
      title: '세출결산 총괄 (부서별)',
      unitLine: UNIT_LINE,
      columns: SUMMARY_COLUMNS,
      rows: summary,
    };
    const total = rows[0].figures;
    return {
      id: `expenditure-settlement-${year}-${settlement.org.code}${settlement.account ? `-${settlement.account.code}` : ''}`,
      title: `${year} 회계연도 세출결산`,
      subtitle: settlement.account ? `${settlement.org.name} · ${settlement.account.name}` : settlement.org.name,
      unitLine: UNIT_LINE,
      asOf: params.asOf ?? today(),
      sections: [
        {
          kind: 'paragraphs',
          title: '총 괄',
          paragraphs: [
            `${year} 회계연도 세출 예산현액은 총 ${p.amountText(total.current)}으로, 이 중 ${p.amountText(total.executed)}(예산현액 대비 ${p.executionRate(total).text}%)을 집행하였고, 차년이월 ${p.amountText(total.carriedOut)}, 집행잔액 ${p.amountText(total.balance)}입니다.`,
          ],
        },
        detailTable,
        summaryTable,
        executionRateChart(rows.filter((r) => r.kind === 'department').length > 1 ? '부서별 집행률' : '사업별 집행률', chartRows(rows), p),
      ],
      footnotes: [
        '※ 예산현액 = 예산액 + 전년이월 ± 예산변경(전용·이용·이체 등), 집행잔액 = 예산현액 − 집행액 − 차년이월',
        p.unit === 'won'
          ? '※ 집행률 = 집행액 / 예산현액 × 100'
          : `※ 집행률 = 집행액 / 예산현액 × 100 (금액은 원 단위 합계를 ${p.unitKo}으로 반올림)`,
      ],
      source: '예산·민간위탁 관리대장 (세출 원장)',
    };
  },
};

export default definition;
