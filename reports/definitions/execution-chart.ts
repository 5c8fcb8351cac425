/**
 * 부서별 집행률 차트: 집행률 by department of a bureau (or by program of a single department) as a bar
 * chart, with a small table of the figures behind each bar. Figures from settlementFor; texts from
 * domain/money.ts (the bar labels are the same texts as the table's 집행률 cells).
 */
import type { SettlementRow } from '../../domain/settlement';
import { settlementFor } from '../../server/queries/ledger/settlement';
import type { ColumnDef, ReportRow } from '../engine/model';
import type { ReportDefinition } from '../registry';
import {
  chartRows,
  executionRateChart,
  LEDGER_REPORT_ROLES,
  presentationOf,
  rateCell,
  requireYear,
  textCell,
  today,
} from './ledger-common';

const definition: ReportDefinition = {
  name: 'execution-chart',
  title: '부서별 집행률',
  required: ['year', 'org'],
  optional: ['asOf', 'account', 'groupBy', 'unit', 'rateDecimals'],
  roles: LEDGER_REPORT_ROLES,
  inPacket: true,
  packetOrder: 20,
  async build(em, params) {
    const year = requireYear(params);
    const p = presentationOf(params);
    const UNIT_LINE = p.unitLine;
    const amountCell = p.amount;
    const settlement = await settlementFor(em, year, params.org!, { account: params.account, groupBy: params.groupBy });
    const total = settlement.rows[0];
    const bars = chartRows(settlement.rows);
    const byDepartment = bars.some((r) => r.kind === 'department');
    const label = byDepartment ? '부서명' : '사업명';
    const columns: ColumnDef[] = [
      { key: 'name', label, kind: 'text', width: 30 },
      { key: 'current', label: '예산현액', kind: 'amount', width: 14 },
      { key: 'executed', label: '집행액', kind: 'amount', width: 14 },
      { key: 'rate', label: '집행률', kind: 'rate', width: 9 },
    ];
    const line = (name: string, r: SettlementRow, style: ReportRow['style']): ReportRow => ({
      depth: 0,
      style,
      cells: {
        name: textCell(name),
        current: amountCell(r.figures.current),
        executed: amountCell(r.figures.executed),
        rate: rateCell(p.executionRate(r.figures)),
      },
    });
    const title = byDepartment ? '부서별 집행률' : '사업별 집행률';
    return {
      id: `execution-chart-${year}-${settlement.org.code}${settlement.account ? `-${settlement.account.code}` : ''}`,
      title: `${year} 회계연도 ${title}`,
      subtitle: settlement.account ? `${settlement.org.name} · ${settlement.account.name}` : settlement.org.name,
      unitLine: UNIT_LINE,
      asOf: params.asOf ?? today(),
      sections: [
        executionRateChart(title, bars, p),
        {
          kind: 'table',
          title: `${title} (집계)`,
          unitLine: UNIT_LINE,
          columns,
          rows: [
            line('합 계', total, 'total'),
            // grouped by account: one subtotal row per account before the bars' rows
            ...(settlement.byAccount ?? []).map((g) => line(g.account.name, g.rows[0], 'subtotal')),
            ...bars.map((r) => line(r.label, r, 'detail')),
          ],
        },
      ],
      footnotes: ['※ 집행률 = 집행액 / 예산현액 × 100'],
      source: '예산·민간위탁 관리대장 (세출 원장)',
    };
  },
};

export default definition;
