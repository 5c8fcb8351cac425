import { EntityManager } from 'typeorm';
import { AuditRecord } from '../../entities/audit-record';
import { leanInsert } from '../db/lean';
import { RequestContext } from '../context';

export interface AuditChange {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Writes the audit record of a change inside the caller's transaction, so both land or neither. */
export async function audit(em: EntityManager, ctx: RequestContext, change: AuditChange): Promise<void> {
  await leanInsert(em, AuditRecord, {
    at: new Date(),
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action: change.action,
    entity: change.entity,
    entityId: String(change.entityId),
    before: change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === undefined ? null : JSON.stringify(change.after),
    requestId: ctx.requestId,
  });
}
