import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { writeLater } from './pipeline';

/**
 * Lean statements for the hot paths: a payment runs about fifteen statements, most of them under the
 * program-year lock, and TypeORM's find/insert/update rebuild each statement from scratch on every
 * call (tens of microseconds apiece) and inline some values into the SQL, which also defeats
 * better-sqlite3's statement cache. These build the SQL once per entity and column set from
 * TypeORM's own metadata, bind every value as a `?` parameter (the same on SQLite and MariaDB), and
 * convert values with the driver's own functions, so what they write and read is exactly what
 * TypeORM's repository would. Entities here are flat (no relations or embeddeds), which is all
 * these helpers support.
 */

type Where<E> = Partial<Record<keyof E & string, unknown>>;
type Order<E> = [keyof E & string, 'ASC' | 'DESC'][];

interface FindOptions<E> {
  order?: Order<E>;
  limit?: number;
  /**
   * true: SELECT … FOR UPDATE; 'share': … LOCK IN SHARE MODE (others may read-lock it too, nobody
   * may write it until this transaction ends). MariaDB only: SQLite transactions are serialised.
   */
  lock?: boolean | 'share';
}

const sqlCache = new WeakMap<EntityMetadata, Map<string, string>>();

function cached(meta: EntityMetadata, key: string, build: () => string): string {
  let byKey = sqlCache.get(meta);
  if (!byKey) sqlCache.set(meta, (byKey = new Map()));
  let sql = byKey.get(key);
  if (sql === undefined) byKey.set(key, (sql = build()));
  return sql;
}

function column(meta: EntityMetadata, property: string): ColumnMetadata {
  const col = meta.findColumnWithPropertyName(property);
  if (!col) throw new Error(`${meta.name} has no column ${property}`);
  return col;
}

function persistent(em: EntityManager, col: ColumnMetadata, value: unknown): unknown {
  return em.connection.driver.preparePersistentValue(value, col);
}

/** A row read with `SELECT <every column>` turned into an entity, the way TypeORM would. */
export function hydrate<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, row: Record<string, unknown>, prefix = ''): E {
  const meta = em.connection.getMetadata(entity);
  const out = meta.create() as E;
  for (const col of meta.columns) {
    (out as Record<string, unknown>)[col.propertyName] = em.connection.driver.prepareHydratedValue(row[prefix + col.databaseName], col);
  }
  return out;
}

/** `alias.col AS prefixcol, …` for every column of an entity, to hydrate from a hand-written join. */
export function selectColumns(em: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string, prefix = ''): string {
  const meta = em.connection.getMetadata(entity);
  const esc = (s: string) => em.connection.driver.escape(s);
  return cached(meta, `cols:${alias}:${prefix}`, () =>
    meta.columns.map((c) => `${esc(alias)}.${esc(c.databaseName)} AS ${esc(prefix + c.databaseName)}`).join(', '),
  );
}

/** Rows of one table matching equalities (null matches IS NULL), hydrated into entities. */
export async function leanFind<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  where: Where<E>,
  options: FindOptions<E> = {},
): Promise<E[]> {
  const meta = em.connection.getMetadata(entity);
  const keys = Object.keys(where);
  // TypeORM reads an undefined condition as "no condition"; here it is a mistake, not a wildcard
  const missing = keys.find((k) => where[k as keyof E & string] === undefined);
  if (missing) throw new Error(`leanFind ${meta.name}: the condition on ${missing} is undefined`);
  const mysql = em.connection.options.type === 'mysql' || em.connection.options.type === 'mariadb';
  const lock = mysql && options.lock ? (options.lock === 'share' ? 'LOCK IN SHARE MODE' : 'FOR UPDATE') : '';
  const key = `find:${keys.map((k) => (where[k as keyof E & string] === null ? `${k}=null` : k)).join(',')}|${(options.order ?? []).join(';')}|${options.limit ?? ''}|${lock}`;
  const sql = cached(meta, key, () => {
    const esc = (s: string) => em.connection.driver.escape(s);
    const conditions = keys.map((k) => `${esc(column(meta, k).databaseName)} ${where[k as keyof E & string] === null ? 'IS NULL' : '= ?'}`);
    const order = (options.order ?? []).map(([k, dir]) => `${esc(column(meta, k).databaseName)} ${dir}`);
    return [
      `SELECT ${meta.columns.map((c) => esc(c.databaseName)).join(', ')} FROM ${esc(meta.tableName)}`,
      conditions.length ? `WHERE ${conditions.join(' AND ')}` : '',
      order.length ? `ORDER BY ${order.join(', ')}` : '',
      options.limit ? `LIMIT ${Math.floor(options.limit)}` : '',
      lock,
    ]
      .filter(Boolean)
      .join(' ');
  });
  const params = keys
    .filter((k) => where[k as keyof E & string] !== null)
    .map((k) => persistent(em, column(meta, k), where[k as keyof E & string]));
  const rows = (await em.query(sql, params)) as Record<string, unknown>[];
  return rows.map((row) => hydrate(em, entity, row));
}

export async function leanFindOne<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  where: Where<E>,
  options: Omit<FindOptions<E>, 'limit'> = {},
): Promise<E | null> {
  return (await leanFind(em, entity, where, { ...options, limit: 1 }))[0] ?? null;
}

/** Inserts one row and returns its generated id. Columns left out take their database default. */
export async function leanInsert<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, values: Where<E>): Promise<number> {
  const meta = em.connection.getMetadata(entity);
  const keys = Object.keys(values).filter((k) => values[k as keyof E & string] !== undefined);
  const sql = cached(meta, `insert:${keys.join(',')}`, () => {
    const esc = (s: string) => em.connection.driver.escape(s);
    return `INSERT INTO ${esc(meta.tableName)} (${keys.map((k) => esc(column(meta, k).databaseName)).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`;
  });
  const raw = (await em.query(
    sql,
    keys.map((k) => persistent(em, column(meta, k), values[k as keyof E & string])),
  )) as unknown;
  // better-sqlite3 answers with the new rowid, mysql2 with a result header
  return Number(typeof raw === 'object' && raw !== null && 'insertId' in raw ? (raw as { insertId: number }).insertId : raw);
}

