import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { GridPage, GridQuery } from '../requests/grid';

/**
 * How a list's keys become SQL: every expression here is written by the store module of the list,
 * never from input; input only chooses among the keys and arrives as bound parameters.
 */
export interface GridSql {
  /** the selected expression of each column key (the row answers with these keys) */
  select: Record<string, string>;
  /** the expression each sortable key orders by (defaults to its `select` expression) */
  sort?: Record<string, string>;
  /** the condition of each filter key, with `:v` standing for its value */
  filters: Record<string, string | ((v: string) => { sql: string; params?: ObjectLiteral })>;
  /** the expressions q= looks in (LIKE, case as the database compares) */
  search: string[];
  /** the last ordering, so that a page is stable (e.g. the id) */
  tiebreak: string;
}

/** A LIKE pattern matching `text` anywhere, its wildcards escaped with '!' (portable: SQLite and MariaDB). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
export const LIKE_ESCAPE = "ESCAPE '!'";

/** A scope of ids as a condition: `expr IN (…)`, nothing at all for an empty scope, every row for `null`. */
export function whereInScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  expr: string,
  scope: Iterable<number> | null,
  name = 'scope',
) {
  if (scope === null) return qb;
  const ids = [...scope];
  if (!ids.length) return qb.andWhere('1 = 0');
  return qb.andWhere(`${expr} IN (:...${name})`, { [name]: ids });
}

/**
 * Applies a grid query to a query builder (its FROM, joins and scope already set): the filters, the
 * search, the ordering and the window, all in SQL; answers the rows (with the `select` keys) and the
 * filtered total.
 */
export async function gridRows<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  sql: GridSql,
  query: GridQuery,
  window: { skip: number; take: number },
): Promise<GridPage<Record<string, unknown>>> {
  let n = 0;
  for (const [key, value] of Object.entries(query.filters)) {
    const cond = sql.filters[key];
    if (cond === undefined) continue;
    const name = `gf${n++}`;
    if (typeof cond === 'string') qb.andWhere(`(${cond.replace(/:v\b/g, `:${name}`)})`, { [name]: value });
    else {
      const c = cond(value);
      qb.andWhere(`(${c.sql})`, c.params ?? {});
    }
  }
  if (query.q && sql.search.length) {
    const pattern = containsPattern(query.q);
    qb.andWhere(
      new Brackets((w) => {
        for (const expr of sql.search) w.orWhere(`${expr} LIKE :gq ${LIKE_ESCAPE}`, { gq: pattern });
      }),
    );
  }
  const countQb = qb.clone();
  const total = Number(((await countQb.select('COUNT(*)', 'n').getRawOne()) as { n: number | string } | undefined)?.n ?? 0);
  if (!total || window.take <= 0) return { rows: [], total };
  let first = true;
  for (const [key, expr] of Object.entries(sql.select)) {
    if (first) qb.select(expr, key);
    else qb.addSelect(expr, key);
    first = false;
  }
  const sortExpr = sql.sort?.[query.sort.key] ?? sql.select[query.sort.key] ?? sql.tiebreak;
  const dir = query.sort.desc ? 'DESC' : 'ASC';
  // an ordering by a select alias would differ per database; the expression itself is portable
  qb.orderBy(sortExpr, dir);
  if (sortExpr !== sql.tiebreak) qb.addOrderBy(sql.tiebreak, dir);
  const rows = await qb.offset(window.skip).limit(window.take).getRawMany<Record<string, unknown>>();
  return { rows, total };
}
