import { IsOptional, IsString, MaxLength } from 'class-validator';
import { listAuditRecords } from '../../../queries/audit/audit-records';
import { PageQuery, paged, pageWindow } from '../../../requests/pagination';
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
    const { items, total } = await listAuditRecords(ds.manager, { entity: query.entity, entityId: query.entityId }, { skip, take });
    return { body: paged(items, total, query) };
  },
});
