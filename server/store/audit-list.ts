import type { EntityManager } from 'typeorm';
import { AuditRecord } from '../../entities/audit-record';
import type { GridPage, GridQuery } from '../requests/grid';
import { gridRows, GridSql } from './grid';

const AUDIT_SQL: GridSql = {
  select: {
    id: 'a.id',
    at: 'a.at',
    actorName: 'a.actor_name',
    action: 'a.action',
    entity: 'a.entity',
    entityId: 'a.entity_id',
    requestId: 'a.request_id',
  },
  filters: {
    action: 'a.action = :v',
    entity: 'a.entity = :v',
    actor: 'a.actor_name = :v',
    entityId: 'a.entity_id = :v',
    from: 'a.at >= :v',
    // the whole day named
    to: (v) => ({ sql: 'a.at < :gto', params: { gto: nextDay(v) } }),
  },
  search: ['a.actor_name', 'a.action', 'a.entity', 'a.entity_id'],
  tiebreak: 'a.id',
};

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return '9999-12-31';
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A page of the audit trail (who, what, when; the before and after stay in the API). */
export function auditGridRows(
  em: EntityManager,
  query: GridQuery,
  window: { skip: number; take: number },
): Promise<GridPage<Record<string, unknown>>> {
  return gridRows(em.createQueryBuilder().from(AuditRecord, 'a'), AUDIT_SQL, query, window);
}

/** The distinct values of an audit column (for the filters' choices): actions, entities, actors. */
export async function auditChoices(em: EntityManager): Promise<{ actions: string[]; entities: string[]; actors: string[] }> {
  const distinct = async (col: string) =>
    (
      await em.createQueryBuilder().from(AuditRecord, 'a').select(`DISTINCT ${col}`, 'v').orderBy(col, 'ASC').getRawMany<{ v: string }>()
    ).map((r) => r.v);
  return { actions: await distinct('a.action'), entities: await distinct('a.entity'), actors: await distinct('a.actor_name') };
}
