import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DomainError, invalid } from '../../domain/errors';
import { validateInput } from './validation';

/**
 * The grid: every list of the pages sorts, filters, searches and pages on the server, with its state
 * in the URL (sort=<column>[:desc], one parameter per declared filter, q=, page=, size=). A list
 * declares its columns and filters once (`ListDefinition`); the page, the SQL (server/store/grid.ts,
 * whitelisted expressions per key) and the 엑셀 export read the same declaration.
 */

export type GridColumnType = 'text' | 'money' | 'number' | 'date' | 'datetime';

export interface GridColumn {
  key: string;
  /** the Korean header */
  label: string;
  type?: GridColumnType;
  sortable?: boolean;
  /** Korean words for a code column (status, kind, role): shown on the page and in the export */
  labels?: Record<string, string>;
  /** Excel column width in characters */
  width?: number;
}

export interface GridFilterOption {
  value: string;
  label: string;
}

export interface GridFilter {
  key: string;
  label: string;
  /** select: one of `options`; text: free text (at most 100 characters); date: YYYY-MM-DD; year: a fiscal year */
  kind: 'select' | 'text' | 'date' | 'year' | 'id';
  options?: GridFilterOption[];
  /** set by links (e.g. an entry and its reversal), kept in the form as a hidden field, not typed */
  hidden?: boolean;
}

export interface ListDefinition {
  id: string;
  /** the page title and the export's sheet title */
  title: string;
  columns: GridColumn[];
  filters: GridFilter[];
  defaultSort: { key: string; desc: boolean };
  /** what the search box looks in, for its label ("사업명·비목·사유") */
  searchLabel?: string;
  /** rows per page unless size= says otherwise */
  pageSize?: number;
}

export interface GridQuery {
  sort: { key: string; desc: boolean };
  /** the declared filters that hold a value */
  filters: Record<string, string>;
  q: string;
  page: number;
  size: number;
  format: 'html' | 'xlsx';
}

/** At most this many rows on one page. */
export const GRID_MAX_PAGE_SIZE = 200;
/** At most this many rows in one export (all pages of the filtered view, not just the current one). */
export const GRID_EXPORT_CAP = 5000;

/** The query-string parameters every grid reads (filters are checked against the list's declaration). */
export class GridParams {
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @Matches(/^[A-Za-z][A-Za-z0-9]*(:(asc|desc))?$/)
  sort?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(GRID_MAX_PAGE_SIZE)
  size?: number;

  @IsOptional()
  @IsIn(['html', 'xlsx'])
  format?: 'html' | 'xlsx';
}

const GRID_KEYS = ['sort', 'q', 'page', 'size', 'format'];

function firstOf(v: unknown): string | undefined {
  if (Array.isArray(v)) return firstOf(v[0]);
  return typeof v === 'string' ? v : undefined;
}

/**
 * A grid's query string read and checked against its list: an unknown or unsortable column, a
 * filter value that is not one of the list's options, a malformed date → 400 naming the parameter.
 * Parameters the list does not declare are left to the page (e.g. year=).
 */
export async function gridQuery(def: ListDefinition, raw: Record<string, unknown>): Promise<GridQuery> {
  const plain: Record<string, string> = {};
  for (const k of GRID_KEYS) {
    const v = firstOf(raw[k]);
    if (v !== undefined && v !== '') plain[k] = v;
  }
  const p = await validateInput(GridParams, plain, 'query');
  let sort = def.defaultSort;
  if (p.sort) {
    const [key, dir] = p.sort.split(':');
    const col = def.columns.find((c) => c.key === key);
    if (!col || !col.sortable) {
      throw invalid(
        'sort',
        'sortableColumn',
        `sort: "${key}" is not a sortable column of this list`,
        '이 열로는 정렬할 수 없습니다',
        'malformed',
      );
    }
    sort = { key, desc: dir === 'desc' };
  }
  const filters: Record<string, string> = {};
  const problems: DomainError[] = [];
  for (const f of def.filters) {
    const v = firstOf(raw[f.key])?.trim();
    if (v === undefined || v === '') continue;
    const bad = (en: string, ko: string) =>
      problems.push(invalid(f.key, 'filterValue', `${f.key}: ${en}`, `${f.label}: ${ko}`, 'malformed'));
    if (f.kind === 'select' && !(f.options ?? []).some((o) => o.value === v)) bad('not one of the choices', '고를 수 있는 값이 아닙니다');
    else if (f.kind === 'text' && v.length > 100) bad('at most 100 characters', '100자까지 입력할 수 있습니다');
    else if (f.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) bad('a date YYYY-MM-DD', '날짜(YYYY-MM-DD)를 입력하십시오');
    else if (f.kind === 'year' && !/^\d{4}$/.test(v)) bad('a four-digit year', '네 자리 연도를 입력하십시오');
    else if (f.kind === 'id' && !/^\d{1,10}$/.test(v)) bad('a number', '번호를 입력하십시오');
    else filters[f.key] = v;
  }
  if (problems.length) {
    throw new DomainError(
      'malformed',
      'validation_failed',
      'Invalid query',
      '조회 조건이 올바르지 않습니다',
      problems.flatMap((e) => e.errors),
    );
  }
  return {
    sort,
    filters,
    q: (p.q ?? '').trim(),
    page: p.page ?? 1,
    size: p.size ?? def.pageSize ?? 50,
    format: p.format ?? 'html',
  };
}

/** The rows a grid query asks for: its page, or (for an export) every row up to the cap. */
export function gridWindow(query: GridQuery): { skip: number; take: number } {
  if (query.format === 'xlsx') return { skip: 0, take: GRID_EXPORT_CAP };
  return { skip: (query.page - 1) * query.size, take: query.size };
}

/** One page of a grid's rows and how many rows the filtered view holds. */
export interface GridPage<T> {
  rows: T[];
  total: number;
}
