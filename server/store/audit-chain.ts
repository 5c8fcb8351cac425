import type { EntityManager } from 'typeorm';
import { AuditChainHead, AuditRecord } from '../../entities/audit-record';
import type { ChainRecord } from '../../domain/audit-chain';
import { hydrate, leanFindOne, selectColumns } from '../db/lean';

/** Reading the audit chain to verify it (the records are appended by server/store/audit.ts). */

/** The chain's head: how many records it has and the hash of the last; null before the migration. */
export async function auditChainHead(em: EntityManager): Promise<{ records: number; hash: string } | null> {
  const head = await leanFindOne(em, AuditChainHead, { id: 1 });
  return head ? { records: head.records, hash: head.hash } : null;
}

/** Up to `limit` records after the record `afterId`, in id order (chain order). */
export async function auditChainPage(em: EntityManager, afterId: number, limit: number): Promise<ChainRecord[]> {
  const esc = (s: string) => em.connection.driver.escape(s);
  const rows = (await em.query(
    `SELECT ${selectColumns(em, AuditRecord, 'a')} FROM ${esc('audit_records')} ${esc('a')} WHERE ${esc('a')}.${esc('id')} > ? ORDER BY ${esc('a')}.${esc('id')} LIMIT ${Math.floor(limit)}`,
    [afterId],
  )) as Record<string, unknown>[];
  return rows.map((row) => {
    const r = hydrate(em, AuditRecord, row);
    // a record edited by hand to NULL or '' is unsealed, not a mismatch
    return { ...r, prevHash: r.prevHash || null, hash: r.hash || null };
  });
}
