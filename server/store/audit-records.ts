import type { EntityManager } from 'typeorm';
import { AuditRecord } from '../../entities/audit-record';

/** Reading the audit trail (the records are written by server/store/audit.ts). */
export async function auditRecordPage(
  em: EntityManager,
  filter: { entity?: string; entityId?: string },
  skip: number,
  take: number,
): Promise<[AuditRecord[], number]> {
  const where = { ...(filter.entity ? { entity: filter.entity } : {}), ...(filter.entityId ? { entityId: filter.entityId } : {}) };
  return em.getRepository(AuditRecord).findAndCount({ where, order: { id: 'DESC' }, skip, take });
}
