import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, TimestampColumn } from './columns';

/**
 * A comprehensive evaluation (종합성과평가) of one contract term against one template version. The
 * total is computed from the indicator scores by the service (never typed in) and stored beside them
 * for listing. A correction is a new evaluation that supersedes the old one; nothing is overwritten.
 */
@Entity('evaluations')
@Index(['consignmentId', 'evaluatedOn'])
@Index(['contractTermId'])
export class Evaluation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int' })
  contractTermId: number;

  @Column({ type: 'int' })
  templateId: number;

  /** evaluating department or agency (평가주관), e.g. 조직담당관 */
  @Column({ type: 'varchar', length: 200 })
  evaluatedBy: string;

  @DateColumn()
  evaluatedOn: string;

  /** JSON array of evaluator names */
  @Column({ type: 'text' })
  evaluators: string;

  /** sum of the indicator scores, decimal text with two places ("83.44") */
  @Column({ type: 'varchar', length: 12 })
  total: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  grade: string | null;

  @Column({ type: 'int', nullable: true })
  supersedesId: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}

@Entity('evaluation_scores')
@Index(['evaluationId', 'indicatorId'], { unique: true })
export class EvaluationScore {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  evaluationId: number;

  @Column({ type: 'int' })
  indicatorId: number;

  /** decimal text with two places */
  @Column({ type: 'varchar', length: 12 })
  score: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
