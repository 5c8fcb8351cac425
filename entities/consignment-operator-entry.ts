import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, MoneyColumn, TimestampColumn } from './columns';

export type OperatorEntryKind = 'spending' | 'interest'; // 수탁기관 집행 · 이자 발생

/**
 * What the operator reports per quarter: spending (집행) against a calculation-basis category of the
 * plan, and interest earned on the grant account. Signed: a correction is a negative entry with a reason.
 */
@Entity('consignment_operator_entries')
@Index(['consignmentId', 'fiscalYear'])
export class OperatorEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int' })
  fiscalYear: number;

  @Column({ type: 'int' })
  quarter: number;

  @Column({ type: 'varchar', length: 12 })
  kind: OperatorEntryKind;

  /** plan category code (spending only), e.g. "personnel" or "project.monitoring" */
  @Column({ type: 'varchar', length: 40, nullable: true })
  categoryCode: string | null;

  @MoneyColumn()
  amount: number;

  @DateColumn()
  entryDate: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'boolean', default: false })
  sample: boolean;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}
