import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { fk, int } from './support/schema';

/**
 * A paid grant is corrected by its reversal — a disbursement of the opposite amount that names it —
 * never by editing it. One reversal per payment.
 */
export class DisbursementReversals1763900800000 implements MigrationInterface {
  name = 'DisbursementReversals1763900800000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('disbursements', new TableColumn(int('reversal_of_id', true)));
    await qr.createIndex('disbursements', new TableIndex({ columnNames: ['reversal_of_id'], isUnique: true }));
    await qr.createForeignKey('disbursements', new TableForeignKey(fk('reversal_of_id', 'disbursements')));
  }

  async down(qr: QueryRunner): Promise<void> {
    const table = await qr.getTable('disbursements');
    const foreignKey = table?.foreignKeys.find((f) => f.columnNames.join() === 'reversal_of_id');
    if (foreignKey) await qr.dropForeignKey('disbursements', foreignKey);
    const index = table?.indices.find((i) => i.columnNames.join() === 'reversal_of_id');
    if (index) await qr.dropIndex('disbursements', index);
    await qr.dropColumn('disbursements', 'reversal_of_id');
  }
}
