import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/**
 * The first answer to a POST carrying an Idempotency-Key. A replay with the same key and body gets
 * the stored answer; the same key with another body is refused.
 */
@Entity('idempotency_records')
@Index(['scope', 'idemKey'], { unique: true })
export class IdempotencyRecord {
  @PrimaryGeneratedColumn()
  id: number;

  /** user id + method + path, so two users' keys never collide */
  @Column({ type: 'varchar', length: 300 })
  scope: string;

  @Column({ type: 'varchar', length: 200 })
  idemKey: string;

  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  /** null while the first request is still running */
  @Column({ type: 'int', nullable: true })
  status: number | null;

  @Column({ type: 'text', nullable: true })
  responseBody: string | null;

  @TimestampColumn()
  createdAt: Date;
}
