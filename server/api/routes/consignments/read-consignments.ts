import { IsFiscalYear } from '../../../requests/validators';
import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { consignmentDetail, listConsignments } from '../../../queries/consignments/consignments';
import { grantStatusView } from '../../../queries/consignments/grants';

export class GrantStatusQuery {
  @IsFiscalYear()
  year: number;
}

export const list = route({
  id: 'consignments.list',
  method: 'get',
  path: '/consignments',
  summary: "Consignments the caller may read (department-scoped roles: their own department's)",
  roles: EVERYONE,
  handler: async ({ ds, ctx }) => ({ body: await listConsignments(ds.manager, ctx) }),
});

export const get = route({
  id: 'consignments.get',
  method: 'get',
  path: '/consignments/:ref',
  summary: 'A consignment (by id, code or exact name) with contract terms, operators, council consents, staff and budget by year',
  roles: EVERYONE,
  handler: async ({ ds, ctx, params }) => ({ body: await consignmentDetail(ds.manager, ctx, params.ref) }),
});

export const status = route<object, GrantStatusQuery>({
  id: 'consignments.grant-status',
  method: 'get',
  path: '/consignments/:ref/grant-status',
  summary: '분기별 위탁금 교부 현황: plan vs granted per quarter, cumulative, remaining, execution rate',
  roles: EVERYONE,
  query: GrantStatusQuery,
  handler: async ({ ds, ctx, params, query }) => ({ body: await grantStatusView(ds.manager, ctx, params.ref, query.year) }),
});
