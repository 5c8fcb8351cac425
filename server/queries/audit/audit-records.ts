import type { EntityManager } from 'typeorm';
import type { AuditRecord } from '../../../entities/audit-record';
import { auditRecordPage } from '../../store/audit-records';

/** The audit trail, newest first, optionally of one entity (and one of its rows): a page of it and the total. */
export async function listAuditRecords(
  em: EntityManager,
  filter: { entity?: string; entityId?: string },
  window: { skip: number; take: number },
): Promise<{ items: AuditRecord[]; total: number }> {
  const [items, total] = await auditRecordPage(em, filter, window.skip, window.take);
  return { items, total };
}
