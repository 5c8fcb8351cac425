/**
 * 세입·세출 결산 총괄 by account (회계) for a year, as a 구·군 publishes it in its 결산 공시:
 * 구분 · 예산현액 · 세입(수납액) ㉮ · 세출(지출액) ㉯ · 결산상 잉여금 ㉰ = ㉮ − ㉯ · 다음연도 이월액 ㉱ ·
 * 보조금 반납금 · 교부차액 (㉲ = 반납금 + 교부차액; a negative 교부차액 prints with △) · 순세계잉여금
 * ㉳ = ㉰ − ㉱ − ㉲. Rows: 합계, each 일반회계, then 특별회계 (and 기금) with a subtotal over their accounts.
 *
 * 예산현액 is the 세출 예산현액 (예산액 + 전년이월 ± 변경), as the published 총괄 prints it; amounts in
 * 원 by default (the published unit). Arithmetic: domain/accounts.ts; texts: domain/money.ts.
 */
import { addSettlementSummaries, legacyCategoryOf, settlementSummary, SettlementSummaryFigures } from '../../domain/accounts';
import { accountYears } from '../../server/queries/accounts/account-year';
import type { ColumnDef, HeaderCell, ReportRow, RowStyle } from '../engine/model';
import type { ReportDefinition } from '../registry';
import { LEDGER_REPORT_ROLES, Presentation, presentationOf, requireYear, textCell, today } from './ledger-common';

const COLUMNS: ColumnDef[] = [
  { key: 'name', label: '구분', kind: 'text', width: 22 },
  { key: 'current', label: '예산현액', kind: 'amount', width: 17 },
  { key: 'collected', label: '세입(수납액) ㉮', kind: 'amount', width: 17 },
  { key: 'executed', label: '세출(지출액) ㉯', kind: 'amount', width: 17 },
  { key: 'surplus', label: '결산상 잉여금 ㉰=㉮-㉯', kind: 'amount', width: 17 },
  { key: 'carriedOut', label: '다음연도 이월액 ㉱', kind: 'amount', width: 17 },
  { key: 'subsidyReturned', label: '보조금 반납금', kind: 'amount', width: 15 },
  { key: 'grantDifference', label: '교부차액', kind: 'amount', width: 14 },
  { key: 'netSurplus', label: '순세계잉여금 ㉳=㉰-㉱-㉲', kind: 'amount', width: 17 },
];

const HEADER: HeaderCell[][] = [
  [
    { label: '구분', rowSpan: 3 },
    { label: '예산현액', rowSpan: 3 },
    { label: '결산', colSpan: 3 },
    { label: '결산상 잉여금 세부내역', colSpan: 4 },
  ],
  [
    { label: '세입(수납액) ㉮', rowSpan: 2 },
    { label: '세출(지출액) ㉯', rowSpan: 2 },
    { label: '결산상 잉여금 ㉰=㉮-㉯', rowSpan: 2 },
    { label: '다음연도 이월액 ㉱', rowSpan: 2 },
    { label: '보조금 실제반납금 ㉲', colSpan: 2 },
    { label: '순세계잉여금 ㉳=㉰-㉱-㉲', rowSpan: 2 },
  ],
  [{ label: '보조금 반납금' }, { label: '교부차액' }],
];

const GROUP_LABEL = { special: '특별회계', fund: '기금' } as const;

function row(p: Presentation, label: string, f: SettlementSummaryFigures, depth: number, style: RowStyle): ReportRow {
  const zero = { zero: '0' as const };
  return {
    depth,
    style,
    cells: {
      name: textCell(label),
      current: p.amount(f.expenditureCurrentBudget, zero),
      collected: p.amount(f.collected, zero),
      executed: p.amount(f.executed, zero),
      surplus: p.amount(f.surplus, zero),
      carriedOut: p.amount(f.carriedOut, zero),
      subsidyReturned: p.amount(f.subsidyReturned, zero),
      grantDifference: p.amount(f.grantDifference, zero),
      netSurplus: p.amount(f.netSurplus, zero),
    },
  };
}

const definition: ReportDefinition = {
  name: 'settlement-summary',
  title: '세입·세출 결산 총괄',
  required: ['year'],
  optional: ['account', 'unit', 'asOf'],
  roles: LEDGER_REPORT_ROLES,
  inPacket: false,
  async build(em, params) {
    const year = requireYear(params);
    const p = presentationOf(params, { unit: 'won' });
    const years = await accountYears(em, year, { account: params.account });
    const figures = years.map((y) => ({
      y,
      f: settlementSummary({
        revenueCurrentBudget: y.revenue.currentBudget,
        expenditureCurrentBudget: y.expenditure.current,
        collected: y.revenue.collected,
        executed: y.expenditure.executed,
        carriedOut: y.expenditure.carriedOut,
        subsidyReturned: y.subsidyReturned,
        grantDifference: y.grantDifference,
      }),
    }));
    const rows: ReportRow[] = [row(p, '합계', addSettlementSummaries(figures.map((x) => x.f)), 0, 'total')];
    for (const x of figures.filter((x) => legacyCategoryOf(x.y.account.kind) === 'general'))
      rows.push(row(p, x.y.account.name, x.f, 0, 'subtotal'));
    for (const group of ['special', 'fund'] as const) {
      const members = figures.filter((x) => legacyCategoryOf(x.y.account.kind) === group);
      if (!members.length) continue;
      rows.push(row(p, GROUP_LABEL[group], addSettlementSummaries(members.map((x) => x.f)), 0, 'subtotal'));
      for (const x of members) rows.push(row(p, x.y.account.name, x.f, 1, 'detail'));
    }
    const missing = years.filter((y) => !y.recorded).map((y) => y.account.name);
    const footnotes = [
      '※ 예산현액은 세출 예산현액(예산액 + 전년이월 ± 예산변경), 세입은 수납액(과오납 환급 차감)',
      '※ ㉲ = 보조금 반납금 + 교부차액, 교부차액이 음수이면 △로 표시',
    ];
    if (missing.length) footnotes.push(`※ 보조금 반납금·교부차액 기록이 없는 회계(0으로 계산): ${missing.join(', ')}`);
    return {
      id: `settlement-summary-${year}${params.account && years[0] ? `-${years[0].account.code}` : ''}`,
      title: `${year} 회계연도 세입·세출 결산 총괄`,
      subtitle: params.account && years[0] ? years[0].account.name : '회계별',
      unitLine: p.unitLineAmounts,
      asOf: params.asOf ?? today(),
      orientation: 'landscape',
      sections: [{ kind: 'table', title: '세입·세출 결산 총괄', unitLine: p.unitLineAmounts, columns: COLUMNS, headerRows: HEADER, rows }],
      footnotes,
      source: '예산·민간위탁 관리대장 (세입·세출 원장, 회계별 결산 기록)',
    };
  },
};

export default definition;
