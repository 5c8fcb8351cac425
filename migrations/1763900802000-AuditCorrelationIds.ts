import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { str } from './support/schema';

/**
 * The request id of an audit record is the server's own (a UUID per request); the id a client sent
 * in X-Request-Id is kept beside it, sanitised and at most 64 characters, as a correlation id only.
 */
export class AuditCorrelationIds1763900802000 implements MigrationInterface {
  name = 'AuditCorrelationIds1763900802000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('audit_records', new TableColumn(str('correlation_id', 64, true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('audit_records', 'correlation_id');
  }
}
