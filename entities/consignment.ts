import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, TimestampColumn } from './columns';

/** An operator (수탁기관) running consigned work for the city. */
@Entity('operators')
@Index(['name'])
export class Operator {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 법인등록번호 or 사업자등록번호, as registered */
  @Column({ type: 'varchar', length: 40, nullable: true })
  registrationNumber: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  representative: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}

export type ConsignmentType = 'office' | 'facility'; // 사무형 · 시설형
export type FundingType = 'budget' | 'self'; // 예산지원형 · 자립형

/**
 * A consigned task (위탁사무): what the city hands to an operator, who in the city owns it and
 * which program and expense item fund it (normally 민간위탁금).
 */
@Entity('consignments')
@Index(['code'], { unique: true })
export class Consignment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  consignmentType: ConsignmentType;

  @Column({ type: 'varchar', length: 16 })
  fundingType: FundingType;

  @Column({ type: 'varchar', length: 500, nullable: true })
  legalBasis: string | null;

  /** owning department */
  @Column({ type: 'int' })
  orgUnitId: number;

  /** the program (stable code) whose appropriation funds it */
  @Column({ type: 'int', nullable: true })
  programId: number | null;

  @Column({ type: 'varchar', length: 50, default: '민간위탁금' })
  expenseItem: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  location: string | null;

  @DateColumn({ nullable: true })
  startedOn: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @TimestampColumn()
  createdAt: Date;
}

export type SelectionMethod = 'open' | 'renewal' | 'retender'; // 공개모집 · 재계약 · 재위탁(공모)

/** One contract term of a consignment with the operator that held it. */
@Entity('contract_terms')
@Index(['consignmentId', 'startDate'], { unique: true })
export class ContractTerm {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int' })
  operatorId: number;

  @DateColumn()
  startDate: string;

  @DateColumn()
  endDate: string;

  @Column({ type: 'varchar', length: 16 })
  selectionMethod: SelectionMethod;

  /** how many renewals (재계약) this term is, counted from the last open selection */
  @Column({ type: 'int', default: 0 })
  renewalCount: number;

  /**
   * The comprehensive-evaluation total as the documents record it for this term (e.g. "86.0"),
   * and who evaluated; detailed evaluations with indicator scores live with the evaluations.
   */
  @Column({ type: 'varchar', length: 10, nullable: true })
  recordedScore: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  evaluatedBy: string | null;

  /** 계약기간 as the documents print it ("8개월", "2년"), kept because it does not always follow from the dates */
  @Column({ type: 'varchar', length: 20, nullable: true })
  periodLabel?: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;
}
