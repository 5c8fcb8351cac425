import { IsOptional } from 'class-validator';
import { OrgUnit } from '../../../../entities/org-unit';
import { PageQuery, paged, pageWindow } from '../../../http/pagination';
import { route } from '../../../http/route';
import { IsFiscalYear } from '../../../app/validators';
import { EVERYONE } from '../../../access/roles';

export class ListOrgUnitsQuery extends PageQuery {
  /** only units that existed in this fiscal year */
  @IsOptional()
  @IsFiscalYear()
  year?: number;
}

export default route<object, ListOrgUnitsQuery>({
  id: 'org-units.list',
  method: 'get',
  path: '/org-units',
  summary: 'The organisation chart (실·국 → 부서 → 팀) with validity periods',
  roles: EVERYONE,
  query: ListOrgUnitsQuery,
  handler: async ({ ds, query }) => {
    const qb = ds.getRepository(OrgUnit).createQueryBuilder('o').orderBy('o.id', 'ASC');
    if (query.year)
      qb.where('o.validFrom <= :end AND (o.validTo IS NULL OR o.validTo >= :start)', {
        start: `${query.year}-01-01`,
        end: `${query.year}-12-31`,
      });
    const { skip, take } = pageWindow(query);
    const [items, total] = await qb.skip(skip).take(take).getManyAndCount();
    return { body: paged(items, total, query) };
  },
});
