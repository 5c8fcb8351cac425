import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, TimestampColumn } from './columns';

/**
 * Facts the renewal verdict rests on besides the evaluation and the inspection findings:
 *   selection_score — the selection committee's (적격자심의위원회) score of the operator (②);
 *   misconduct      — serious misconduct punished (④), with its date and the decision (처분);
 *   audit_sanction  — an audit body's sanction (⑤), and whether the evaluation committee judged it relevant.
 */
export type RenewalFactKind = 'selection_score' | 'misconduct' | 'audit_sanction';

@Entity('renewal_facts')
@Index(['consignmentId', 'factDate'])
export class RenewalFact {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int', nullable: true })
  contractTermId: number | null;

  @Column({ type: 'varchar', length: 20 })
  kind: RenewalFactKind;

  @DateColumn()
  factDate: string;

  /** selection_score: decimal text */
  @Column({ type: 'varchar', length: 12, nullable: true })
  score: string | null;

  @Column({ type: 'varchar', length: 1000 })
  description: string;

  /** the decision: 처분·처벌 내용 or the sanction */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  decision: string | null;

  /** audit_sanction: the evaluation committee judged a sanction necessary */
  @Column({ type: 'boolean', nullable: true })
  committeeRelevant: boolean | null;

  @DateColumn({ nullable: true })
  committeeDecidedOn: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reference: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}

/** What the city decided at the end of a term: renewal (재계약) or re-tender (재위탁 공개모집), and why. */
@Entity('renewal_decisions')
@Index(['contractTermId', 'decidedOn'])
export class RenewalDecision {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  /** the term whose end the decision is about */
  @Column({ type: 'int' })
  contractTermId: number;

  @DateColumn()
  decidedOn: string;

  @Column({ type: 'varchar', length: 16 })
  decision: 'renewal' | 'retender';

  @Column({ type: 'varchar', length: 2000 })
  reason: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reference: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}
