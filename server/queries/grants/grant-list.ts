import type { EntityManager } from 'typeorm';
import type { GridPage, GridQuery, ListDefinition } from '../../requests/grid';
import { RequestContext } from '../../context';
import { readableUnits } from '../../access/department-rows';
import { consignmentChoices, disbursementGridRows, planGridRows } from '../../store/consignments/grant-list';

type Window = { skip: number; take: number };

export const DISBURSEMENT_STATUS_KO: Record<string, string> = {
  requested: '신청',
  decided: '교부결정',
  paid: '교부',
  rejected: '반려',
  withdrawn: '철회',
  reversal: '교부 취소',
};
export const PLAN_STATUS_KO: Record<string, string> = { draft: '초안', approved: '승인', superseded: '대체됨' };
const QUARTER_OPTIONS = [1, 2, 3, 4].map((q) => ({ value: String(q), label: `${q}분기` }));

/** The consignments a reader may see, as a grid's filter. */
export async function consignmentFilterOptions(em: EntityManager, ctx: RequestContext) {
  return (await consignmentChoices(em, await readableUnits(em, ctx))).map((c) => ({ value: String(c.id), label: c.name }));
}

/** 교부 내역: the grants across every consignment the reader may see. */
export function disbursementList(consignments: { value: string; label: string }[]): ListDefinition {
  return {
    id: 'grants',
    title: '위탁금 교부 내역',
    columns: [
      { key: 'id', label: '번호', type: 'number', sortable: true, width: 8 },
      { key: 'consignment', label: '위탁사무', sortable: true, width: 30 },
      { key: 'fiscalYear', label: '연도', type: 'number', sortable: true, width: 8 },
      { key: 'quarter', label: '분기', type: 'number', sortable: true, width: 6 },
      { key: 'status', label: '상태', sortable: true, labels: DISBURSEMENT_STATUS_KO, width: 10 },
      { key: 'requestedOn', label: '신청일', type: 'date', sortable: true },
      { key: 'requestedAmount', label: '신청액(원)', type: 'money', sortable: true },
      { key: 'paidOn', label: '교부일', type: 'date', sortable: true },
      { key: 'paidAmount', label: '교부액(원)', type: 'money', sortable: true },
      { key: 'note', label: '비고', width: 30 },
    ],
    filters: [
      { key: 'consignment', label: '위탁사무', kind: 'select', options: consignments },
      { key: 'year', label: '회계연도', kind: 'year' },
      { key: 'quarter', label: '분기', kind: 'select', options: QUARTER_OPTIONS },
      {
        key: 'status',
        label: '상태',
        kind: 'select',
        options: ['requested', 'decided', 'paid', 'rejected', 'reversal'].map((v) => ({ value: v, label: DISBURSEMENT_STATUS_KO[v] })),
      },
      { key: 'from', label: '신청일 부터', kind: 'date' },
      { key: 'to', label: '신청일 까지', kind: 'date' },
      { key: 'id', label: '교부 번호', kind: 'id', hidden: true },
    ],
    defaultSort: { key: 'id', desc: true },
    searchLabel: '위탁사무·비고 검색',
  };
}

/** A page of the grants the reader may see (department scope row by row, as the consignment pages). */
export async function disbursementGrid(
  em: EntityManager,
  ctx: RequestContext,
  query: GridQuery,
  window: Window,
): Promise<GridPage<Record<string, unknown>>> {
  return disbursementGridRows(em, await readableUnits(em, ctx), query, window);
}

/** 교부계획: every version of the grant plans of the consignments the reader may see. */
export function planList(consignments: { value: string; label: string }[]): ListDefinition {
  return {
    id: 'grant-plans',
    title: '위탁금 교부계획',
    columns: [
      { key: 'consignment', label: '위탁사무', sortable: true, width: 30 },
      { key: 'fiscalYear', label: '연도', type: 'number', sortable: true, width: 8 },
      { key: 'version', label: '버전', type: 'number', sortable: true, width: 6 },
      { key: 'status', label: '상태', sortable: true, labels: PLAN_STATUS_KO, width: 8 },
      { key: 'q1', label: '1분기(원)', type: 'money', sortable: true },
      { key: 'q2', label: '2분기(원)', type: 'money', sortable: true },
      { key: 'q3', label: '3분기(원)', type: 'money', sortable: true },
      { key: 'q4', label: '4분기(원)', type: 'money', sortable: true },
      { key: 'total', label: '합계(원)', type: 'money', sortable: true },
      { key: 'approvedOn', label: '승인일', type: 'date', sortable: true },
      { key: 'reason', label: '변경 사유', width: 30 },
    ],
    filters: [
      { key: 'consignment', label: '위탁사무', kind: 'select', options: consignments },
      { key: 'year', label: '회계연도', kind: 'year' },
      { key: 'status', label: '상태', kind: 'select', options: Object.entries(PLAN_STATUS_KO).map(([value, label]) => ({ value, label })) },
    ],
    defaultSort: { key: 'fiscalYear', desc: true },
    searchLabel: '위탁사무·사유 검색',
  };
}

export async function planGrid(
  em: EntityManager,
  ctx: RequestContext,
  query: GridQuery,
  window: Window,
): Promise<GridPage<Record<string, unknown>>> {
  return planGridRows(em, await readableUnits(em, ctx), query, window);
}
