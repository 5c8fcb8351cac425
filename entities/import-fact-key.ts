import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/**
 * The idempotency key of a ledger fact (집행 · 세입 · 이월 row) that the onboarding import appended:
 * a hash of the row's fields and of how many identical rows came before it in its file. Importing
 * the same file again finds every key present and appends nothing.
 */
@Entity('import_fact_keys')
@Index(['factKey'], { unique: true })
export class ImportFactKey {
  @PrimaryGeneratedColumn()
  id: number;

  /** sha-1 hex of the row (domain/import-cells.ts factKeyText) */
  @Column({ type: 'varchar', length: 40 })
  factKey: string;

  /** the sheet it came from: 집행, 세입, 이월 */
  @Column({ type: 'varchar', length: 20 })
  sheet: string;

  @TimestampColumn()
  createdAt: Date;
}
