import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyColumn } from './columns';

/**
 * A program in one fiscal year: its owning department, its place in that year's hierarchy and its
 * printed name. This row is what a write locks (SELECT … FOR UPDATE) before checking the ledger
 * identities, so concurrent executions against one program are serialised.
 */
@Entity('program_years')
@Index(['programId', 'fiscalYear'], { unique: true })
export class ProgramYear {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  programId: number;

  @Column({ type: 'int' })
  fiscalYear: number;

  /** department at the start of the year; an 이체 (org transfer) moves it, see BudgetTransfer */
  @Column({ type: 'int' })
  orgUnitId: number;

  /** the policy program (정책사업) this unit program sits under in this year */
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  /** the prior year's 예산액 restated to this year's organisation (comparison basis), if published */
  @MoneyColumn({ nullable: true })
  priorYearBasis: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
