import { LessThan, type EntityManager } from 'typeorm';
import { WebSession } from '../../../entities/web-session';

/** Every statement on the web_sessions table (browser sessions: only the SHA-256 of the cookie is kept). */

export type NewSessionRow = Pick<WebSession, 'tokenHash' | 'userId' | 'csrfSecret' | 'createdAt' | 'expiresAt'>;

export async function insertSession(em: EntityManager, row: NewSessionRow): Promise<WebSession> {
  const repo = em.getRepository(WebSession);
  const created = repo.create(row);
  await repo.save(created);
  return created;
}

/** Housekeeping: forgets the sessions that ran out before `now`. */
export async function deleteExpiredSessions(em: EntityManager, now: Date): Promise<void> {
  await em.getRepository(WebSession).delete({ expiresAt: LessThan(now) });
}

export const sessionByTokenHash = (em: EntityManager, tokenHash: string): Promise<WebSession | null> =>
  em.getRepository(WebSession).findOneBy({ tokenHash });

export async function deleteSession(em: EntityManager, id: number): Promise<void> {
  await em.getRepository(WebSession).delete({ id });
}

export async function deleteSessionByTokenHash(em: EntityManager, tokenHash: string): Promise<void> {
  await em.getRepository(WebSession).delete({ tokenHash });
}

/** Ends every browser session of a user (a password reset). */
export async function deleteSessionsOfUser(em: EntityManager, userId: number): Promise<void> {
  await em.getRepository(WebSession).delete({ userId });
}
