import { QueryRunner, Table, TableColumnOptions, TableForeignKeyOptions, TableIndex, TableIndexOptions } from 'typeorm';

/**
 * Column builders for migrations written once for SQLite and MariaDB alike. Types are the portable
 * subset: integer, bigint (won), varchar, text, date, datetime(3), boolean.
 */
export const id = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});
export const int = (name: string, nullable = false, defaultValue?: number): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable: nullable,
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
});
export const money = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable });
export const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
export const text = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
export const date = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'date', isNullable: nullable });
export const timestamp = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});
export const bool = (name: string, defaultValue: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  isNullable: false,
  default: defaultValue,
});

export function fk(column: string, table: string, referencedColumn = 'id'): TableForeignKeyOptions {
  return { columnNames: [column], referencedTableName: table, referencedColumnNames: [referencedColumn], onDelete: 'RESTRICT' };
}

export interface TableSpec {
  name: string;
  columns: TableColumnOptions[];
  indices?: TableIndexOptions[];
  foreignKeys?: TableForeignKeyOptions[];
}

export async function createTables(qr: QueryRunner, specs: TableSpec[]): Promise<void> {
  for (const spec of specs) {
    await qr.createTable(
      new Table({
        name: spec.name,
        columns: spec.columns,
        indices: spec.indices,
        foreignKeys: spec.foreignKeys,
        ...(qr.connection.driver.options.type === 'mysql' ? { engine: 'InnoDB' } : {}),
      }),
      true,
    );
  }
}

export async function dropTables(qr: QueryRunner, specs: TableSpec[]): Promise<void> {
  for (const spec of [...specs].reverse()) await qr.dropTable(spec.name, true);
}

/**
 * Swaps an index for one over more columns. The new one is created first: MariaDB refuses to drop
 * an index that a foreign key relies on unless another index begins with the same column.
 */
export async function widenIndex(qr: QueryRunner, tableName: string, columns: string[], widened: string[]): Promise<void> {
  await qr.createIndex(tableName, new TableIndex({ columnNames: widened }));
  const table = await qr.getTable(tableName);
  const old = table?.indices.find((i) => i.columnNames.join() === columns.join());
  if (old) await qr.dropIndex(tableName, old);
}
