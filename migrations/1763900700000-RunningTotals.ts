import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTables, dropTables, fk, id, int, money, str, TableSpec } from './support/schema';

const tables: TableSpec[] = [
  {
    name: 'ledger_line_totals',
    columns: [id(), int('program_year_id'), str('expense_item', 50), str('kind', 24), money('amount')],
    indices: [{ columnNames: ['program_year_id', 'expense_item', 'kind'], isUnique: true }],
    foreignKeys: [fk('program_year_id', 'program_years')],
  },
  {
    name: 'consignment_grant_totals',
    columns: [id(), int('consignment_id'), int('fiscal_year'), money('paid')],
    indices: [{ columnNames: ['consignment_id', 'fiscal_year'], isUnique: true }],
    foreignKeys: [fk('consignment_id', 'consignments')],
  },
];

/**
 * Running totals for the checks made under the program-year lock (the line's entries by kind, the
 * consignment-year's paid grants), filled from the rows already there.
 */
export class RunningTotals1763900700000 implements MigrationInterface {
  name = 'RunningTotals1763900700000';

  async up(qr: QueryRunner): Promise<void> {
    await createTables(qr, tables);
    await qr.query(
      `INSERT INTO ledger_line_totals (program_year_id, expense_item, kind, amount)
       SELECT program_year_id, expense_item, kind, SUM(amount) FROM ledger_entries GROUP BY program_year_id, expense_item, kind`,
    );
    await qr.query(
      `INSERT INTO consignment_grant_totals (consignment_id, fiscal_year, paid)
       SELECT consignment_id, fiscal_year, SUM(paid_amount) FROM disbursements WHERE status = 'paid' GROUP BY consignment_id, fiscal_year`,
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await dropTables(qr, tables);
  }
}
