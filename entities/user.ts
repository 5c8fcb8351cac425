import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';

export const ROLES = ['budget_officer', 'inspector', 'council_staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity('users')
@Index(['username'], { unique: true })
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 60 })
  username: string;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** the department a budget officer or inspector works for; null for council staff and admins */
  @Column({ type: 'int', nullable: true })
  orgUnitId: number | null;

  /** scrypt$N$r$p$salt$hash */
  @Column({ type: 'varchar', length: 300 })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @TimestampColumn()
  createdAt: Date;
}

/**
 * A bearer token for the JSON API; only its SHA-256 is stored. An integration token (issued by an
 * administrator) has a name (label), a prefix that identifies it, an expiry and its last use; the
 * demo accounts' tokens have neither prefix nor expiry.
 */
@Entity('api_tokens')
@Index(['tokenHash'], { unique: true })
export class ApiToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 100 })
  label: string;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  revokedAt: Date | null;

  /** the token's first characters, shown in lists to tell tokens apart (never enough to use it) */
  @Column({ type: 'varchar', length: 16, nullable: true })
  prefix: string | null;

  /** after this instant the token opens nothing; null: no expiry (the demo tokens) */
  @TimestampColumn({ nullable: true })
  expiresAt: Date | null;

  /** when the token was last used, written at most once a minute */
  @TimestampColumn({ nullable: true })
  lastUsedAt: Date | null;

  /** the administrator who issued it; null for the seeds' tokens */
  @Column({ type: 'int', nullable: true })
  createdById: number | null;
}
