import { MigrationInterface, QueryRunner, TableColumn, TableColumnOptions } from 'typeorm';
import { date, int, str } from './support/schema';

/**
 * Issue 17: the 교부 신청 → 결정 → 교부 flow (each step attributed; 반려 with its reason; 철회 dated and
 * attributed) and the findings' follow-up (조치 결과 with an attachment kept outside the database by its
 * SHA-256, 보완 요구, 종결) and the stated reason of a self-approved inspection.
 */
const DISBURSEMENT_COLUMNS: TableColumnOptions[] = [
  int('requested_by_id', true),
  int('decided_by_id', true),
  str('decision_reason', 500, true),
  int('paid_by_id', true),
  date('withdrawn_on', true),
  int('withdrawn_by_id', true),
];

const FINDING_COLUMNS: TableColumnOptions[] = [
  str('action_attachment_sha256', 64, true),
  str('action_attachment_name', 200, true),
  str('action_attachment_type', 40, true),
  int('action_attachment_size', true),
  date('rework_requested_on', true),
  int('rework_requested_by_id', true),
  str('rework_note', 1000, true),
  date('closed_on', true),
  int('closed_by_id', true),
  str('closed_by_name', 60, true),
];

export class GrantRequestsAndFollowUp1763901500000 implements MigrationInterface {
  name = 'GrantRequestsAndFollowUp1763901500000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns(
      'disbursements',
      DISBURSEMENT_COLUMNS.map((c) => new TableColumn(c)),
    );
    // a request recorded before this migration was recorded by whoever created the row
    await qr.query('UPDATE disbursements SET requested_by_id = created_by_id');
    await qr.addColumns(
      'inspection_findings',
      FINDING_COLUMNS.map((c) => new TableColumn(c)),
    );
    await qr.addColumn('inspections', new TableColumn(str('self_approval_reason', 500, true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('inspections', 'self_approval_reason');
    await qr.dropColumns(
      'inspection_findings',
      FINDING_COLUMNS.map((c) => c.name),
    );
    await qr.dropColumns(
      'disbursements',
      DISBURSEMENT_COLUMNS.map((c) => c.name),
    );
  }
}
