import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, MoneyColumn, TimestampColumn } from './columns';

export type GrantPlanStatus = 'draft' | 'approved' | 'superseded';

/**
 * The yearly grant plan (위탁금 교부계획) of a consignment: an amount per quarter, approved by a
 * budget officer. A change to an approved plan is a new version with a reason; approving it
 * supersedes the previous one. Versions are never edited once approved.
 */
@Entity('grant_plans')
@Index(['consignmentId', 'fiscalYear', 'version'], { unique: true })
export class GrantPlan {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int' })
  fiscalYear: number;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 12 })
  status: GrantPlanStatus;

  @MoneyColumn()
  q1: number;

  @MoneyColumn()
  q2: number;

  @MoneyColumn()
  q3: number;

  @MoneyColumn()
  q4: number;

  @MoneyColumn()
  total: number;

  /** why this version replaces the previous approved one (required from version 2 on) */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @DateColumn({ nullable: true })
  approvedOn: string | null;

  @Column({ type: 'int', nullable: true })
  approvedById: number | null;

  /** figures not in the documents, entered for a demo (예시) */
  @Column({ type: 'boolean', default: false })
  sample: boolean;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}

export type GrantCategory = 'personnel' | 'project' | 'operating'; // 인건비 · 사업비 · 운영비

/**
 * One calculation-basis category of a plan version (인건비, 사업비 and its sub-items, 운영비): what the
 * operator may spend on it. Sub-items name their parent category; top-level lines add up to the plan.
 */
@Entity('grant_plan_categories')
@Index(['grantPlanId', 'code'], { unique: true })
export class GrantPlanCategory {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  grantPlanId: number;

  @Column({ type: 'int' })
  seq: number;

  /** e.g. "personnel", "project", "project.monitoring" */
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  parentCode: string | null;

  @MoneyColumn()
  amount: number;
}
