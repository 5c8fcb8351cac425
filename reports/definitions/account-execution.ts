/**
 * 회계별 집행 현황 as of a date: per account (회계) 예산현액, 지출액 누계 (entries dated on or before
 * the date), 집행잔액 = 예산현액 − 지출액 누계, 집행률 = 지출액 누계 / 예산현액 × 100, with a 합계 row.
 * With `account`, that account only. Figures: the ledger's year facts up to the date; texts: money.ts.
 */
import { executionBalance } from '../../domain/accounts';
import { addFigures } from '../../domain/ledger';
import { accountYears } from '../../server/queries/accounts/account-year';
import type { ColumnDef, ReportRow, RowStyle } from '../engine/model';
import type { ReportDefinition } from '../registry';
import { LEDGER_REPORT_ROLES, presentationOf, rateCell, requireYear, textCell, today } from './ledger-common';

const COLUMNS: ColumnDef[] = [
  { key: 'name', label: '회계', kind: 'text', width: 26 },
  { key: 'current', label: '예산현액', kind: 'amount', width: 16 },
  { key: 'executed', label: '지출액 누계', kind: 'amount', width: 16 },
  { key: 'balance', label: '집행잔액', kind: 'amount', width: 16 },
  { key: 'rate', label: '집행률', kind: 'rate', width: 9 },
];

const definition: ReportDefinition = {
  name: 'account-execution',
  title: '회계별 집행 현황',
  required: ['year'],
  optional: ['asOf', 'account', 'unit', 'rateDecimals'],
  roles: LEDGER_REPORT_ROLES,
  inPacket: false,
  async build(em, params) {
    const year = requireYear(params);
    const p = presentationOf(params);
    const asOf = params.asOf ?? today();
    const years = await accountYears(em, year, { account: params.account, upTo: asOf });
    const line = (label: string, current: number, executed: number, style: RowStyle): ReportRow => ({
      depth: 0,
      style,
      cells: {
        name: textCell(label),
        current: p.amount(current),
        executed: p.amount(executed),
        balance: p.amount(executionBalance(current, executed)),
        rate: rateCell(p.executionRate({ executed, current })),
      },
    });
    const total = addFigures(years.map((y) => y.expenditure));
    const rows = [
      line('합계', total.current, total.executed, 'total'),
      ...years.map((y) => line(y.account.name, y.expenditure.current, y.expenditure.executed, 'detail')),
    ];
    return {
      id: `account-execution-${year}-${asOf}${params.account && years[0] ? `-${years[0].account.code}` : ''}`,
      title: `${year}년 회계별 집행 현황`,
      subtitle: `${asOf} 현재`,
      unitLine: p.unitLine,
      asOf,
      sections: [{ kind: 'table', title: '회계별 집행 현황', unitLine: p.unitLine, columns: COLUMNS, rows }],
      footnotes: [
        `※ 지출액 누계와 예산현액은 ${asOf}까지 기록된 원장 기준`,
        '※ 집행잔액 = 예산현액 − 지출액 누계, 집행률 = 지출액 누계 / 예산현액 × 100',
      ],
      source: '예산·민간위탁 관리대장 (세출 원장)',
    };
  },
};

export default definition;
