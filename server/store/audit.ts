import { EntityManager } from 'typeorm';
import { AuditRecord } from '../../entities/audit-record';
import { RequestContext } from '../context';
import { leanInsert, leanInsertMany } from '../db/lean';
import { beforeCommit, transactionLocal } from '../db/transaction';

export interface AuditChange {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

type AuditRow = Omit<AuditRecord, 'id'>;

const QUEUE = Symbol('audit records of this transaction');

/**
 * Records a change in the caller's transaction, so both land or neither. The state is captured
 * now; inside a transaction the row is written with the transaction's other records in one
 * statement just before the commit (a payment writes two or three).
 */
export async function audit(em: EntityManager, ctx: RequestContext, change: AuditChange): Promise<void> {
  const row: AuditRow = {
    at: new Date(),
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action: change.action,
    entity: change.entity,
    entityId: String(change.entityId),
    before: change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === undefined ? null : JSON.stringify(change.after),
    requestId: ctx.requestId,
    correlationId: ctx.correlationId ?? null,
  };
  const queue = transactionLocal(em, QUEUE, () => {
    const rows: AuditRow[] = [];
    beforeCommit(em, () => leanInsertMany(em, AuditRecord, rows));
    return rows;
  });
  if (queue) queue.push(row);
  else await leanInsert(em, AuditRecord, row);
}
