import type { EntityManager } from 'typeorm';
import type { GridPage, GridQuery, ListDefinition } from '../../requests/grid';
import { auditChoices, auditGridRows } from '../../store/audit-list';

const opts = (vs: string[]) => vs.map((v) => ({ value: v, label: v }));

/** 감사 기록: who changed what and when, filterable by action, entity, actor and date. */
export async function auditList(em: EntityManager): Promise<ListDefinition> {
  const c = await auditChoices(em);
  return {
    id: 'audit',
    title: '감사 기록',
    columns: [
      { key: 'id', label: '번호', type: 'number', sortable: true, width: 8 },
      { key: 'at', label: '일시', type: 'datetime', sortable: true },
      { key: 'actorName', label: '한 사람', sortable: true, width: 20 },
      { key: 'action', label: '작업', sortable: true, width: 28 },
      { key: 'entity', label: '대상', sortable: true, width: 20 },
      { key: 'entityId', label: '대상 번호', sortable: true, width: 12 },
    ],
    filters: [
      { key: 'action', label: '작업', kind: 'select', options: opts(c.actions) },
      { key: 'entity', label: '대상', kind: 'select', options: opts(c.entities) },
      { key: 'actor', label: '한 사람', kind: 'select', options: opts(c.actors) },
      { key: 'from', label: '시작일', kind: 'date' },
      { key: 'to', label: '종료일', kind: 'date' },
      { key: 'entityId', label: '대상 번호', kind: 'text', hidden: true },
    ],
    defaultSort: { key: 'id', desc: true },
    searchLabel: '사람·작업·대상 검색',
  };
}

export function auditGrid(
  em: EntityManager,
  query: GridQuery,
  window: { skip: number; take: number },
): Promise<GridPage<Record<string, unknown>>> {
  return auditGridRows(em, query, window);
}
