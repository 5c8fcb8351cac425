/**
 * 세입결산 (seed 003, IV.1): 구분 · 예산액 · 예산현액 · 징수결정액 · 실제수납액 · 미수납액, 합계 first.
 * Lines come from the revenue read model (parents summed from their leaves); the lines of the unit and
 * of every unit under it are shown; 합계 is the sum of the top-level lines' stored won.
 */
import { RevenueFigures, revenueSettlement } from '../../server/queries/revenue/revenue-rows';
import type { ColumnDef, ReportRow, RowStyle } from '../engine/model';
import type { ReportDefinition } from '../registry';
import { amountCell, LEDGER_REPORT_ROLES, requireYear, textCell, today, UNIT_LINE_AMOUNTS } from './ledger-common';

const COLUMNS: ColumnDef[] = [
  { key: 'name', label: '구분', kind: 'text', width: 24 },
  { key: 'budget', label: '예산액', kind: 'amount', width: 14 },
  { key: 'current', label: '예산현액', kind: 'amount', width: 14 },
  { key: 'assessed', label: '징수결정액', kind: 'amount', width: 14 },
  { key: 'collected', label: '실제수납액', kind: 'amount', width: 14 },
  { key: 'uncollected', label: '미수납액', kind: 'amount', width: 12 },
];

function row(label: string, f: RevenueFigures, depth: number, style: RowStyle): ReportRow {
  const zero = { zero: '0' as const };
  return {
    depth,
    style,
    cells: {
      name: textCell(label),
      budget: amountCell(f.budget, zero),
      current: amountCell(f.currentBudget, zero),
      assessed: amountCell(f.assessed, zero),
      collected: amountCell(f.collected, zero),
      uncollected: amountCell(f.uncollected, zero),
    },
  };
}

const definition: ReportDefinition = {
  name: 'revenue-settlement',
  title: '세입결산',
  required: ['year', 'org'],
  optional: ['asOf'],
  roles: LEDGER_REPORT_ROLES,
  inPacket: true,
  packetOrder: 30,
  async build(em, params) {
    const year = requireYear(params);
    const { unit: root, lines, total } = await revenueSettlement(em, year, params.org!);
    const rows: ReportRow[] = [row('합계', total, 0, 'total')];
    for (const l of lines) rows.push(row(l.name, l.figures, l.depth + 1, l.depth === 0 ? 'subtotal' : 'detail'));

    const footnotes = ['※ 미수납액 = 징수결정액 − 실제수납액 − 불납결손액'];
    if (total.writtenOff !== 0) footnotes.push(`※ 불납결손액 ${amountCell(total.writtenOff).text}천원`);
    if (!lines.length) footnotes.push(`※ ${year} 회계연도에 ${root.name} 소관 세입 과목이 없음`);
    return {
      id: `revenue-settlement-${year}-${root.code}`,
      title: `${year} 회계연도 세입결산`,
      subtitle: root.name,
      unitLine: UNIT_LINE_AMOUNTS,
      asOf: params.asOf ?? today(),
      sections: [
        {
          kind: 'paragraphs',
          title: '총 괄',
          paragraphs: [
            `${year} 회계연도 세입 예산현액은 총 ${amountCell(total.currentBudget).text}천원으로, 총 ${amountCell(total.assessed).text}천원을 징수결정하여 ${amountCell(total.collected).text}천원이 수납되었고 미수납액 ${amountCell(total.uncollected, { zero: '0' }).text}천원입니다.`,
          ],
        },
        { kind: 'table', title: '세입결산', unitLine: UNIT_LINE_AMOUNTS, columns: COLUMNS, rows },
      ],
      footnotes,
      source: '예산·민간위탁 관리대장 (세입 원장)',
    };
  },
};

export default definition;
