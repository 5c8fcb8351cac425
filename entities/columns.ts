import { Column, ColumnOptions, CreateDateColumn } from 'typeorm';

/** bigint columns come back as strings from some drivers; amounts are integer won in JS numbers. */
export const wonTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/** Integer won. Never a float: a DECIMAL/REAL column would invite rounding. */
export function MoneyColumn(options: ColumnOptions = {}) {
  return Column({ type: 'bigint', transformer: wonTransformer, ...options });
}

/** A calendar date kept as 'YYYY-MM-DD' text on every driver. */
export function DateColumn(options: ColumnOptions = {}) {
  return Column({ type: 'date', ...options });
}

/** Millisecond timestamps, set by the database's clock-free default: we always pass the time. */
export function TimestampColumn(options: ColumnOptions = {}) {
  return Column({ type: 'datetime', precision: 3, ...options } as ColumnOptions);
}

export { CreateDateColumn };
