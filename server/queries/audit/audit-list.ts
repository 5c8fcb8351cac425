import type { EntityManager } from 'typeorm';
import type { GridPage, GridQuery, ListDefinition } from '../../requests/grid';
import { auditActionLabel, auditEntityLabel } from '../../../domain/audit-labels';
import { auditChoices, auditGridRows } from '../../store/audit-list';

/** Filter choices: the stored code as the value, its Korean label on screen (sorted by label). */
const opts = (vs: string[], label: (v: string) => string) =>
  vs.map((v) => ({ value: v, label: label(v) })).sort((a, b) => a.label.localeCompare(b.label, 'ko') || a.value.localeCompare(b.value));
const same = (v: string) => v;

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
      { key: 'action', label: '작업', kind: 'select', options: opts(c.actions, auditActionLabel) },
      { key: 'entity', label: '대상', kind: 'select', options: opts(c.entities, auditEntityLabel) },
      { key: 'actor', label: '한 사람', kind: 'select', options: opts(c.actors, same) },
      { key: 'from', label: '시작일', kind: 'date' },
      { key: 'to', label: '종료일', kind: 'date' },
      { key: 'entityId', label: '대상 번호', kind: 'text', hidden: true },
    ],
    defaultSort: { key: 'id', desc: true },
    searchLabel: '사람·작업·대상 검색',
  };
}

/** A page of the trail with Korean labels in `action` and `entity` (the page and the xlsx alike); the codes stay in `actionCode`/`entityCode`. */
export async function auditGrid(
  em: EntityManager,
  query: GridQuery,
  window: { skip: number; take: number },
): Promise<GridPage<Record<string, unknown>>> {
  const page = await auditGridRows(em, query, window);
  return {
    ...page,
    rows: page.rows.map((r) => ({
      ...r,
      actionCode: r.action,
      entityCode: r.entity,
      action: auditActionLabel(r.action as string | null),
      entity: auditEntityLabel(r.entity as string | null),
    })),
  };
}
