import type { EntityManager } from 'typeorm';
import { FINDING_KIND_KO, FINDING_STATUS_KO, STATUS_KO } from '../../../domain/inspection-labels';
import type { GridPage, GridQuery, ListDefinition } from '../../requests/grid';
import { RequestContext } from '../../context';
import { readableUnits } from '../../access/department-rows';
import { findingGridRows, inspectionGridRows } from '../../store/inspections/inspection-list';

/** A finding's inspection as the findings grid marks it: a submitted one is not yet approved. */
const INSPECTION_STAGE_KO: Record<string, string> = { draft: '작성 중(본인만)', submitted: '제출 · 승인 전', approved: '승인' };

type Window = { skip: number; take: number };
type Options = { value: string; label: string }[];
const options = (labels: Record<string, string>): Options => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** 점검 목록: the inspections of the consignments the reader may see. */
export function inspectionList(consignments: Options): ListDefinition {
  return {
    id: 'inspections',
    title: '지도점검 목록',
    columns: [
      { key: 'title', label: '점검', sortable: true, width: 36 },
      { key: 'consignment', label: '위탁사무', sortable: true, width: 28 },
      { key: 'fiscalYear', label: '연도', type: 'number', sortable: true, width: 8 },
      { key: 'round', label: '회차', type: 'number', sortable: true, width: 6 },
      { key: 'actualDate', label: '점검일', type: 'date', sortable: true },
      { key: 'status', label: '상태', sortable: true, labels: STATUS_KO, width: 8 },
      { key: 'findings', label: '지적', type: 'number', sortable: true, width: 8 },
      { key: 'openFindings', label: '조치 중', type: 'number', sortable: true, width: 8 },
    ],
    filters: [
      { key: 'consignment', label: '위탁사무', kind: 'select', options: consignments },
      { key: 'year', label: '회계연도', kind: 'year' },
      { key: 'status', label: '상태', kind: 'select', options: options(STATUS_KO) },
    ],
    defaultSort: { key: 'fiscalYear', desc: true },
    searchLabel: '점검명·위탁사무·문서번호 검색',
    pageSize: 20,
  };
}

export async function inspectionGrid(
  em: EntityManager,
  ctx: RequestContext,
  query: GridQuery,
  window: Window,
): Promise<GridPage<Record<string, unknown>>> {
  return inspectionGridRows(em, await readableUnits(em, ctx), query, window);
}

/** 지적사항: every finding of the current inspections the reader may see, overdue ones filterable. */
export function findingList(consignments: Options): ListDefinition {
  return {
    id: 'findings',
    title: '지적사항',
    columns: [
      { key: 'title', label: '지적사항', sortable: true, width: 36 },
      { key: 'consignment', label: '위탁사무', sortable: true, width: 28 },
      { key: 'inspection', label: '점검', sortable: true, width: 30 },
      { key: 'kind', label: '구분', sortable: true, labels: FINDING_KIND_KO, width: 8 },
      { key: 'dueDate', label: '조치 기한', type: 'date', sortable: true },
      { key: 'status', label: '상태', sortable: true, labels: FINDING_STATUS_KO, width: 10 },
      { key: 'inspectionStatus', label: '점검 상태', sortable: true, labels: INSPECTION_STAGE_KO, width: 12 },
      { key: 'actionReportedOn', label: '조치 보고일', type: 'date', sortable: true },
    ],
    filters: [
      { key: 'consignment', label: '위탁사무', kind: 'select', options: consignments },
      { key: 'year', label: '회계연도', kind: 'year' },
      { key: 'kind', label: '구분', kind: 'select', options: options(FINDING_KIND_KO) },
      { key: 'status', label: '상태', kind: 'select', options: options(FINDING_STATUS_KO) },
      { key: 'inspectionStatus', label: '점검 상태', kind: 'select', options: options(INSPECTION_STAGE_KO) },
      {
        key: 'overdue',
        label: '기한',
        kind: 'select',
        options: [
          { value: 'yes', label: '기한 지남' },
          { value: 'no', label: '기한 안' },
        ],
      },
    ],
    defaultSort: { key: 'dueDate', desc: false },
    searchLabel: '지적사항·위탁사무 검색',
  };
}

export async function findingGrid(
  em: EntityManager,
  ctx: RequestContext,
  asOf: string,
  query: GridQuery,
  window: Window,
): Promise<GridPage<Record<string, unknown>>> {
  return findingGridRows(em, await readableUnits(em, ctx), asOf, query, window, ctx.actor.id);
}
