import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AuditRecord } from '../../../../entities/audit-record';
import { PageQuery, paged, pageWindow } from '../../../http/pagination';
import { route } from '../../../http/route';
import { ADMINS } from '../../../access/roles';

export class ListAuditQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(60)
  entity?: string;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  entityId?: string;
}

export default route<object, ListAuditQuery>({
  id: 'audit-records.list',
  method: 'get',
  path: '/audit-records',
  summary: 'The audit trail: who changed what, when, before and after',
  roles: ADMINS,
  query: ListAuditQuery,
  handler: async ({ ds, query }) => {
    const { skip, take } = pageWindow(query);
    const where = { ...(query.entity ? { entity: query.entity } : {}), ...(query.entityId ? { entityId: query.entityId } : {}) };
    const [items, total] = await ds.getRepository(AuditRecord).findAndCount({ where, order: { id: 'DESC' }, skip, take });
    return { body: paged(items, total, query) };
  },
});
