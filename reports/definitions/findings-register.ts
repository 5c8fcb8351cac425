/**
 * 지적사항 관리대장: open findings (not yet verified) of approved inspections across the consignments
 * the reader may see, overdue first (most overdue first), then by due date. Optional year (of the
 * inspection), org (department, with its sub-units), consignment and asOf (default today).
 */
import { formatInteger } from '../../domain/money';
import { FINDING_KIND_KO, FINDING_STATUS_KO } from '../../domain/inspection-labels';
import { INSPECTION_READERS } from '../../server/access/inspection-roles';
import { findingsRegisterOf, RegisterEntry } from '../../server/queries/inspections/register';
import { cell, ReportModel, ReportRow } from '../engine/model';
import type { ReportDefinition } from '../registry';
import { koDate } from './inspection-result';

function row(e: RegisterEntry): ReportRow {
  return {
    depth: 1,
    style: 'detail',
    cells: {
      title: cell.text(e.title),
      consignment: cell.text(e.consignmentName),
      inspection: cell.text(`${e.fiscalYear}년 ${koDate(e.inspectionDate)}`),
      kind: cell.text(FINDING_KIND_KO[e.kind]),
      due: cell.text(e.dueDate ? koDate(e.dueDate) : '-'),
      overdue: e.daysOverdue === null ? cell.num(null, '-') : cell.num(e.daysOverdue, formatInteger(e.daysOverdue)),
      status: cell.text(FINDING_STATUS_KO[e.status]),
      repeat: cell.num(e.uncorrectedCount, `${formatInteger(e.uncorrectedCount)}회`),
    },
  };
}

const definition: ReportDefinition = {
  name: 'findings-register',
  title: '지적사항 관리대장(미완료)',
  required: [],
  optional: ['year', 'org', 'consignment', 'asOf'],
  roles: INSPECTION_READERS,
  async build(em, params, ctx): Promise<ReportModel> {
    const asOf = params.asOf ?? new Date().toISOString().slice(0, 10);
    const entries = await findingsRegisterOf(em, ctx, {
      asOf,
      year: params.year,
      org: params.org,
      consignment: params.consignment || undefined,
    });
    const overdue = entries.filter((e) => e.overdue);
    const pending = entries.filter((e) => !e.overdue);
    const group = (label: string, list: RegisterEntry[]): ReportRow[] => [
      { depth: 0, style: 'department', cells: { title: cell.text(`${label} (${formatInteger(list.length)}건)`) } },
      ...list.map(row),
    ];
    return {
      id: `findings-register-${asOf}`,
      title: '지적사항 관리대장',
      subtitle: `${koDate(asOf)} 기준 미완료 지적사항${params.year ? ` · ${params.year}년 점검` : ''}`,
      sections: [
        {
          kind: 'table',
          unitLine: '(단위 : 일, 회)',
          columns: [
            { key: 'title', label: '지적사항', kind: 'text', width: 44 },
            { key: 'consignment', label: '위탁사무', kind: 'text', width: 24 },
            { key: 'inspection', label: '점검', kind: 'text', width: 18 },
            { key: 'kind', label: '구분', kind: 'text', width: 6 },
            { key: 'due', label: '조치기한', kind: 'text', width: 13 },
            { key: 'overdue', label: '경과일수', kind: 'integer', width: 9 },
            { key: 'status', label: '상태', kind: 'text', width: 10 },
            { key: 'repeat', label: '지적 횟수', kind: 'integer', width: 9 },
          ],
          rows: [...group('조치기한 경과', overdue), ...group('조치기한 내·기한 없음', pending)],
          footnotes: [
            '※ 승인된 지도점검의 지적사항 중 확인 완료되지 않은 것 (정정된 점검은 정정본 기준)',
            '※ 지적 횟수: 같은 지적사항이 정당한 사유 없이 시정되지 않은 횟수 (민간위탁 재계약 제외 사유 ③ 판단 자료)',
          ],
        },
      ],
      asOf,
      orientation: 'landscape',
    };
  },
};

export default definition;
