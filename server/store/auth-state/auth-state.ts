import type { EntityManager } from 'typeorm';
import { AuthEpoch, LoginAttemptRow } from '../../../entities/shared-auth-state';
import { leanFindOne, leanInsertMany } from '../../db/lean';

/** The statements of the auth state shared by app processes (entities/shared-auth-state.ts). */

/** Counts an attempt under each key (one row per key). */
export async function insertLoginAttempt(em: EntityManager, attempt: string, keys: readonly string[], atMs: number): Promise<void> {
  await leanInsertMany(
    em,
    LoginAttemptRow,
    keys.map((throttleKey) => ({ attempt, throttleKey, atMs })),
  );
}

/** Per key, the attempts at or after `sinceMs`. */
export async function countLoginAttempts(em: EntityManager, keys: readonly string[], sinceMs: number): Promise<number[]> {
  const rows = (await em
    .createQueryBuilder(LoginAttemptRow, 'a')
    .select('a.throttleKey', 'key')
    .addSelect('COUNT(*)', 'n')
    .where('a.throttleKey IN (:...keys)', { keys })
    .andWhere('a.atMs >= :sinceMs', { sinceMs })
    .groupBy('a.throttleKey')
    .getRawMany()) as { key: string; n: number | string }[];
  const byKey = new Map(rows.map((r) => [r.key, Number(r.n)]));
  return keys.map((k) => byKey.get(k) ?? 0);
}

export async function deleteLoginAttempt(em: EntityManager, attempt: string): Promise<void> {
  await em.createQueryBuilder().delete().from(LoginAttemptRow).where('attempt = :attempt', { attempt }).execute();
}

/** Deletes the attempts older than `beforeMs`. */
export async function purgeLoginAttempts(em: EntityManager, beforeMs: number): Promise<void> {
  await em.createQueryBuilder().delete().from(LoginAttemptRow).where('at_ms < :beforeMs', { beforeMs }).execute();
}

/** The revocation epoch (0 before any revocation). */
export async function authEpoch(em: EntityManager): Promise<number> {
  return (await leanFindOne(em, AuthEpoch, { id: 1 }))?.epoch ?? 0;
}

/** Moves the revocation epoch on, in the caller's transaction (so with the change that revokes). */
export async function bumpAuthEpoch(em: EntityManager): Promise<void> {
  const esc = (s: string) => em.connection.driver.escape(s);
  await em.query(`UPDATE ${esc('auth_epoch')} SET ${esc('epoch')} = ${esc('epoch')} + 1 WHERE ${esc('id')} = 1`);
}
