import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/**
 * A browser session of the web pages. The cookie carries a random id; only its SHA-256 is stored, so
 * a copy of the database does not let anyone sign in. Each session has its own CSRF secret.
 */
@Entity('web_sessions')
@Index(['tokenHash'], { unique: true })
@Index(['expiresAt'])
export class WebSession {
  @PrimaryGeneratedColumn()
  id: number;

  /** SHA-256 (hex) of the random session id in the cookie */
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'int' })
  userId: number;

  /** the synchronizer token every form of this session must carry */
  @Column({ type: 'varchar', length: 64 })
  csrfSecret: string;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn()
  expiresAt: Date;
}
