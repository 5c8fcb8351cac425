import { MigrationInterface, QueryRunner, TableForeignKey } from 'typeorm';
import { fk } from './support/schema';

const COLUMNS = ['from_org_unit_id', 'to_org_unit_id'];

/**
 * The departments an 이체 moves a program (or money) between are organisation units: a foreign key on
 * each, so a transfer cannot name a unit that does not exist (issue 14: `toOrgUnitId: 99999` was
 * accepted and left the program owned by nobody). A database that already holds such a transfer is
 * not silently rewritten: the migration stops and names them; reverse each (as an administrator,
 * `POST /api/transfers/:id/reversal`, on the previous version) and migrate again.
 */
export class TransferOrgUnitKeys1763900804000 implements MigrationInterface {
  name = 'TransferOrgUnitKeys1763900804000';

  async up(qr: QueryRunner): Promise<void> {
    const dangling = (await qr.query(
      `SELECT t.id AS id FROM budget_transfers t
        WHERE (t.from_org_unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org_units o WHERE o.id = t.from_org_unit_id))
           OR (t.to_org_unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org_units o WHERE o.id = t.to_org_unit_id))
        ORDER BY t.id`,
    )) as { id: number }[];
    if (dangling.length) {
      throw new Error(
        `budget_transfers ${dangling.map((r) => r.id).join(', ')} name an organisation unit that does not exist; ` +
          'reverse them before adding the foreign keys',
      );
    }
    await qr.createForeignKeys(
      'budget_transfers',
      COLUMNS.map((c) => new TableForeignKey(fk(c, 'org_units'))),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    const table = await qr.getTable('budget_transfers');
    const keys = table?.foreignKeys.filter((f) => COLUMNS.includes(f.columnNames.join())) ?? [];
    if (keys.length) await qr.dropForeignKeys('budget_transfers', keys);
  }
}
