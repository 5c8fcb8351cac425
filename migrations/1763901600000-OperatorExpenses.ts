import { MigrationInterface, QueryRunner } from 'typeorm';
import { bool, createTables, date, dropTables, fk, id, int, money, str, TableSpec, timestamp } from './support/schema';

/**
 * Issue 18: the operator's expenses, one row per payment with its evidence (보탬e's per-expense 집행), and the
 * evidence files by SHA-256 (the bytes live under data/attachments/, outside the database).
 */
const TABLES: TableSpec[] = [
  {
    name: 'operator_expenses',
    columns: [
      id(),
      int('consignment_id'),
      int('fiscal_year'),
      date('paid_on'),
      str('payee', 200),
      str('category_code', 40),
      money('grant_amount'),
      money('own_amount'),
      str('method', 12),
      str('method_reason', 500, true),
      str('invoice_number', 40, true),
      str('card_approval_number', 40, true),
      { ...str('flags', 200), default: "''" },
      str('note', 500, true),
      int('reverses_id', true),
      bool('sample', false),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [
      { columnNames: ['consignment_id', 'fiscal_year'] },
      { columnNames: ['invoice_number'] },
      { columnNames: ['card_approval_number'] },
    ],
    foreignKeys: [fk('consignment_id', 'consignments')],
  },
  {
    name: 'operator_expense_attachments',
    columns: [
      id(),
      int('expense_id'),
      str('sha256', 64),
      str('file_name', 200),
      str('content_type', 40),
      int('size'),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['expense_id'] }, { columnNames: ['sha256'] }],
    foreignKeys: [fk('expense_id', 'operator_expenses')],
  },
];

export class OperatorExpenses1763901600000 implements MigrationInterface {
  name = 'OperatorExpenses1763901600000';

  async up(qr: QueryRunner): Promise<void> {
    await createTables(qr, TABLES);
  }

  async down(qr: QueryRunner): Promise<void> {
    await dropTables(qr, TABLES);
  }
}
