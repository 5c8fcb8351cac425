import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from './columns';

export type FiscalYearStatus = 'open' | 'closed';

@Entity('fiscal_years')
export class FiscalYear {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 8 })
  status: FiscalYearStatus;

  @TimestampColumn({ nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  closedById: number | null;
}
