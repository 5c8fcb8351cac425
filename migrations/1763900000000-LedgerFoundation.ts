import { MigrationInterface, QueryRunner } from 'typeorm';
import { bool, createTables, date, dropTables, fk, id, int, money, str, TableSpec, text, timestamp } from './support/schema';

const tables: TableSpec[] = [
  {
    name: 'org_units',
    columns: [
      id(),
      str('code', 40),
      str('name', 100),
      str('level', 16),
      int('parent_id', true),
      date('valid_from'),
      date('valid_to', true),
    ],
    indices: [{ columnNames: ['code'], isUnique: true }],
    foreignKeys: [fk('parent_id', 'org_units')],
  },
  {
    name: 'programs',
    columns: [id(), str('code', 40), str('name', 200), str('kind', 16), str('account', 16)],
    indices: [{ columnNames: ['code'], isUnique: true }],
  },
  {
    name: 'fiscal_years',
    columns: [{ name: 'year', type: 'int', isPrimary: true }, str('status', 8), timestamp('closed_at', true), int('closed_by_id', true)],
  },
  {
    name: 'program_years',
    columns: [
      id(),
      int('program_id'),
      int('fiscal_year'),
      int('org_unit_id'),
      int('parent_id', true),
      str('name', 200),
      int('sort_order', false, 0),
      money('prior_year_basis', true),
      str('note', 500, true),
    ],
    indices: [{ columnNames: ['program_id', 'fiscal_year'], isUnique: true }, { columnNames: ['fiscal_year', 'org_unit_id'] }],
    foreignKeys: [
      fk('program_id', 'programs'),
      fk('fiscal_year', 'fiscal_years', 'year'),
      fk('org_unit_id', 'org_units'),
      fk('parent_id', 'program_years'),
    ],
  },
  {
    name: 'appropriations',
    columns: [
      id(),
      int('program_year_id'),
      str('expense_item', 50),
      money('amount'),
      str('note', 500, true),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['program_year_id', 'expense_item'], isUnique: true }],
    foreignKeys: [fk('program_year_id', 'program_years')],
  },
  {
    name: 'calculation_basis_lines',
    columns: [
      id(),
      int('appropriation_id'),
      int('parent_line_id', true),
      int('seq'),
      str('description', 300),
      money('unit_amount', true),
      str('quantity', 30, true),
      str('multiplier', 30, true),
      money('amount'),
    ],
    foreignKeys: [fk('appropriation_id', 'appropriations'), fk('parent_line_id', 'calculation_basis_lines')],
  },
  {
    name: 'budget_transfers',
    columns: [
      id(),
      str('kind', 8),
      int('fiscal_year'),
      date('transfer_date'),
      money('amount'),
      int('from_program_year_id'),
      str('from_item', 50),
      int('to_program_year_id'),
      str('to_item', 50),
      int('from_org_unit_id', true),
      int('to_org_unit_id', true),
      str('reason', 500),
      str('approval_ref', 100, true),
      date('reported_on', true),
      int('reversal_of_id', true),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['fiscal_year', 'kind'] }],
    foreignKeys: [fk('from_program_year_id', 'program_years'), fk('to_program_year_id', 'program_years')],
  },
  {
    name: 'ledger_entries',
    columns: [
      id(),
      int('program_year_id'),
      int('fiscal_year'),
      str('expense_item', 50),
      str('kind', 24),
      money('amount'),
      date('entry_date'),
      str('reason', 500, true),
      str('carry_type', 16, true),
      int('transfer_id', true),
      int('reversal_of_id', true),
      str('source_ref', 80, true),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [
      { columnNames: ['program_year_id', 'expense_item'] },
      { columnNames: ['fiscal_year', 'kind'] },
      { columnNames: ['reversal_of_id'], isUnique: true },
    ],
    foreignKeys: [fk('program_year_id', 'program_years'), fk('transfer_id', 'budget_transfers'), fk('reversal_of_id', 'ledger_entries')],
  },
  {
    name: 'revenue_lines',
    columns: [
      id(),
      int('fiscal_year'),
      int('org_unit_id'),
      str('code', 40),
      str('name', 200),
      int('parent_id', true),
      int('sort_order', false, 0),
      money('budget'),
      money('current_budget'),
    ],
    indices: [{ columnNames: ['fiscal_year', 'code'], isUnique: true }],
    foreignKeys: [fk('fiscal_year', 'fiscal_years', 'year'), fk('org_unit_id', 'org_units'), fk('parent_id', 'revenue_lines')],
  },
  {
    name: 'revenue_entries',
    columns: [
      id(),
      int('revenue_line_id'),
      str('kind', 16),
      money('amount'),
      date('entry_date'),
      str('reason', 500, true),
      int('reversal_of_id', true),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['revenue_line_id'] }, { columnNames: ['reversal_of_id'], isUnique: true }],
    foreignKeys: [fk('revenue_line_id', 'revenue_lines'), fk('reversal_of_id', 'revenue_entries')],
  },
  {
    name: 'rule_versions',
    columns: [id(), str('rule_key', 60), date('effective_from'), date('effective_to', true), text('params', false), str('source', 500)],
    indices: [{ columnNames: ['rule_key', 'effective_from'], isUnique: true }],
  },
  {
    name: 'users',
    columns: [
      id(),
      str('username', 60),
      str('display_name', 100),
      str('role', 20),
      int('org_unit_id', true),
      str('password_hash', 300),
      bool('active', true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['username'], isUnique: true }],
    foreignKeys: [fk('org_unit_id', 'org_units')],
  },
  {
    name: 'api_tokens',
    columns: [id(), int('user_id'), str('token_hash', 64), str('label', 100), timestamp('created_at'), timestamp('revoked_at', true)],
    indices: [{ columnNames: ['token_hash'], isUnique: true }],
    foreignKeys: [fk('user_id', 'users')],
  },
  {
    name: 'audit_records',
    columns: [
      id(),
      timestamp('at'),
      int('actor_id', true),
      str('actor_name', 60),
      str('action', 60),
      str('entity', 60),
      str('entity_id', 60),
      text('before'),
      text('after'),
      str('request_id', 80, true),
    ],
    indices: [{ columnNames: ['entity', 'entity_id'] }],
  },
  {
    name: 'idempotency_records',
    columns: [
      id(),
      str('scope', 300),
      str('idem_key', 200),
      str('request_hash', 64),
      int('status', true),
      text('response_body'),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['scope', 'idem_key'], isUnique: true }],
  },
];

export class LedgerFoundation1763900000000 implements MigrationInterface {
  name = 'LedgerFoundation1763900000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTables(qr, tables);
  }

  async down(qr: QueryRunner): Promise<void> {
    await dropTables(qr, tables);
  }
}
