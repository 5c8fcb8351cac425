import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, MoneyColumn, TimestampColumn } from './columns';

export type TransferKind = 'item' | 'program' | 'org'; // 전용 · 이용 · 이체

/**
 * A budget transfer. 전용 (item) moves money between expense items of one program and must be
 * reported to the standing committee quarterly; 이용 (program) moves it between programs with prior
 * council approval; 이체 (org) follows a reorganisation — when from and to are the same program-year
 * the whole program changes department and no money moves.
 */
@Entity('budget_transfers')
export class BudgetTransfer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 8 })
  kind: TransferKind;

  @Column({ type: 'int' })
  fiscalYear: number;

  @DateColumn()
  transferDate: string;

  @MoneyColumn()
  amount: number;

  @Column({ type: 'int' })
  fromProgramYearId: number;

  @Column({ type: 'varchar', length: 50 })
  fromItem: string;

  @Column({ type: 'int' })
  toProgramYearId: number;

  @Column({ type: 'varchar', length: 50 })
  toItem: string;

  @Column({ type: 'int', nullable: true })
  fromOrgUnitId: number | null;

  @Column({ type: 'int', nullable: true })
  toOrgUnitId: number | null;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  /** council approval reference, required for 이용 */
  @Column({ type: 'varchar', length: 100, nullable: true })
  approvalRef: string | null;

  /** the date the 전용 was reported to the standing committee (상임위원회 보고일) */
  @DateColumn({ nullable: true })
  reportedOn: string | null;

  @Column({ type: 'int', nullable: true })
  reversalOfId: number | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}
