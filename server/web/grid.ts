import { formatInteger } from '../../domain/money';
import { cell, CONTENT_TYPES, render as renderReport, type Cell, type ColumnDef, type ReportModel } from '../../reports/engine';
import {
  GRID_EXPORT_CAP,
  gridQuery,
  gridWindow,
  type GridColumn,
  type GridPage,
  type GridQuery,
  type ListDefinition,
} from '../requests/grid';
import type { PageCall } from './types';

/**
 * The grid on a page: the list's declaration (server/requests/grid.ts), the rows its query answered,
 * and the URL state turned into links (sort headers, pager, 엑셀) for the `grid` macro of
 * templates/grid.njk; and the same rows as a one-table report model, rendered to xlsx by the report
 * engine, for the 엑셀 button.
 */

/** Per row: links of some cells and a mark (e.g. 취소됨) shown after a cell's text. */
export interface RowDecoration {
  links?: Record<string, string | null | undefined>;
  marks?: Record<string, string | null | undefined>;
  /** a class for the row (e.g. "reversed") */
  className?: string;
  /** an id for the row (an anchor other rows link to) */
  anchor?: string;
}

export type Decorate = (row: Record<string, unknown>) => RowDecoration;

/** A cell's printed text, the same on the page and in the export. */
export function cellText(col: GridColumn, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  switch (col.type) {
    case 'money':
      return formatInteger(Number(v));
    case 'number':
      return String(Number(v));
    case 'date':
      return (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);
    case 'datetime':
      return (v instanceof Date ? v.toISOString() : String(v)).slice(0, 16).replace('T', ' ');
    default: {
      const s = String(v);
      return col.labels?.[s] ?? s;
    }
  }
}

const isNumeric = (col: GridColumn) => col.type === 'money' || col.type === 'number';

