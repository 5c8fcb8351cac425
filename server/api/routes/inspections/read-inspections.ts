import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { PageQuery, paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { IsFiscalYear } from '../../../requests/validators';
import { INSPECTION_READERS } from '../../../access/inspection-roles';
import { getInspection, listInspections } from '../../../queries/inspections/inspection-view';
import { INSPECTION_STATUSES, InspectionStatus } from '../../../../entities/inspection';
import { idParam } from '../../../http/params';

export class ListInspectionsQuery extends PageQuery {
  @IsOptional()
  @IsInt()
  @Min(1)
  consignmentId?: number;

  @IsOptional()
  @IsFiscalYear()
  year?: number;

  @IsOptional()
  @IsIn(INSPECTION_STATUSES)
  status?: InspectionStatus;
}

export const list = route<object, ListInspectionsQuery>({
  id: 'inspections.list',
  method: 'get',
  path: '/inspections',
  summary: 'Inspections of the consignments the caller may read (own department for inspectors and budget officers)',
  roles: INSPECTION_READERS,
  query: ListInspectionsQuery,
  handler: async ({ ds, ctx, query }) => {
    const all = await listInspections(ds.manager, ctx, query);
    const { skip, take } = pageWindow(query);
    return { body: paged(all.slice(skip, skip + take), all.length, query) };
  },
});

export const get = route({
  id: 'inspections.get',
  method: 'get',
  path: '/inspections/:id',
  summary: 'One inspection as filed: the template version it was filed with, item results, findings',
  roles: INSPECTION_READERS,
  handler: async ({ ds, ctx, params }) => ({ body: await getInspection(ds.manager, ctx, idParam(params.id)) }),
});
