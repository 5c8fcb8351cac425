import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, MoneyColumn, TimestampColumn } from './columns';

export type SettlementStatus = 'submitted' | 'reviewed' | 'confirmed' | 'superseded';

/**
 * Year-end settlement (정산) of a consignment-year: 반납액 = 교부액 + 이자 − 집행액. Submitted by the
 * officer, reviewed, confirmed; a confirmed settlement locks that consignment-year and its return
 * posts to the ledger.
 */
@Entity('consignment_settlements')
@Index(['consignmentId', 'fiscalYear'])
export class ConsignmentSettlement {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int' })
  fiscalYear: number;

  @Column({ type: 'varchar', length: 12 })
  status: SettlementStatus;

  @Column({ type: 'int', nullable: true })
  grantPlanId: number | null;

  /** 교부액 */
  @MoneyColumn()
  granted: number;

  /** 집행액 (operator spending) */
  @MoneyColumn()
  spent: number;

  /** 이자 */
  @MoneyColumn()
  interest: number;

  /** 반납액 = granted + interest − spent */
  @MoneyColumn()
  returnAmount: number;

  /** percent margin a category may overspend its plan, from the rule in force */
  @Column({ type: 'varchar', length: 10 })
  overspendMargin: string;

  @Column({ type: 'boolean', default: false })
  flagged: boolean;

  @DateColumn()
  submittedOn: string;

  @Column({ type: 'int', nullable: true })
  submittedById: number | null;

  @DateColumn({ nullable: true })
  reviewedOn: string | null;

  @Column({ type: 'int', nullable: true })
  reviewedById: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reviewNote: string | null;

  @DateColumn({ nullable: true })
  confirmedOn: string | null;

  @Column({ type: 'int', nullable: true })
  confirmedById: number | null;

  @Column({ type: 'int', nullable: true })
  returnEntryId: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @TimestampColumn()
  createdAt: Date;
}

/** One category of a settlement: planned vs spent, and whether it overspent beyond the margin. */
@Entity('consignment_settlement_lines')
@Index(['settlementId', 'code'], { unique: true })
export class ConsignmentSettlementLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  settlementId: number;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  parentCode: string | null;

  @MoneyColumn()
  planned: number;

  @MoneyColumn()
  spent: number;

  @Column({ type: 'boolean', default: false })
  overspent: boolean;
}
