import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/** Who changed what, when, with the state before and after (JSON). Written in the same transaction. */
@Entity('audit_records')
@Index(['entity', 'entityId'])
export class AuditRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @TimestampColumn()
  at: Date;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 60 })
  actorName: string;

  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 60 })
  entity: string;

  @Column({ type: 'varchar', length: 60 })
  entityId: string;

  @Column({ type: 'text', nullable: true })
  before: string | null;

  @Column({ type: 'text', nullable: true })
  after: string | null;

  /** the server's id of the request (a UUID), never the client's */
  @Column({ type: 'varchar', length: 80, nullable: true })
  requestId: string | null;

  /** the client's X-Request-Id, sanitised and bounded (server/http/request-id.ts): for correlation only */
  @Column({ type: 'varchar', length: 64, nullable: true })
  correlationId: string | null;
}
