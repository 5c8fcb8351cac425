/**
 * 세입결산 (seed 003, IV.1): 구분 · 예산액 · 예산현액 · 징수결정액 · 실제수납액 · 불납결손액 · 미수납액,
 * 합계 first. 실제수납액 is net of 환급 (과오납 환급); a 환급 total shows in a footnote. With an `account`
 * only that account's lines; with groupBy 'account' each account's lines under its own 계 row.
 * Lines come from the revenue read model (parents summed from their leaves); the lines of the unit and
 * of every unit under it are shown; 합계 is the sum of the top-level lines' stored won.
 */
import { RevenueFigures, revenueSettlement } from '../../server/queries/revenue/revenue-rows';
import type { ColumnDef, ReportRow, RowStyle } from '../engine/model';
import type { ReportDefinition } from '../registry';
import { LEDGER_REPORT_ROLES, Presentation, presentationOf, requireYear, textCell, today } from './ledger-common';

const COLUMNS: ColumnDef[] = [
  { key: 'name', label: '구분', kind: 'text', width: 24 },
  { key: 'budget', label: '예산액', kind: 'amount', width: 14 },
  { key: 'current', label: '예산현액', kind: 'amount', width: 14 },
  { key: 'assessed', label: '징수결정액', kind: 'amount', width: 14 },
  { key: 'collected', label: '실제수납액', kind: 'amount', width: 14 },
  { key: 'writtenOff', label: '불납결손액', kind: 'amount', width: 12 },
  { key: 'uncollected', label: '미수납액', kind: 'amount', width: 12 },
];

function row(p: Presentation, label: string, f: RevenueFigures, depth: number, style: RowStyle): ReportRow {
  const zero = { zero: '0' as const };
  const amountCell = p.amount;
  return {
    depth,
    style,
    cells: {
      name: textCell(label),
      budget: amountCell(f.budget, zero),
      current: amountCell(f.currentBudget, zero),
      assessed: amountCell(f.assessed, zero),
      collected: amountCell(f.collected, zero),
      writtenOff: amountCell(f.writtenOff, zero),
      uncollected: amountCell(f.uncollected, zero),
    },
  };
}

const definition: ReportDefinition = {
  name: 'revenue-settlement',
  title: '세입결산',
  required: ['year', 'org'],
  optional: ['asOf', 'account', 'groupBy', 'unit'],
  roles: LEDGER_REPORT_ROLES,
  inPacket: true,
  packetOrder: 30,
  async build(em, params) {
    const year = requireYear(params);
    const p = presentationOf(params);
    const UNIT_LINE_AMOUNTS = p.unitLineAmounts;
    const s = await revenueSettlement(em, year, params.org!, { account: params.account, groupBy: params.groupBy });
    const { unit: root, lines, total } = s;
    const rows: ReportRow[] = [row(p, '합계', total, 0, 'total')];
    const lineRows = (ls: typeof lines, shift: number) =>
      ls.map((l) => row(p, l.name, l.figures, l.depth + 1 + shift, l.depth === 0 && !shift ? 'subtotal' : 'detail'));
    if (s.byAccount) for (const g of s.byAccount) rows.push(row(p, g.account.name, g.total, 0, 'subtotal'), ...lineRows(g.lines, 1));
    else rows.push(...lineRows(lines, 0));

    const footnotes = ['※ 미수납액 = 징수결정액 − 실제수납액 − 불납결손액'];
    if (total.refunded !== 0) footnotes.push(`※ 실제수납액은 과오납 환급 ${p.amountText(total.refunded)}을 뺀 금액`);
    if (!lines.length) footnotes.push(`※ ${year} 회계연도에 ${root.name} 소관${s.account ? ` ${s.account.name}` : ''} 세입 과목이 없음`);
    return {
      id: `revenue-settlement-${year}-${root.code}${s.account ? `-${s.account.code}` : ''}`,
      title: `${year} 회계연도 세입결산`,
      subtitle: s.account ? `${root.name} · ${s.account.name}` : root.name,
      unitLine: UNIT_LINE_AMOUNTS,
      asOf: params.asOf ?? today(),
      sections: [
        {
          kind: 'paragraphs',
          title: '총 괄',
          paragraphs: [
            `${year} 회계연도 세입 예산현액은 총 ${p.amountText(total.currentBudget)}으로, 총 ${p.amountText(total.assessed)}을 징수결정하여 ${p.amountText(total.collected)}이 수납되었고${total.writtenOff !== 0 ? ` 불납결손액 ${p.amountText(total.writtenOff)},` : ''} 미수납액 ${p.amountText(total.uncollected, { zero: '0' })}입니다.`,
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
