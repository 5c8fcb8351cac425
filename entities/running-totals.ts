import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyColumn } from './columns';
import type { EntryKind } from './ledger-entry';

/**
 * Running totals, kept in the same transaction as the rows they add up, so that the checks made on
 * every payment and execution read one row instead of summing the line's whole history. The
 * entries and the disbursements stay the record; the reports add those up themselves, and a test
 * checks the totals against them.
 */

/** Σ amount of a ledger line's entries (program-year × 편성목) of one kind. */
@Entity('ledger_line_totals')
@Index(['programYearId', 'expenseItem', 'kind'], { unique: true })
export class LedgerLineTotal {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  programYearId: number;

  @Column({ type: 'varchar', length: 50 })
  expenseItem: string;

  @Column({ type: 'varchar', length: 24 })
  kind: EntryKind;

  @MoneyColumn()
  amount: number;
}

/** Σ paid grants (교부액) of a consignment-year. */
@Entity('consignment_grant_totals')
@Index(['consignmentId', 'fiscalYear'], { unique: true })
export class ConsignmentGrantTotal {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int' })
  fiscalYear: number;

  @MoneyColumn()
  paid: number;
}
