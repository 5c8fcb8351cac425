import type { EntityManager } from 'typeorm';
import { OrgUnit } from '../../../entities/org-unit';
import { User } from '../../../entities/user';
import type { GridPage, GridQuery } from '../../requests/grid';
import { gridRows, GridSql } from '../grid';

const USER_SQL: GridSql = {
  select: {
    id: 'u.id',
    username: 'u.username',
    displayName: 'u.display_name',
    role: 'u.role',
    orgUnitId: 'u.org_unit_id',
    department: 'o.name',
    active: "CASE WHEN u.active THEN 'yes' ELSE 'no' END",
    createdAt: 'u.created_at',
  },
  sort: { active: 'u.active' },
  filters: {
    role: 'u.role = :v',
    org: 'u.org_unit_id = :v',
    active: (v) => ({ sql: 'u.active = :gactive', params: { gactive: v === 'yes' ? 1 : 0 } }),
  },
  search: ['u.username', 'u.display_name', 'o.name'],
  tiebreak: 'u.id',
};

/** A page of users (never their password hashes) with their department's name. */
export function userGridRows(
  em: EntityManager,
  query: GridQuery,
  window: { skip: number; take: number },
): Promise<GridPage<Record<string, unknown>>> {
  const qb = em.createQueryBuilder().from(User, 'u').leftJoin(OrgUnit, 'o', 'o.id = u.org_unit_id');
  return gridRows(qb, USER_SQL, query, window);
}
