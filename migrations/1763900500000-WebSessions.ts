import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTables, dropTables, fk, id, int, str, TableSpec, timestamp } from './support/schema';

const tables: TableSpec[] = [
  {
    name: 'web_sessions',
    columns: [id(), str('token_hash', 64), int('user_id'), str('csrf_secret', 64), timestamp('created_at'), timestamp('expires_at')],
    indices: [{ columnNames: ['token_hash'], isUnique: true }, { columnNames: ['expires_at'] }],
    foreignKeys: [fk('user_id', 'users')],
  },
];

export class WebSessions1763900500000 implements MigrationInterface {
  name = 'WebSessions1763900500000';

  async up(qr: QueryRunner): Promise<void> {
    await createTables(qr, tables);
  }

  async down(qr: QueryRunner): Promise<void> {
    await dropTables(qr, tables);
  }
}
