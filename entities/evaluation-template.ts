import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, TimestampColumn } from './columns';

/**
 * A version of the comprehensive-evaluation template (종합성과평가 지표): indicator groups with their
 * indicators and maximum points. A new version is a new row (code + version); an evaluation keeps the
 * version it was scored against.
 */
@Entity('evaluation_templates')
@Index(['code', 'version'], { unique: true })
export class EvaluationTemplate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @DateColumn()
  effectiveFrom: string;

  @DateColumn({ nullable: true })
  effectiveTo: string | null;

  /** JSON [{grade, minScore}] (minScore decimal text, inclusive), or null when the template defines no grades */
  @Column({ type: 'text', nullable: true })
  gradeBands: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @TimestampColumn()
  createdAt: Date;
}

export type IndicatorScope = 'common' | 'individual'; // 공통지표 · 개별지표
export type IndicatorMeasure = 'quantitative' | 'qualitative'; // 계량 · 비계량

export const SCOPE_KO: Record<IndicatorScope, string> = { common: '공통지표', individual: '개별지표' };
export const MEASURE_KO: Record<IndicatorMeasure, string> = { quantitative: '계량', qualitative: '비계량' };

@Entity('evaluation_indicator_groups')
@Index(['templateId', 'seq'], { unique: true })
export class EvaluationIndicatorGroup {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  templateId: number;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  scope: IndicatorScope;

  @Column({ type: 'varchar', length: 16 })
  measure: IndicatorMeasure;
}

@Entity('evaluation_indicators')
@Index(['groupId', 'seq'], { unique: true })
export class EvaluationIndicator {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  templateId: number;

  @Column({ type: 'int' })
  groupId: number;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** maximum points, decimal text ("15", "2.5") */
  @Column({ type: 'varchar', length: 12 })
  maxPoints: string;

  /** 평가 착안사항 */
  @Column({ type: 'text', nullable: true })
  guidance: string | null;
}
