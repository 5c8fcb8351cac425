/**
 * 위탁사업비 정산서: 교부액, 이자, 집행액 and 반납액 (= 교부액 + 이자 − 집행액), then the operator's
 * spending by calculation-basis category against the plan, a category that overspends its plan by more
 * than the margin in force being marked. Prints the confirmed settlement, else the open one, else a
 * provisional one computed from the current records (labelled as such).
 */
import { settlementReturn } from '../../domain/consignment-return';
import { executionRate } from '../../domain/money';
import {
  currentSettlement,
  overspendMarginOn,
  settlementFigures,
  SettlementLineFigures,
} from '../../server/queries/consignments/settlements';
import type { ReportModel, ReportRow } from '../engine/model';
import type { ReportDefinition } from '../registry';
import {
  CONSIGNMENT_REPORT_ROLES,
  consignmentOverview,
  rateCell,
  reportSubject,
  textCell,
  UNIT_LINE_WON,
  won,
  wonCell,
} from './consignment-common';

const STATUS_KO = { submitted: '제출', reviewed: '검토 완료', confirmed: '확정', superseded: '대체됨' } as const;

const definition: ReportDefinition = {
  name: 'consignment-settlement',
  title: '위탁사업비 정산서',
  required: ['consignment', 'year'],
  optional: ['asOf'],
  roles: CONSIGNMENT_REPORT_ROLES,
  async build(em, params, ctx): Promise<ReportModel> {
    const subject = await reportSubject(em, params, ctx);
    const { c, year } = subject;
    const stored = await currentSettlement(em, c.id, year);
    const margin = stored?.overspendMargin ?? (await overspendMarginOn(em, `${year}-12-31`));
    const live = await settlementFigures(em, c.id, year, margin);
    const fig = stored
      ? {
          granted: stored.granted,
          interest: stored.interest,
          spent: stored.spent,
          returnAmount: stored.returnAmount,
          flagged: stored.flagged,
          lines: stored.lines as SettlementLineFigures[],
        }
      : {
          granted: live.granted,
          interest: live.interest,
          spent: live.spent,
          returnAmount: live.returnAmount,
          flagged: live.flagged,
          lines: live.lines,
        };
    const { principalReturn: principal, interestReturn } = settlementReturn(fig.granted, fig.interest, fig.spent);

    const status = stored
      ? [
          `${STATUS_KO[stored.status]}`,
          `제출 ${stored.submittedOn}`,
          stored.reviewedOn ? `검토 ${stored.reviewedOn}` : '',
          stored.confirmedOn ? `확정 ${stored.confirmedOn}` : '',
        ]
          .filter(Boolean)
          .join(' · ')
      : '미제출 — 현재 기록 기준 가정산';

    const summary: ReportRow[] = [
      {
        depth: 0,
        style: 'total',
        cells: {
          granted: wonCell(fig.granted),
          interest: wonCell(fig.interest),
          spent: wonCell(fig.spent),
          returnAmount: wonCell(fig.returnAmount),
          principal: wonCell(principal),
          interestReturn: wonCell(interestReturn),
        },
      },
    ];

    const top = fig.lines.filter((l) => !l.parentCode);
    const catRows: ReportRow[] = [];
    for (const l of top) {
      const children = fig.lines.filter((k) => k.parentCode === l.code);
      catRows.push(lineRow(l, 0, children.length ? 'subtotal' : 'detail', margin));
      for (const k of children) catRows.push(lineRow(k, 1, 'detail', margin));
    }
    const plannedTotal = top.reduce((s, l) => s + l.planned, 0);
    const spentTotal = top.reduce((s, l) => s + l.spent, 0);
    catRows.push({
      depth: 0,
      style: 'total',
      cells: {
        name: textCell('계'),
        planned: wonCell(plannedTotal),
        spent: wonCell(spentTotal),
        balance: wonCell(plannedTotal - spentTotal),
        rate: rateCell(executionRate(spentTotal, plannedTotal)),
        note: textCell(fig.flagged ? '초과 비목 있음' : ''),
      },
    });

    const footnotes = [
      '※ 반납액 = 교부액 + 이자 − 집행액',
      `※ 비목별 집행액이 계획을 ${margin}% 넘게 초과하면 비고에 '허용범위 초과'로 표시`,
      '※ 미집행 교부금은 세출 지출반납(집행액 감액)으로, 이자는 세입으로 반납',
    ];
    if (
      stored &&
      stored.status !== 'confirmed' &&
      (live.granted !== stored.granted || live.spent !== stored.spent || live.interest !== stored.interest)
    ) {
      footnotes.push('※ 제출 후 교부·집행·이자 기록이 바뀌었습니다: 정산을 다시 제출해야 합니다');
    }
    return {
      id: `consignment-settlement-${c.code}-${year}`,
      title: '위탁사업비 정산서',
      subtitle: `${year}년 ${c.name}`,
      unitLine: UNIT_LINE_WON,
      asOf: params.asOf,
      sections: [
        {
          kind: 'keyValue',
          items: [
            ...consignmentOverview(subject),
            { label: '회계연도', text: `${year}년` },
            { label: '정산 상태', text: status },
            { label: '반납액', text: won(fig.returnAmount) },
          ],
        },
        {
          kind: 'table',
          title: '정산 총괄',
          columns: [
            { key: 'granted', label: '교부액 (A)', kind: 'amount', width: 16 },
            { key: 'interest', label: '이자 (B)', kind: 'amount', width: 14 },
            { key: 'spent', label: '집행액 (C)', kind: 'amount', width: 16 },
            { key: 'returnAmount', label: '반납액 (A+B−C)', kind: 'amount', width: 16 },
            { key: 'principal', label: '미집행 교부금', kind: 'amount', width: 16 },
            { key: 'interestReturn', label: '이자 반납', kind: 'amount', width: 14 },
          ],
          headerRows: [
            [
              { label: '교부액 (A)', rowSpan: 2 },
              { label: '이자 (B)', rowSpan: 2 },
              { label: '집행액 (C)', rowSpan: 2 },
              { label: '반납액 (A+B−C)', rowSpan: 2 },
              { label: '반납 내역', colSpan: 2 },
            ],
            [{ label: '미집행 교부금' }, { label: '이자' }],
          ],
          rows: summary,
        },
        {
          kind: 'table',
          title: '비목별 집행 내역',
          columns: [
            { key: 'name', label: '비목', kind: 'text', width: 34 },
            { key: 'planned', label: '계획', kind: 'amount', width: 16 },
            { key: 'spent', label: '집행액', kind: 'amount', width: 16 },
            { key: 'balance', label: '잔액', kind: 'amount', width: 16 },
            { key: 'rate', label: '집행률', kind: 'rate', width: 9 },
            { key: 'note', label: '비고', kind: 'text', width: 18 },
          ],
          rows: catRows,
        },
      ],
      footnotes,
      source: `${c.name} 교부·집행·이자 기록`,
    };
  },
};

function lineRow(l: SettlementLineFigures, depth: number, style: 'subtotal' | 'detail', margin: string): ReportRow {
  return {
    depth,
    style,
    cells: {
      name: textCell(l.name),
      planned: wonCell(l.planned),
      spent: wonCell(l.spent),
      balance: wonCell(l.planned - l.spent),
      rate: rateCell(executionRate(l.spent, l.planned)),
      note: textCell(l.overspent ? `허용범위(${margin}%) 초과` : ''),
    },
  };
}

export default definition;
