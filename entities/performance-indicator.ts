import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, TimestampColumn } from './columns';

/** A performance indicator (성과지표) of a consignment: strategic goal → task → indicator. */
@Entity('performance_indicators')
@Index(['consignmentId', 'seq'])
export class PerformanceIndicator {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int', default: 0 })
  seq: number;

  /** 전략목표 */
  @Column({ type: 'varchar', length: 300 })
  strategicGoal: string;

  /** 전략과제 (세부사업) */
  @Column({ type: 'varchar', length: 300 })
  task: string;

  /** 성과지표 */
  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** 단위: %, 명, 회 … */
  @Column({ type: 'varchar', length: 20 })
  unit: string;

  /** achievement = target / actual × 100 when lower is better */
  @Column({ type: 'boolean', default: false })
  lowerIsBetter: boolean;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @TimestampColumn()
  createdAt: Date;
}

/**
 * Target and actual of an indicator for one period: a whole year, or part of it (seed 001's ’24.6월
 * column: periodEnd 2024-06-30, partial). Achievement is computed, never stored. A correction is a
 * new row that supersedes the old one.
 */
@Entity('performance_indicator_values')
@Index(['indicatorId', 'periodEnd'])
export class PerformanceIndicatorValue {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  indicatorId: number;

  @Column({ type: 'int' })
  year: number;

  @DateColumn()
  periodEnd: string;

  @Column({ type: 'boolean', default: false })
  partial: boolean;

  /** column heading as printed, e.g. "2022년" or "’24.6월" */
  @Column({ type: 'varchar', length: 40 })
  periodLabel: string;

  /** 목표치, decimal text */
  @Column({ type: 'varchar', length: 30 })
  target: string;

  /** 실적치, decimal text; null when not yet known */
  @Column({ type: 'varchar', length: 30, nullable: true })
  actual: string | null;

  @Column({ type: 'int', nullable: true })
  supersedesId: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}

/**
 * Activity figures of a consignment as the performance report prints them (모니터링 실적, 상담 및
 * 피해구제 현황, 시장감시 활동, 인력 운영 …): a table, a row (with depth), a period column and a value.
 */
@Entity('consignment_activity_figures')
@Index(['consignmentId', 'tableSeq', 'rowSeq'])
export class ActivityFigure {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int' })
  tableSeq: number;

  /** e.g. "전자상거래업체 모니터링 및 DB 구축 실적" */
  @Column({ type: 'varchar', length: 200 })
  tableTitle: string;

  @Column({ type: 'int' })
  rowSeq: number;

  @Column({ type: 'varchar', length: 200 })
  rowLabel: string;

  @Column({ type: 'int', default: 0 })
  depth: number;

  /** 'total' and 'subtotal' rows are printed as recorded and checked against the rows they sum */
  @Column({ type: 'varchar', length: 16, default: 'detail' })
  rowStyle: 'total' | 'subtotal' | 'detail';

  /** e.g. "2022년", "’24.08.12." */
  @Column({ type: 'varchar', length: 40 })
  periodLabel: string;

  @DateColumn()
  periodEnd: string;

  /** a number as decimal text, or free text (e.g. the topics of 피해주의보) */
  @Column({ type: 'varchar', length: 1000 })
  value: string;

  /** 개소, 건, 명 … (printed after the figure) */
  @Column({ type: 'varchar', length: 20, nullable: true })
  unit: string | null;
}
