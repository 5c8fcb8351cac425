import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { int, str, timestamp } from './support/schema';

/**
 * Integration tokens: an administrator issues a named bearer token for a user, with an expiry; the
 * token's first characters (its prefix) identify it in lists and logs, and the time it was last used
 * is kept (written at most once a minute). The demo accounts' tokens have no prefix and no expiry.
 */
const COLUMNS = [str('prefix', 16, true), timestamp('expires_at', true), timestamp('last_used_at', true), int('created_by_id', true)];

export class ApiTokenLifecycle1763901300000 implements MigrationInterface {
  name = 'ApiTokenLifecycle1763901300000';

  async up(qr: QueryRunner): Promise<void> {
    for (const c of COLUMNS) await qr.addColumn('api_tokens', new TableColumn(c));
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const c of [...COLUMNS].reverse()) await qr.dropColumn('api_tokens', c.name);
  }
}
