import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/**
 * Who changed what, when, with the state before and after (JSON). Written in the same transaction,
 * each record chained to the one before it by a hash (tamper-evident: `npm run verify-audit`).
 */
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

  /** the hash of the record before it in the chain (domain/audit-chain.ts); 64 zeros for the first */
  @Column({ type: 'varchar', length: 64 })
  prevHash: string;

  /** SHA-256 of prevHash and this record's content: the chain's link */
  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

/**
 * The head of the audit chain: one row (id 1), moved in the same transaction as the records it
 * adds and locked while it does (so the chain is one line however many transactions append at once).
 */
@Entity('audit_chain')
export class AuditChainHead {
  @PrimaryColumn({ type: 'int' })
  id: number;

  /** how many records the chain has */
  @Column({ type: 'int' })
  records: number;

  /** the hash of its last record (64 zeros while it has none) */
  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