/** rows per INSERT: well inside SQLite's 32,766 and MariaDB's 65,535 bound parameters */
const ROWS_PER_INSERT = 100;

/** Inserts rows that all set the same columns, a hundred to a statement (in a pipelined transaction, with its next statement). */
export async function leanInsertMany<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, rows: Where<E>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insertRows(em, entity, rows.slice(i, i + ROWS_PER_INSERT));
}

async function insertRows<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, rows: Where<E>[]): Promise<void> {
  if (!rows.length) return;
  const meta = em.connection.getMetadata(entity);
  const keys = Object.keys(rows[0]);
  const sql = cached(meta, `insertMany:${rows.length}:${keys.join(',')}`, () => {
    const esc = (s: string) => em.connection.driver.escape(s);
    const tuple = `(${keys.map(() => '?').join(', ')})`;
    return `INSERT INTO ${esc(meta.tableName)} (${keys.map((k) => esc(column(meta, k).databaseName)).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`;
  });
  const columns = keys.map((k) => column(meta, k));
  await writeLater(
    em,
    sql,
    rows.flatMap((row) => columns.map((col, i) => persistent(em, col, row[keys[i] as keyof E & string] ?? null))),
  );
}

/** Updates columns of the row with this id (in a pipelined transaction, with its next statement). */
export async function leanUpdate<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  id: number,
  changes: Where<E>,
): Promise<void> {
  const meta = em.connection.getMetadata(entity);
  const keys = Object.keys(changes).filter((k) => changes[k as keyof E & string] !== undefined);
  const idColumn = meta.primaryColumns[0];
  const sql = cached(meta, `update:${keys.join(',')}`, () => {
    const esc = (s: string) => em.connection.driver.escape(s);
    return `UPDATE ${esc(meta.tableName)} SET ${keys.map((k) => `${esc(column(meta, k).databaseName)} = ?`).join(', ')} WHERE ${esc(idColumn.databaseName)} = ?`;
  });
  await writeLater(em, sql, [
    ...keys.map((k) => persistent(em, column(meta, k), changes[k as keyof E & string])),
    persistent(em, idColumn, id),
  ]);
}

/**
 * Sets one column of several rows, each row (by id) to its own value, in one statement (in a
 * pipelined transaction, with its next statement).
 */
export async function leanSetEach<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  property: keyof E & string,
  values: [id: number, value: unknown][],
): Promise<void> {
  if (!values.length) return;
  const meta = em.connection.getMetadata(entity);
  const idColumn = meta.primaryColumns[0];
  const col = column(meta, property);
  for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
    const chunk = values.slice(i, i + ROWS_PER_INSERT);
    const sql = cached(meta, `setEach:${property}:${chunk.length}`, () => {
      const esc = (s: string) => em.connection.driver.escape(s);
      const id = esc(idColumn.databaseName);
      return `UPDATE ${esc(meta.tableName)} SET ${esc(col.databaseName)} = CASE ${id} ${chunk.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE ${id} IN (${chunk.map(() => '?').join(', ')})`;
    });
    const ids = chunk.map(([rowId]) => persistent(em, idColumn, rowId));
    await writeLater(em, sql, [...chunk.flatMap(([, value], j) => [ids[j], persistent(em, col, value)]), ...ids]);
  }
}

/**
 * Adds amounts to a counter column of rows with these key values, creating the rows there are not
 * yet, in one statement per hundred rows; the key columns carry a unique index, and amounts for the
 * same key are summed first. No answer is needed, so in a pipelined transaction it goes with the
 * next statement.
 */
export async function leanAddTo<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  counter: keyof E & string,
  amounts: { key: Where<E>; amount: number }[],
): Promise<void> {
  if (!amounts.length) return;
  const meta = em.connection.getMetadata(entity);
  const keys = Object.keys(amounts[0].key);
  const byKey = new Map<string, { key: Where<E>; amount: number }>();
  for (const a of amounts) {
    const id = JSON.stringify(keys.map((k) => a.key[k as keyof E & string]));
    const row = byKey.get(id);
    if (row) row.amount += a.amount;
    else byKey.set(id, { key: a.key, amount: a.amount });
  }
  const rows = [...byKey.values()];
  const mysql = em.connection.options.type === 'mysql' || em.connection.options.type === 'mariadb';
  const columns = [...keys.map((k) => column(meta, k)), column(meta, counter)];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const sql = cached(meta, `addTo:${keys.join(',')}:${counter}:${chunk.length}`, () => {
      const esc = (s: string) => em.connection.driver.escape(s);
      const names = keys.map((k) => esc(column(meta, k).databaseName));
      const c = esc(column(meta, counter).databaseName);
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const insert = `INSERT INTO ${esc(meta.tableName)} (${[...names, c].join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`;
      return mysql
        ? `${insert} ON DUPLICATE KEY UPDATE ${c} = ${c} + VALUES(${c})`
        : `${insert} ON CONFLICT (${names.join(', ')}) DO UPDATE SET ${c} = ${c} + excluded.${c}`;
    });
    const params = chunk.flatMap((r) => [
      ...keys.map((k, j) => persistent(em, columns[j], r.key[k as keyof E & string])),
      persistent(em, columns[keys.length], r.amount),
    ]);
    await writeLater(em, sql, params);
  }
}
