import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, MoneyColumn } from './columns';

/** 일반회계 · 공기업특별회계 · 기타특별회계 · 기금 */
export type AccountKind = 'general' | 'public_enterprise' | 'other_special' | 'fund';

/**
 * A named account (회계) of the government: 일반회계, 주차장특별회계, 의료급여기금 … Programs and revenue
 * lines belong to one, so every ledger report can be cut and grouped by it. Like organisation units,
 * an account abolished keeps its row with validTo, so the years it existed still print it.
 */
@Entity('accounts')
@Index(['code'], { unique: true })
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  /** stable code, e.g. '100' 일반회계 */
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 24 })
  kind: AccountKind;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @DateColumn()
  validFrom: string;

  @DateColumn({ nullable: true })
  validTo: string | null;
}

/**
 * What an account's year-end settlement (결산) needs beyond the ledger: the subsidies returned to the
 * state or province (보조금 반납금) and the 교부차액 (the difference between subsidies granted and due;
 * it may be negative). With them the 세입·세출 결산 총괄 computes the 순세계잉여금.
 */
@Entity('account_year_settlements')
@Index(['fiscalYear', 'accountId'], { unique: true })
export class AccountYearSettlement {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  fiscalYear: number;

  @Column({ type: 'int' })
  accountId: number;

  /** 보조금 반납금 (won) */
  @MoneyColumn()
  subsidyReturned: number;

  /** 교부차액 (won, signed) */
  @MoneyColumn()
  grantDifference: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
