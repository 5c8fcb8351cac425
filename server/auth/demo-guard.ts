import type { DataSource } from 'typeorm';
import { activeUserByName } from '../store/users/users';
import { liveTokenExists } from '../store/users/api-tokens';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { sha256, verifyPassword } from './passwords';

/** Production refuses to start while a demo password or token still opens an account. */
export async function assertNoDemoCredentials(ds: DataSource): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    const user = await activeUserByName(ds.manager, a.username);
    if (user && (await verifyPassword(a.password, user.passwordHash))) {
      throw new Error(`refusing to start in production: demo account "${a.username}" still has its demo password`);
    }
    if (await liveTokenExists(ds.manager, sha256(a.token))) {
      throw new Error(`refusing to start in production: the demo API token of "${a.username}" is still valid`);
    }
  }
}
