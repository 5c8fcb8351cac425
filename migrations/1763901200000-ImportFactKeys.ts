import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTables, dropTables, id, str, TableSpec, timestamp } from './support/schema';

/**
 * The onboarding import appends a ledger fact (집행 · 세입 · 이월) only once: each appended row's
 * idempotency key is kept here, so that importing the same file twice changes nothing.
 */
const TABLES: TableSpec[] = [
  {
    name: 'import_fact_keys',
    columns: [id(), str('fact_key', 40), str('sheet', 20), timestamp('created_at')],
    indices: [{ columnNames: ['fact_key'], isUnique: true }],
  },
];

export class ImportFactKeys1763901200000 implements MigrationInterface {
  name = 'ImportFactKeys1763901200000';

  async up(qr: QueryRunner): Promise<void> {
    await createTables(qr, TABLES);
  }

  async down(qr: QueryRunner): Promise<void> {
    await dropTables(qr, TABLES);
  }
}
