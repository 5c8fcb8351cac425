import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn } from './columns';

/**
 * A dated version of a rule whose parameters change over time (the 전용 reporting deadline, the
 * renewal score threshold, …). A fact is judged by the version in force on its own date.
 */
@Entity('rule_versions')
@Index(['ruleKey', 'effectiveFrom'], { unique: true })
export class RuleVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 60 })
  ruleKey: string;

  @DateColumn()
  effectiveFrom: string;

  @DateColumn({ nullable: true })
  effectiveTo: string | null;

  /** JSON parameters, e.g. {"quartersAfter":1} or {"minScore":75} */
  @Column({ type: 'text' })
  params: string;

  @Column({ type: 'varchar', length: 500 })
  source: string;
}
