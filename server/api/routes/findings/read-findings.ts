import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQuery, paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { IsCalendarDate, IsFiscalYear } from '../../../requests/validators';
import { INSPECTION_READERS } from '../../../access/inspection-roles';
import { findingsRegisterOf } from '../../../queries/inspections/register';
import { getFinding } from '../../../queries/inspections/inspection-view';
import { repeatChainsFor } from '../../../queries/inspections/repeat-chains';
import { idParam } from '../../../http/params';

export class RegisterQuery extends PageQuery {
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @IsOptional()
  @IsFiscalYear()
  year?: number;

  /** organisation unit code or exact name */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  org?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  consignmentId?: number;
}

export const register = route<object, RegisterQuery>({
  id: 'findings.register',
  method: 'get',
  path: '/findings',
  summary: 'Open findings across the consignments the caller may read, overdue first',
  roles: INSPECTION_READERS,
  query: RegisterQuery,
  handler: async ({ ds, ctx, query }) => {
    const all = await findingsRegisterOf(ds.manager, ctx, {
      asOf: query.asOf,
      year: query.year,
      org: query.org,
      consignment: query.consignmentId,
    });
    const { skip, take } = pageWindow(query);
    return { body: paged(all.slice(skip, skip + take), all.length, query) };
  },
});

export class ChainsQuery {
  @IsInt()
  @Min(1)
  consignmentId: number;
}

export const chains = route<object, ChainsQuery>({
  id: 'findings.repeatChains',
  method: 'get',
  path: '/findings/repeat-chains',
  summary: 'Chains of repeat findings of a consignment with how many times each went uncorrected without cause (renewal rule ③)',
  roles: INSPECTION_READERS,
  query: ChainsQuery,
  handler: async ({ ds, ctx, query }) => ({ body: { items: await repeatChainsFor(ds.manager, ctx, query.consignmentId) } }),
});

export const get = route({
  id: 'findings.get',
  method: 'get',
  path: '/findings/:id',
  summary: 'One finding with its follow-up trail',
  roles: INSPECTION_READERS,
  handler: async ({ ds, ctx, params }) => ({ body: await getFinding(ds.manager, ctx, idParam(params.id)) }),
});
