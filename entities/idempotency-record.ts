import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/**
 * The first answer to a POST carrying an Idempotency-Key. A replay with the same key and body gets
 * the stored answer; the same key with another body is refused. The record is written in the same
 * transaction as the request's work, its answer before COMMIT (server/http/idempotency.ts), and is
 * kept until `expiresAt`.
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

  /** null while the first request is still running (never committed so, except by older versions) */
  @Column({ type: 'int', nullable: true })
  status: number | null;

  @Column({ type: 'text', nullable: true })
  responseBody: string | null;

  /** the body was longer than the cap and is stored shortened */
  @Column({ type: 'boolean', default: false })
  truncated: boolean;

  @TimestampColumn()
  createdAt: Date;

  /** the answer is kept until then, then purged */
  @TimestampColumn({ nullable: true })
  expiresAt: Date | null;

  /** a claim without an answer (status null) may be taken over by a retry after this time */
  @TimestampColumn({ nullable: true })
  lockedUntil: Date | null;
}
