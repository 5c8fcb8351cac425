import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { bool, timestamp } from './support/schema';

/**
 * Idempotency-Key records that expire and whose claim is a lease: `expires_at` (a stored answer is
 * kept 24 hours, then purged), `locked_until` (a claim without an answer past this time may be taken
 * over by a retry), `truncated` (a stored body cut to the cap). Records already there expire a day
 * after this migration.
 */
export class IdempotencyLeases1763900801000 implements MigrationInterface {
  name = 'IdempotencyLeases1763900801000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('idempotency_records', new TableColumn(timestamp('expires_at', true)));
    await qr.addColumn('idempotency_records', new TableColumn(timestamp('locked_until', true)));
    await qr.addColumn('idempotency_records', new TableColumn(bool('truncated', false)));
    await qr.query('UPDATE idempotency_records SET expires_at = ?', [
      // a UTC datetime as TypeORM writes one on both drivers
      new Date(Date.now() + 24 * 3600 * 1000).toISOString().replace('T', ' ').replace('Z', ''),
    ]);
    await qr.createIndex('idempotency_records', new TableIndex({ columnNames: ['expires_at'] }));
  }

  async down(qr: QueryRunner): Promise<void> {
    const table = await qr.getTable('idempotency_records');
    const index = table?.indices.find((i) => i.columnNames.join() === 'expires_at');
    if (index) await qr.dropIndex('idempotency_records', index);
    await qr.dropColumn('idempotency_records', 'truncated');
    await qr.dropColumn('idempotency_records', 'locked_until');
    await qr.dropColumn('idempotency_records', 'expires_at');
  }
}
