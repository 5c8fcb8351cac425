import { MigrationInterface, QueryRunner } from 'typeorm';
import { bool, createTables, date, dropTables, fk, id, int, str, TableSpec, text, timestamp } from './support/schema';

const tables: TableSpec[] = [
  {
    name: 'evaluation_templates',
    columns: [
      id(),
      str('code', 40),
      int('version'),
      str('name', 200),
      date('effective_from'),
      date('effective_to', true),
      text('grade_bands'),
      str('note', 1000, true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['code', 'version'], isUnique: true }],
  },
  {
    name: 'evaluation_indicator_groups',
    columns: [id(), int('template_id'), int('seq'), str('name', 200), str('scope', 16), str('measure', 16)],
    indices: [{ columnNames: ['template_id', 'seq'], isUnique: true }],
    foreignKeys: [fk('template_id', 'evaluation_templates')],
  },
  {
    name: 'evaluation_indicators',
    columns: [id(), int('template_id'), int('group_id'), int('seq'), str('name', 200), str('max_points', 12), text('guidance')],
    indices: [{ columnNames: ['group_id', 'seq'], isUnique: true }],
    foreignKeys: [fk('template_id', 'evaluation_templates'), fk('group_id', 'evaluation_indicator_groups')],
  },
  {
    name: 'evaluations',
    columns: [
      id(),
      int('consignment_id'),
      int('contract_term_id'),
      int('template_id'),
      str('evaluated_by', 200),
      date('evaluated_on'),
      text('evaluators', false),
      str('total', 12),
      str('grade', 40, true),
      int('supersedes_id', true),
      str('note', 1000, true),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['consignment_id', 'evaluated_on'] }, { columnNames: ['contract_term_id'] }],
    foreignKeys: [
      fk('consignment_id', 'consignments'),
      fk('contract_term_id', 'contract_terms'),
      fk('template_id', 'evaluation_templates'),
      fk('supersedes_id', 'evaluations'),
    ],
  },
  {
    name: 'evaluation_scores',
    columns: [id(), int('evaluation_id'), int('indicator_id'), str('score', 12), text('comment')],
    indices: [{ columnNames: ['evaluation_id', 'indicator_id'], isUnique: true }],
    foreignKeys: [fk('evaluation_id', 'evaluations'), fk('indicator_id', 'evaluation_indicators')],
  },
  {
    name: 'renewal_facts',
    columns: [
      id(),
      int('consignment_id'),
      int('contract_term_id', true),
      str('kind', 20),
      date('fact_date'),
      str('score', 12, true),
      str('description', 1000),
      str('decision', 1000, true),
      { name: 'committee_relevant', type: 'boolean', isNullable: true },
      date('committee_decided_on', true),
      str('reference', 200, true),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['consignment_id', 'fact_date'] }],
    foreignKeys: [fk('consignment_id', 'consignments'), fk('contract_term_id', 'contract_terms')],
  },
  {
    name: 'renewal_decisions',
    columns: [
      id(),
      int('consignment_id'),
      int('contract_term_id'),
      date('decided_on'),
      str('decision', 16),
      str('reason', 2000),
      str('reference', 200, true),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['contract_term_id', 'decided_on'] }],
    foreignKeys: [fk('consignment_id', 'consignments'), fk('contract_term_id', 'contract_terms')],
  },
  {
    name: 'performance_indicators',
    columns: [
      id(),
      int('consignment_id'),
      int('seq', false, 0),
      str('strategic_goal', 300),
      str('task', 300),
      str('name', 300),
      str('unit', 20),
      bool('lower_is_better', false),
      str('note', 1000, true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['consignment_id', 'seq'] }],
    foreignKeys: [fk('consignment_id', 'consignments')],
  },
  {
    name: 'performance_indicator_values',
    columns: [
      id(),
      int('indicator_id'),
      int('year'),
      date('period_end'),
      bool('partial', false),
      str('period_label', 40),
      str('target', 30),
      str('actual', 30, true),
      int('supersedes_id', true),
      str('note', 1000, true),
      int('created_by_id', true),
      timestamp('created_at'),
    ],
    indices: [{ columnNames: ['indicator_id', 'period_end'] }],
    foreignKeys: [fk('indicator_id', 'performance_indicators'), fk('supersedes_id', 'performance_indicator_values')],
  },
  {
    name: 'consignment_activity_figures',
    columns: [
      id(),
      int('consignment_id'),
      int('table_seq'),
      str('table_title', 200),
      int('row_seq'),
      str('row_label', 200),
      int('depth', false, 0),
      { ...str('row_style', 16), default: "'detail'" },
      str('period_label', 40),
      date('period_end'),
      str('value', 1000),
      str('unit', 20, true),
    ],
    indices: [{ columnNames: ['consignment_id', 'table_seq', 'row_seq'] }],
    foreignKeys: [fk('consignment_id', 'consignments')],
  },
];

export class Evaluations1763900400000 implements MigrationInterface {
  name = 'Evaluations1763900400000';

  async up(qr: QueryRunner): Promise<void> {
    await createTables(qr, tables);
  }

  async down(qr: QueryRunner): Promise<void> {
    await dropTables(qr, tables);
  }
}
