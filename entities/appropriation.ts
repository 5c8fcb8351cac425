import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyColumn, TimestampColumn } from './columns';

/** The appropriation (본예산 as passed) of one program-year for one expense item (편성목). */
@Entity('appropriations')
@Index(['programYearId', 'expenseItem'], { unique: true })
export class Appropriation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  programYearId: number;

  @Column({ type: 'varchar', length: 50 })
  expenseItem: string;

  @MoneyColumn()
  amount: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}
