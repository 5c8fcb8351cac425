import { DataSource, IsNull } from 'typeorm';
import { ApiToken, User } from '../../entities/user';
import { DEMO_ACCOUNTS } from '../../seeds/demo-accounts';
import { sha256, verifyPassword } from './passwords';

/** Production refuses to start while a demo password or token still opens an account. */
export async function assertNoDemoCredentials(ds: DataSource): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    const user = await ds.getRepository(User).findOneBy({ username: a.username, active: true });
    if (user && (await verifyPassword(a.password, user.passwordHash))) {
      throw new Error(`refusing to start in production: demo account "${a.username}" still has its demo password`);
    }
    if (await ds.getRepository(ApiToken).findOneBy({ tokenHash: sha256(a.token), revokedAt: IsNull() })) {
      throw new Error(`refusing to start in production: the demo API token of "${a.username}" is still valid`);
    }
  }
}
