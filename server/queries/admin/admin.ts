import type { EntityManager } from 'typeorm';
import type { OrgUnit } from '../../../entities/org-unit';
import type { User } from '../../../entities/user';
import { allOrgUnits } from '../../store/org-units/org-units';
import { allUsers } from '../../store/users/users';

/** The read models of the administrator's pages: the users with their departments, the organisation units. */

/** Every user by user name, with the name of their department, and the departments a user may be given (by name). */
export async function usersWithDepartments(
  em: EntityManager,
): Promise<{ users: (User & { department: string })[]; departments: OrgUnit[] }> {
  const users = await allUsers(em);
  const orgs = await allOrgUnits(em, 'name');
  return {
    users: users.map((u) => ({ ...u, department: orgs.find((o) => o.id === u.orgUnitId)?.name ?? '' })),
    departments: orgs.filter((o) => o.level === 'department'),
  };
}

/** Every organisation unit by code, with the name of its parent. */
export async function orgUnitsWithParents(em: EntityManager): Promise<(OrgUnit & { parent: string })[]> {
  const orgs = await allOrgUnits(em, 'code');
  return orgs.map((o) => ({ ...o, parent: orgs.find((p) => p.id === o.parentId)?.name ?? '' }));
}

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: User['role'];
  orgUnitId: number | null;
  active: boolean;
  createdAt: Date;
}

export const userView = (u: User): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  orgUnitId: u.orgUnitId,
  active: u.active,
  createdAt: u.createdAt,
});

/** Every user by user name, as the API shows them. */
export async function listUsers(em: EntityManager): Promise<UserView[]> {
  return (await allUsers(em)).map(userView);
}