/** The current query string with some parameters replaced (undefined removes one). */
export function urlWith(path: string, raw: Record<string, unknown>, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === 'string' && s !== '' && !(k in changes)) params.set(k, s);
  }
  for (const [k, v] of Object.entries(changes)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** What the `grid` macro renders. */
export function gridView(
  def: ListDefinition,
  query: GridQuery,
  page: GridPage<Record<string, unknown>>,
  path: string,
  raw: Record<string, unknown>,
  decorate: Decorate = () => ({}),
) {
  const base = { ...raw, format: undefined };
  const pages = Math.max(1, Math.ceil(page.total / query.size));
  const sortParam = (key: string, desc: boolean) =>
    key === def.defaultSort.key && desc === def.defaultSort.desc ? undefined : `${key}${desc ? ':desc' : ''}`;
  const columns = def.columns.map((c) => {
    const active = query.sort.key === c.key;
    // a click on the sorted column turns its order; on another column sorts it ascending (dates and amounts: newest/largest first)
    const nextDesc = active ? !query.sort.desc : c.type === 'date' || c.type === 'datetime' || isNumeric(c);
    return {
      key: c.key,
      label: c.label,
      numeric: isNumeric(c),
      sortable: !!c.sortable,
      ariaSort: active ? (query.sort.desc ? 'descending' : 'ascending') : null,
      href: c.sortable ? urlWith(path, base, { sort: sortParam(c.key, nextDesc), page: undefined }) : null,
    };
  });
  const rows = page.rows.map((r) => {
    const d = decorate(r);
    return {
      className: d.className ?? '',
      anchor: d.anchor ?? '',
      cells: def.columns.map((c) => ({
        text: cellText(c, r[c.key]),
        numeric: isNumeric(c),
        date: c.type === 'date' || c.type === 'datetime',
        href: d.links?.[c.key] ?? null,
        mark: d.marks?.[c.key] ?? null,
      })),
    };
  });
  const at = (n: number) => urlWith(path, base, { page: n === 1 ? undefined : n });
  const windowPages: { n: number; href: string; current: boolean }[] = [];
  for (let n = Math.max(1, query.page - 3); n <= Math.min(pages, query.page + 3); n++)
    windowPages.push({ n, href: at(n), current: n === query.page });
  const first = page.total ? (query.page - 1) * query.size + 1 : 0;
  return {
    id: def.id,
    title: def.title,
    action: path,
    searchLabel: def.searchLabel ?? '검색',
    q: query.q,
    sort: sortParam(query.sort.key, query.sort.desc) ?? '',
    size: query.size === (def.pageSize ?? 50) ? '' : String(query.size),
    filters: def.filters.map((f) => ({ ...f, value: query.filters[f.key] ?? '' })),
    columns,
    rows,
    total: page.total,
    range: page.rows.length ? `${first}–${Math.min(page.total, first + page.rows.length - 1)}` : '0',
    page: query.page,
    pages,
    prev: query.page > 1 ? at(query.page - 1) : null,
    next: query.page < pages ? at(query.page + 1) : null,
    windowPages,
    exportHref: urlWith(path, base, { format: 'xlsx', page: undefined }),
    exportCap: GRID_EXPORT_CAP,
    resetHref: path,
  };
}

/** The filtered view (every page, up to the cap) as a one-table report model. */
export function gridModel(def: ListDefinition, query: GridQuery, page: GridPage<Record<string, unknown>>, asOf: string): ReportModel {
  const columns: ColumnDef[] = def.columns.map((c) => ({
    key: c.key,
    label: c.label,
    kind: c.type === 'money' ? 'amount' : c.type === 'number' ? 'integer' : 'text',
    width: c.width ?? (isNumeric(c) ? 16 : c.type === 'date' ? 12 : c.type === 'datetime' ? 17 : 24),
  }));
  const rows = page.rows.map((r) => {
    const cells: Record<string, Cell> = {};
    for (const c of def.columns) {
      const text = cellText(c, r[c.key]);
      const v = r[c.key];
      cells[c.key] = isNumeric(c) ? cell.num(v === null || v === undefined || v === '' ? null : Number(v), text) : cell.text(text);
    }
    return { depth: 0, style: 'detail' as const, cells };
  });
  const conditions = [
    ...def.filters
      .filter((f) => query.filters[f.key])
      .map((f) => `${f.label}: ${f.options?.find((o) => o.value === query.filters[f.key])?.label ?? query.filters[f.key]}`),
    ...(query.q ? [`검색어: ${query.q}`] : []),
  ];
  const footnotes = page.total > page.rows.length ? [`※ 전체 ${page.total}건 가운데 앞의 ${page.rows.length}건만 담았습니다.`] : [];
  return {
    id: `list-${def.id}`,
    title: def.title,
    subtitle: conditions.length ? `조건 — ${conditions.join(' · ')}` : undefined,
    unitLine: def.columns.some((c) => c.type === 'money') ? '(단위 : 원)' : undefined,
    sections: [{ kind: 'table', columns, rows }],
    footnotes,
    asOf,
  };
}

/** A Content-Disposition naming a Korean file (RFC 5987), with an ASCII fallback. */
export function attachmentDisposition(name: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Serves a grid page: reads the list's query from the URL (400 on a bad one), asks `fetch` for the
 * window, and either renders `view` with `grid` (plus `data`) or sends the filtered view as xlsx.
 */
export async function serveGrid(
  call: PageCall,
  def: ListDefinition,
  fetch: (query: GridQuery, window: { skip: number; take: number }) => Promise<GridPage<Record<string, unknown>>>,
  view: string,
  data: Record<string, unknown> = {},
  decorate?: Decorate,
  status = 200,
): Promise<void> {
  const raw = call.req.query as Record<string, unknown>;
  const query = await gridQuery(def, raw);
  const page = await fetch(query, gridWindow(query));
  if (query.format === 'xlsx') {
    const today = new Date().toISOString().slice(0, 10);
    const model = gridModel(def, query, page, today);
    call.res.setHeader('Content-Type', CONTENT_TYPES.xlsx);
    call.res.setHeader('Content-Disposition', attachmentDisposition(`${def.title}_${today}.xlsx`, `${def.id}-${today}.xlsx`));
    await renderReport(model, 'xlsx', call.res);
    if (!call.res.writableEnded) call.res.end();
    return;
  }
  call.render(view, { title: def.title, ...data, grid: gridView(def, query, page, call.req.path, raw, decorate) }, status);
}
