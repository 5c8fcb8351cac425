import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTables, date, dropTables, fk, id, int, str, TableSpec, timestamp } from './support/schema';

const tables: TableSpec[] = [
  {
    name: 'operators',
    columns: [id(), str('name', 200), str('registration_number', 40, true), str('representative', 100, true), str('note', 500, true)],
    indices: [{ columnNames: ['name'] }],
  },
  {
    name: 'consignments',
    columns: [
      id(),
      str('code', 40),
      str('name', 200),
      str('consignment_type', 16),
      str('funding_type', 16),
      str('legal_basis', 500, true),
      int('org_unit_id'),
      int('program_id', true),
      { ...str('expense_item', 50), default: "'민간위탁금'" },
      str('location', 500, true),
      date('started_on', true),
      str('note', 1000, true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['code'], isUnique: true }],
    foreignKeys: [fk('org_unit_id', 'org_units'), fk('program_id', 'programs')],
  },
  {
    name: 'contract_terms',
    columns: [
      id(),
      int('consignment_id'),
      int('operator_id'),
      date('start_date'),
      date('end_date'),
      str('selection_method', 16),
      int('renewal_count', false, 0),
      str('recorded_score', 10, true),
      str('evaluated_by', 200, true),
      str('note', 1000, true),
    ],
    indices: [{ columnNames: ['consignment_id', 'start_date'], isUnique: true }],
    foreignKeys: [fk('consignment_id', 'consignments'), fk('operator_id', 'operators')],
  },
];

export class ConsignmentBase1763900100000 implements MigrationInterface {
  name = 'ConsignmentBase1763900100000';

  async up(qr: QueryRunner): Promise<void> {
    await createTables(qr, tables);
  }

  async down(qr: QueryRunner): Promise<void> {
    await dropTables(qr, tables);
  }
}
