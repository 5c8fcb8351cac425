import { MigrationInterface, QueryRunner } from 'typeorm';
import { widenIndex } from './support/schema';

/**
 * Every payment sums its line's ledger entries by kind and its consignment-year's paid grants, under
 * the program-year lock. Indexes that also hold the summed columns answer both sums from the index
 * alone, without visiting each row.
 */
export class CoveringSumIndexes1763900600000 implements MigrationInterface {
  name = 'CoveringSumIndexes1763900600000';

  async up(qr: QueryRunner): Promise<void> {
    await widenIndex(qr, 'ledger_entries', ['program_year_id', 'expense_item'], ['program_year_id', 'expense_item', 'kind', 'amount']);
    await widenIndex(qr, 'disbursements', ['consignment_id', 'fiscal_year'], ['consignment_id', 'fiscal_year', 'status', 'paid_amount']);
  }

  async down(qr: QueryRunner): Promise<void> {
    await widenIndex(qr, 'disbursements', ['consignment_id', 'fiscal_year', 'status', 'paid_amount'], ['consignment_id', 'fiscal_year']);
    await widenIndex(qr, 'ledger_entries', ['program_year_id', 'expense_item', 'kind', 'amount'], ['program_year_id', 'expense_item']);
  }
}
