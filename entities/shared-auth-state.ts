import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { wonTransformer } from './columns';

/**
 * Auth state that several app processes share through the database (server/auth/login-throttle.ts,
 * server/auth/revocation.ts): one process's memory is not enough once WORKERS or several servers
 * answer the same users.
 */

/** One failed (or still running) login attempt counted under one key (user:…, address:…, global). */
@Entity('login_attempts')
@Index(['throttleKey', 'atMs'])
@Index(['attempt'])
export class LoginAttemptRow {
  @PrimaryGeneratedColumn()
  id: number;

  /** the attempt's id: its rows (one per key) are withdrawn together */
  @Column({ type: 'varchar', length: 36 })
  attempt: string;

  @Column({ type: 'varchar', length: 300 })
  throttleKey: string;

  /** when, in milliseconds since the epoch (the window is compared in the app's clock) */
  @Column({ type: 'bigint', transformer: wonTransformer })
  atMs: number;
}

/** The revocation epoch (row 1): moved on by every change that must end remembered sign-ins at once. */
@Entity('auth_epoch')
export class AuthEpoch {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  epoch: number;
}
