import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, MoneyColumn, TimestampColumn } from './columns';

export type DisbursementStatus = 'requested' | 'decided' | 'paid' | 'rejected' | 'withdrawn';

/**
 * A grant to the operator (위탁금 교부): the operator's request (신청), the city's decision
 * (교부결정) and the payment (교부), which posts to the ledger as 집행 of the funding program.
 */
@Entity('disbursements')
@Index(['consignmentId', 'fiscalYear', 'status', 'paidAmount'])
export class Disbursement {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int' })
  fiscalYear: number;

  /** the quarter of the grant plan this grant draws on */
  @Column({ type: 'int' })
  quarter: number;

  @Column({ type: 'varchar', length: 12 })
  status: DisbursementStatus;

  @DateColumn()
  requestedOn: string;

  /** who recorded the request (신청): the one who may withdraw it */
  @Column({ type: 'int', nullable: true })
  requestedById: number | null;

  @MoneyColumn()
  requestedAmount: number;

  @DateColumn({ nullable: true })
  decidedOn: string | null;

  @MoneyColumn({ nullable: true })
  decidedAmount: number | null;

  @Column({ type: 'int', nullable: true })
  decidedById: number | null;

  /** 반려 사유 (or a note on a partial approval) */
  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionReason: string | null;

  @DateColumn({ nullable: true })
  paidOn: string | null;

  @MoneyColumn({ nullable: true })
  paidAmount: number | null;

  @Column({ type: 'int', nullable: true })
  paidById: number | null;

  /** 철회: the requester withdrew the request before it was paid */
  @DateColumn({ nullable: true })
  withdrawnOn: string | null;

  @Column({ type: 'int', nullable: true })
  withdrawnById: number | null;

  /**
   * 일괄·신속교부: paid ahead of the quarterly plan (up to the year's plan) with a recorded reason.
   * The database defaults it to false; the service always sets it, so TypeORM need not read it back.
   */
  @Column({ type: 'boolean' })
  lumpSum: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lumpSumReason: string | null;

  /** the plan version in force when it was paid */
  @Column({ type: 'int', nullable: true })
  grantPlanId: number | null;

  @Column({ type: 'int', nullable: true })
  ledgerEntryId: number | null;

  /** set on the reversal of a paid grant (교부 취소): the payment it undoes; its amounts are negative */
  @Column({ type: 'int', nullable: true })
  reversalOfId: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'boolean' })
  sample: boolean;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}
