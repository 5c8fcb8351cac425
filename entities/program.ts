import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 정책사업 › 단위사업 › 세부사업 (the onboarding workbook's third level), and 기본경비 */
export type ProgramKind = 'policy' | 'unit' | 'detail' | 'basic';
export type Account = 'general' | 'special' | 'fund';

/** A program with a code that stays the same across years (정책사업, 단위사업, 세부사업, 기본경비). */
@Entity('programs')
@Index(['code'], { unique: true })
export class Program {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ProgramKind;

  /** the legacy category; the named account (회계) is accountId */
  @Column({ type: 'varchar', length: 16 })
  account: Account;

  /** the named account (회계, entities/account.ts) the program belongs to */
  @Column({ type: 'int', nullable: true })
  accountId: number | null;
}
