import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, MoneyColumn, TimestampColumn } from './columns';

/**
 * Every movement of a program-year's expense line is one signed entry; nothing is ever edited.
 * A correction is a reversing entry (reversalOfId) in an open year.
 */
export const ENTRY_KINDS = [
  'supplementary', // 추경: changes 예산액
  'carry_in', // 전년이월
  'transfer_item', // 전용 (between expense items of one program)
  'transfer_program', // 이용 (between programs, council approval)
  'transfer_org', // 이체 (with a reorganisation)
  'reserve', // 예비비 사용
  'change_use', // 변경사용
  'execution', // 집행 (a negative execution is a 지출반납)
  'carry_out', // 차년이월: 명시 · 사고 · 계속비
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const CARRY_TYPES = ['explicit', 'accident', 'continuing'] as const;
export type CarryType = (typeof CARRY_TYPES)[number];

@Entity('ledger_entries')
@Index(['programYearId', 'expenseItem', 'kind', 'amount'])
export class LedgerEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  programYearId: number;

  @Column({ type: 'int' })
  fiscalYear: number;

  @Column({ type: 'varchar', length: 50 })
  expenseItem: string;

  @Column({ type: 'varchar', length: 24 })
  kind: EntryKind;

  @MoneyColumn()
  amount: number;

  @DateColumn()
  entryDate: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  carryType: CarryType | null;

  @Column({ type: 'int', nullable: true })
  transferId: number | null;

  @Column({ type: 'int', nullable: true })
  reversalOfId: number | null;

  /** what posted this entry when it came from elsewhere, e.g. "disbursement:12" */
  @Column({ type: 'varchar', length: 80, nullable: true })
  sourceRef: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}
