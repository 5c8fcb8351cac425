import { DataSource } from 'typeorm';
import { OrgUnit } from '../../entities/org-unit';
import { User } from '../../entities/user';
import { createUser, issueToken } from '../../server/app/admin/users';
import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts';

/** Demo accounts, one per role (README lists them). Skipped when a user of that name exists. */
export async function run(ds: DataSource): Promise<string> {
  const made: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    if (await ds.getRepository(User).findOneBy({ username: a.username })) continue;
    const dept = a.department
      ? await ds.getRepository(OrgUnit).findOne({ where: { name: a.department }, order: { validFrom: 'DESC' } })
      : null;
    const user = await createUser(ds, {
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      orgUnitId: dept?.id ?? null,
      password: a.password,
    });
    await issueToken(ds, user.id, 'demo', a.token);
    made.push(a.username);
  }
  return `demo accounts: ${made.length ? made.join(', ') : 'already present'}`;
}
