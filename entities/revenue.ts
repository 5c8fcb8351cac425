import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, MoneyColumn, TimestampColumn } from './columns';

/** A revenue line (세입) of an organisation unit in a year: 예산액 and 예산현액; parents are roll-ups. */
@Entity('revenue_lines')
@Index(['fiscalYear', 'code'], { unique: true })
export class RevenueLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  fiscalYear: number;

  @Column({ type: 'int' })
  orgUnitId: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  /** the named account (회계) the line belongs to */
  @Column({ type: 'int', nullable: true })
  accountId: number | null;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @MoneyColumn()
  budget: number;

  @MoneyColumn()
  currentBudget: number;
}

export type RevenueEntryKind = 'assessed' | 'collected' | 'written_off' | 'refunded'; // 징수결정 · 수납 · 불납결손 · 환급 (과오납 환급: lowers 수납액)

@Entity('revenue_entries')
@Index(['revenueLineId'])
export class RevenueEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  revenueLineId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: RevenueEntryKind;

  @MoneyColumn()
  amount: number;

  @DateColumn()
  entryDate: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'int', nullable: true })
  reversalOfId: number | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}
