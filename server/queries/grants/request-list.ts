import type { EntityManager } from 'typeorm';
import { ageInDays, GRANT_REQUEST_STATUS_KO } from '../../../domain/grant-requests';
import type { GridPage, GridQuery, ListDefinition } from '../../requests/grid';
import { RequestContext } from '../../context';
import { readableUnits } from '../../access/department-rows';
import { requestGridRows } from '../../store/consignments/grant-list';

/** Statuses still waiting on the city: a decision (신청) or the payment (교부결정). */
const PENDING = new Set(['requested', 'decided']);

/**
 * 교부 신청 (issue 17): every request with its status (신청 · 교부결정 · 교부 · 반려 · 철회), the dates
 * and people of each step, and for pending requests their age in days.
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
      { key: 'status', label: '상태', sortable: true, labels: GRANT_REQUEST_STATUS_KO, width: 10 },
      { key: 'requestedOn', label: '신청일', type: 'date', sortable: true },
      { key: 'requestedAmount', label: '신청액(원)', type: 'money', sortable: true },
      { key: 'requestedBy', label: '신청 기록자', width: 14 },
      { key: 'ageDays', label: '경과일', type: 'number', width: 8 },
      { key: 'decidedOn', label: '결정일', type: 'date', sortable: true },
      { key: 'decidedAmount', label: '결정액(원)', type: 'money', sortable: true },
      { key: 'decidedBy', label: '결정자', width: 14 },
      { key: 'paidOn', label: '교부일', type: 'date', sortable: true },
      { key: 'paidBy', label: '교부자', width: 14 },
      { key: 'withdrawnOn', label: '철회일', type: 'date', sortable: true },
      { key: 'withdrawnBy', label: '철회자', width: 14 },
      { key: 'decisionReason', label: '반려·결정 사유', width: 30 },
      { key: 'note', label: '비고', width: 30 },
    ],
    filters: [
      {
        key: 'status',
        label: '상태',
        kind: 'select',
        options: [
          { value: 'open', label: '처리 대기(신청·교부결정)' },
          ...Object.entries(GRANT_REQUEST_STATUS_KO).map(([value, label]) => ({ value, label })),
        ],
      },
      { key: 'consignment', label: '위탁사무', kind: 'select', options: consignments },
      { key: 'year', label: '회계연도', kind: 'year' },
      { key: 'quarter', label: '분기', kind: 'select', options: [1, 2, 3, 4].map((q) => ({ value: String(q), label: `${q}분기` })) },
      { key: 'from', label: '신청일 시작', kind: 'date' },
      { key: 'to', label: '신청일 끝', kind: 'date' },
    ],
    defaultSort: { key: 'requestedOn', desc: false },
    searchLabel: '위탁사무·비고·사유·사람 검색',
  };
}

/** A page of the requests the reader may see; `ageDays` for pending ones (as of `asOf`), empty for closed ones. */
export async function requestGrid(
  em: EntityManager,
  ctx: RequestContext,
  query: GridQuery,
  window: { skip: number; take: number },
  asOf: string,
): Promise<GridPage<Record<string, unknown>>> {
  const page = await requestGridRows(em, await readableUnits(em, ctx), query, window);
  return {
    ...page,
    rows: page.rows.map((r) => ({
      ...r,
      ageDays: PENDING.has(String(r.status)) ? ageInDays(String(r.requestedOn), asOf) : null,
    })),
  };
}

/** Where a request row leads: its card on the consignment page while pending, the page's grants section once closed. */
export function requestHref(r: Record<string, unknown>): string {
  const base = `/consignments/${Number(r.consignmentId)}?year=${Number(r.fiscalYear)}`;
  return PENDING.has(String(r.status)) ? `${base}#request-${Number(r.id)}` : `${base}#grants`;
}
