import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, TimestampColumn } from './columns';

export type ConsentKind = 'new' | 'change' | 'reconsignment'; // 신규 위탁 · 중요내용 변경 · 재위탁
export type ConsentResult = 'pending' | 'approved' | 'amended' | 'rejected'; // 심사중 · 원안가결 · 수정가결 · 부결

/**
 * The council-consent record (민간위탁 동의안) of a consignment: 의안번호, 제출일, 회부일, 의결일, 결과.
 * A consent usually precedes one contract term (a re-consignment); it may name that term.
 */
@Entity('consignment_consents')
@Index(['consignmentId', 'billNumber'], { unique: true })
export class ConsignmentConsent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int', nullable: true })
  contractTermId: number | null;

  @Column({ type: 'varchar', length: 16 })
  kind: ConsentKind;

  /** 의안번호 as printed, e.g. "제2081호" */
  @Column({ type: 'varchar', length: 40 })
  billNumber: string;

  @DateColumn({ nullable: true })
  submittedOn: string | null;

  @DateColumn({ nullable: true })
  referredOn: string | null;

  @DateColumn({ nullable: true })
  decidedOn: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  result: ConsentResult;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}

/** Staff headcount (근무 인원) of a consignment in a year. */
@Entity('consignment_staff')
@Index(['consignmentId', 'year'], { unique: true })
export class ConsignmentStaff {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  headcount: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
