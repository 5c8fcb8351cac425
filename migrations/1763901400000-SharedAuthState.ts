import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTables, dropTables, id, int, money, str, TableSpec } from './support/schema';

/**
 * Auth state shared by several app processes (WORKERS=N, or several servers on a Galera cluster):
 * the login limiter's attempts, and the revocation epoch that tells every process to forget the
 * sign-ins it remembers. Both tables have a primary key, as Galera's row replication needs.
 */
const TABLES: TableSpec[] = [
  {
    name: 'login_attempts',
    columns: [id(), str('attempt', 36), str('throttle_key', 300), money('at_ms')],
    indices: [{ columnNames: ['throttle_key', 'at_ms'] }, { columnNames: ['attempt'] }],
  },
  { name: 'auth_epoch', columns: [{ ...int('id'), isPrimary: true }, int('epoch')] },
];

export class SharedAuthState1763901400000 implements MigrationInterface {
  name = 'SharedAuthState1763901400000';

  async up(qr: QueryRunner): Promise<void> {
    await createTables(qr, TABLES);
    await qr.query('INSERT INTO auth_epoch (id, epoch) VALUES (1, 0)');
  }

  async down(qr: QueryRunner): Promise<void> {
    await dropTables(qr, TABLES);
  }
}
