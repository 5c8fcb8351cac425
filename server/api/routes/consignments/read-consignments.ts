import { IsFiscalYear } from '../../../app/validators';
import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { assertConsignmentRead, consignmentDetail, listConsignments } from '../../../app/consignments/consignments';
import { grantStatus } from '../../../app/grants/grants';
import { executionRate } from '../../../../domain/money';
import { expenseLineFigures } from '../../../app/ledger/ledger';
import { fundingProgramYear } from '../../../app/consignments/consignments';
import { resolveConsignment } from '../../../store/consignments/consignment-ref';

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
  handler: async ({ ds, ctx, params, query }) => {
    const em = ds.manager;
    const c = await resolveConsignment(em, params.ref, 'ref');
    await assertConsignmentRead(em, ctx, c);
    const st = await grantStatus(em, c.id, query.year);
    const line = await expenseLineFigures(em, (await fundingProgramYear(em, c, query.year, 'year')).id, c.expenseItem);
    return {
      body: {
        consignment: { id: c.id, code: c.code, name: c.name },
        fiscalYear: query.year,
        planVersion: st.plan?.version ?? null,
        planTotal: st.planTotal,
        currentBudget: line.current,
        granted: st.granted,
        remaining: st.remaining,
        executionRate: executionRate(st.granted, line.current).value,
        quarters: st.rows,
      },
    };
  },
});
