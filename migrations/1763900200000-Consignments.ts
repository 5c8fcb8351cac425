import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { bool, createTables, date, dropTables, fk, id, int, money, str, TableSpec, timestamp } from './support/schema';

const tables: TableSpec[] = [
  {
    name: 'consignment_consents',
    columns: [
      id(),
      int('consignment_id'),
      int('contract_term_id', true),
      str('kind', 16),
      str('bill_number', 40),
      date('submitted_on', true),
      date('referred_on', true),
      date('decided_on', true),
      { ...str('result', 16), default: "'pending'" },
      str('note', 1000, true),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['consignment_id', 'bill_number'], isUnique: true }],
    foreignKeys: [fk('consignment_id', 'consignments'), fk('contract_term_id', 'contract_terms')],
  },
  {
    name: 'consignment_staff',
    columns: [id(), int('consignment_id'), int('year'), int('headcount'), str('note', 500, true)],
    indices: [{ columnNames: ['consignment_id', 'year'], isUnique: true }],
    foreignKeys: [fk('consignment_id', 'consignments')],
  },
  {
    name: 'grant_plans',
    columns: [
      id(),
      int('consignment_id'),
      int('fiscal_year'),
      int('version'),
      str('status', 12),
      money('q1'),
      money('q2'),
      money('q3'),
      money('q4'),
      money('total'),
      str('reason', 500, true),
      date('approved_on', true),
      int('approved_by_id', true),
      bool('sample', false),
      str('note', 1000, true),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['consignment_id', 'fiscal_year', 'version'], isUnique: true }],
    foreignKeys: [fk('consignment_id', 'consignments'), fk('fiscal_year', 'fiscal_years', 'year')],
  },
  {
    name: 'grant_plan_categories',
    columns: [id(), int('grant_plan_id'), int('seq'), str('code', 40), str('name', 200), str('parent_code', 40, true), money('amount')],
    indices: [{ columnNames: ['grant_plan_id', 'code'], isUnique: true }],
    foreignKeys: [fk('grant_plan_id', 'grant_plans')],
  },
  {
    name: 'disbursements',
    columns: [
      id(),
      int('consignment_id'),
      int('fiscal_year'),
      int('quarter'),
      str('status', 12),
      date('requested_on'),
      money('requested_amount'),
      date('decided_on', true),
      money('decided_amount', true),
      date('paid_on', true),
      money('paid_amount', true),
      bool('lump_sum', false),
      str('lump_sum_reason', 500, true),
      int('grant_plan_id', true),
      int('ledger_entry_id', true),
      str('note', 500, true),
      bool('sample', false),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['consignment_id', 'fiscal_year'] }],
    foreignKeys: [fk('consignment_id', 'consignments'), fk('grant_plan_id', 'grant_plans'), fk('ledger_entry_id', 'ledger_entries')],
  },
  {
    name: 'consignment_operator_entries',
    columns: [
      id(),
      int('consignment_id'),
      int('fiscal_year'),
      int('quarter'),
      str('kind', 12),
      str('category_code', 40, true),
      money('amount'),
      date('entry_date'),
      str('note', 500, true),
      bool('sample', false),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['consignment_id', 'fiscal_year'] }],
    foreignKeys: [fk('consignment_id', 'consignments')],
  },
  {
    name: 'consignment_settlements',
    columns: [
      id(),
      int('consignment_id'),
      int('fiscal_year'),
      str('status', 12),
      int('grant_plan_id', true),
      money('granted'),
      money('spent'),
      money('interest'),
      money('return_amount'),
      str('overspend_margin', 10),
      bool('flagged', false),
      date('submitted_on'),
      int('submitted_by_id', true),
      date('reviewed_on', true),
      int('reviewed_by_id', true),
      str('review_note', 1000, true),
      date('confirmed_on', true),
      int('confirmed_by_id', true),
      int('return_entry_id', true),
      str('note', 1000, true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['consignment_id', 'fiscal_year'] }],
    foreignKeys: [fk('consignment_id', 'consignments'), fk('grant_plan_id', 'grant_plans'), fk('return_entry_id', 'ledger_entries')],
  },
  {
    name: 'consignment_settlement_lines',
    columns: [
      id(),
      int('settlement_id'),
      int('seq'),
      str('code', 40),
      str('name', 200),
      str('parent_code', 40, true),
      money('planned'),
      money('spent'),
      bool('overspent', false),
    ],
    indices: [{ columnNames: ['settlement_id', 'code'], isUnique: true }],
    foreignKeys: [fk('settlement_id', 'consignment_settlements')],
  },
];

/** Consignments (issue 4): consents, staff, grant plans, disbursements, operator spending, settlements. */
export class Consignments1763900200000 implements MigrationInterface {
  name = 'Consignments1763900200000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('contract_terms', new TableColumn({ name: 'period_label', type: 'varchar', length: '20', isNullable: true }));
    await createTables(qr, tables);
  }

  async down(qr: QueryRunner): Promise<void> {
    await dropTables(qr, tables);
    await qr.dropColumn('contract_terms', 'period_label');
  }
}
