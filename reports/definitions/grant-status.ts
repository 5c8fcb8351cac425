/**
 * 분기별 위탁금 교부 현황: per quarter the approved plan (교부계획) against what was granted (교부액),
 * cumulative figures, what remains of the year's plan and the 집행률 (누계 교부액 / 예산현액 — grants are
 * the 집행액 of the funding program), then every grant with its request, decision and payment.
 */
import { sumWon } from '../../domain/money';
import { fundingProgramYear, grantStatus } from '../../server/queries/consignments/grants';
import { fundingLineFigures } from '../../server/queries/consignments/funding-line';
import type { ReportModel, ReportRow } from '../engine/model';
import type { ReportDefinition } from '../registry';
import { CONSIGNMENT_REPORT_ROLES, consignmentOverview, rateCell, reportSubject, textCell } from './consignment-common';
import { presentationOf } from './ledger-common';

const definition: ReportDefinition = {
  name: 'grant-status',
  title: '분기별 위탁금 교부 현황',
  required: ['consignment', 'year'],
  optional: ['asOf', 'unit', 'rateDecimals'],
  roles: CONSIGNMENT_REPORT_ROLES,
  async build(em, params, ctx): Promise<ReportModel> {
    // 원 by default: a grant is checked to the won
    const p = presentationOf(params, { unit: 'won' });
    const wonCell = (n: number) => p.amount(n);
    const won = (n: number) => p.amountText(n);
    const executionRate = (executed: number, current: number) => p.executionRate({ executed, current });
    const subject = await reportSubject(em, params, ctx);
    const { c, year } = subject;
    const py = await fundingProgramYear(em, c, year, 'year');
    const line = await fundingLineFigures(em, py.id, c.expenseItem);
    const st = await grantStatus(em, c.id, year);
    const rows: ReportRow[] = st.rows.map((r) => ({
      depth: 0,
      style: 'detail',
      cells: {
        quarter: textCell(`${r.quarter}분기`),
        planned: wonCell(r.planned),
        granted: wonCell(r.granted),
        cumPlanned: wonCell(r.cumulativePlanned),
        cumGranted: wonCell(r.cumulativeGranted),
        remaining: wonCell(st.planTotal - r.cumulativeGranted),
        rate: rateCell(executionRate(r.cumulativeGranted, line.current)),
      },
    }));
    rows.push({
      depth: 0,
      style: 'total',
      cells: {
        quarter: textCell('계'),
        planned: wonCell(st.planTotal),
        granted: wonCell(st.granted),
        cumPlanned: wonCell(st.planTotal),
        cumGranted: wonCell(st.granted),
        remaining: wonCell(st.remaining),
        rate: rateCell(executionRate(st.granted, line.current)),
      },
    });
    const grants: ReportRow[] = st.disbursements.map((d) => ({
      depth: 0,
      style: 'detail',
      cells: {
        quarter: textCell(`${d.quarter}분기`),
        requestedOn: textCell(d.requestedOn),
        requested: wonCell(d.requestedAmount),
        decidedOn: textCell(d.decidedOn ?? ''),
        paidOn: textCell(d.paidOn ?? ''),
        paid: wonCell(d.paidAmount ?? 0),
        note: textCell([d.lumpSum ? `일괄·신속교부: ${d.lumpSumReason}` : '', d.sample ? '예시' : ''].filter(Boolean).join(' / ')),
      },
    }));
    grants.push({
      depth: 0,
      style: 'total',
      cells: {
        quarter: textCell('계'),
        requestedOn: textCell(''),
        requested: wonCell(sumWon(st.disbursements.map((d) => d.requestedAmount))),
        decidedOn: textCell(''),
        paidOn: textCell(''),
        paid: wonCell(st.granted),
        note: textCell(''),
      },
    });
    const footnotes = ['※ 집행률 = 누계 교부액 / 예산현액 × 100', '※ 잔액 = 연간 교부계획 − 누계 교부액'];
    if (!st.plan) footnotes.push('※ 승인된 교부계획이 없습니다');
    if (st.plan?.sample) footnotes.push('※ 분기별 교부계획 금액은 문서에 없는 예시(sample)입니다');
    return {
      id: `grant-status-${c.code}-${year}`,
      title: '분기별 위탁금 교부 현황',
      subtitle: `${year}년 ${c.name}`,
      unitLine: p.unitLine,
      asOf: params.asOf,
      sections: [
        {
          kind: 'keyValue',
          items: [
            ...consignmentOverview(subject),
            { label: '재원', text: `${py.name} · ${c.expenseItem}` },
            { label: '예산현액', text: won(line.current) },
            { label: '교부계획', text: st.plan ? `${st.plan.version}차 (${st.plan.approvedOn} 승인) ${won(st.plan.total)}` : '없음' },
          ],
        },
        {
          kind: 'table',
          title: '분기별 교부 현황',
          columns: [
            { key: 'quarter', label: '구분', kind: 'text', width: 10 },
            { key: 'planned', label: '교부계획', kind: 'amount', width: 16 },
            { key: 'granted', label: '교부액', kind: 'amount', width: 16 },
            { key: 'cumPlanned', label: '교부계획', kind: 'amount', width: 16 },
            { key: 'cumGranted', label: '교부액', kind: 'amount', width: 16 },
            { key: 'remaining', label: '잔액', kind: 'amount', width: 16 },
            { key: 'rate', label: '집행률', kind: 'rate', width: 9 },
          ],
          headerRows: [
            [
              { label: '구분', rowSpan: 2 },
              { label: '분기', colSpan: 2 },
              { label: '누계', colSpan: 2 },
              { label: '잔액', rowSpan: 2 },
              { label: '집행률', rowSpan: 2 },
            ],
            [{ label: '교부계획' }, { label: '교부액' }, { label: '교부계획' }, { label: '교부액' }],
          ],
          rows,
        },
        {
          kind: 'table',
          title: '교부 내역',
          columns: [
            { key: 'quarter', label: '분기', kind: 'text', width: 8 },
            { key: 'requestedOn', label: '신청일', kind: 'text', width: 12 },
            { key: 'requested', label: '신청액', kind: 'amount', width: 16 },
            { key: 'decidedOn', label: '교부결정일', kind: 'text', width: 12 },
            { key: 'paidOn', label: '교부일', kind: 'text', width: 12 },
            { key: 'paid', label: '교부액', kind: 'amount', width: 16 },
            { key: 'note', label: '비고', kind: 'text', width: 24 },
          ],
          rows: grants,
        },
      ],
      footnotes,
      source: `${c.name} 교부계획·교부 기록`,
    };
  },
};

export default definition;
