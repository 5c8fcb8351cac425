import type { EntityManager } from 'typeorm';
import type { GridPage, GridQuery, ListDefinition } from '../../requests/grid';
import { RequestContext } from '../../context';
import { readableUnits } from '../../access/department-rows';
import { disbursementGridRows } from '../../store/consignments/grant-list';

/**
 * 교부 신청: today's model of a request is a grant in status `requested` (saved without a payment
 * date). Kept in its own module so that the 신청 → 결정 → 교부 model (issue #17, h-flows) can replace
 * the query without touching the grid.
 */
export function requestList(consignments: { value: string; label: string }[]): ListDefinition {
  return {
    id: 'grant-requests',
    title: '위탁금 교부 신청',
    columns: [
      { key: 'id', label: '번호', type: 'number', sortable: true, width: 8 },
      { key: 'consignment', label: '위탁사무', sortable: true, width: 30 },
      { key: 'fiscalYear', label: '연도', type: 'number', sortable: true, width: 8 },
      { key: 'quarter', label: '분기', type: 'number', sortable: true, width: 6 },
      { key: 'requestedOn', label: '신청일', type: 'date', sortable: true },
      { key: 'requestedAmount', label: '신청액(원)', type: 'money', sortable: true },
      { key: 'note', label: '비고', width: 30 },
    ],
    filters: [
      { key: 'consignment', label: '위탁사무', kind: 'select', options: consignments },
      { key: 'year', label: '회계연도', kind: 'year' },
      { key: 'quarter', label: '분기', kind: 'select', options: [1, 2, 3, 4].map((q) => ({ value: String(q), label: `${q}분기` })) },
    ],
    defaultSort: { key: 'requestedOn', desc: false },
    searchLabel: '위탁사무·비고 검색',
  };
}

/** A page of the pending requests the reader may see, oldest first. */
export async function requestGrid(
  em: EntityManager,
  ctx: RequestContext,
  query: GridQuery,
  window: { skip: number; take: number },
): Promise<GridPage<Record<string, unknown>>> {
  return disbursementGridRows(em, await readableUnits(em, ctx), { ...query, filters: { ...query.filters, status: 'requested' } }, window);
}
