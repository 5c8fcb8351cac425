import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn } from './columns';

/** 'city' is the whole government, above its 실·국·본부 */
export type OrgLevel = 'city' | 'bureau' | 'department' | 'team';

/**
 * An organisation unit (실·국·본부 → 부서 → 팀) for a validity period. Organisations change: a
 * department abolished on 2019-01-01 keeps its row with validTo 2018-12-31, so a report for 2018
 * still shows it.
 */
@Entity('org_units')
@Index(['code'], { unique: true })
export class OrgUnit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: OrgLevel;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @DateColumn()
  validFrom: string;

  @DateColumn({ nullable: true })
  validTo: string | null;
}
