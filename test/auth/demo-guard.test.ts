import { expect } from 'chai';
import { IsNull } from 'typeorm';
import { ApiToken, User } from '../../entities/user';
import { assertNoDemoCredentials } from '../../server/auth/demo-guard';
import { hashPassword, sha256 } from '../../server/auth/passwords';
import { DEMO_ACCOUNTS } from '../../seeds/demo-accounts';
import { testApp, TestApp } from '../support/app';

/** A production start refuses while any demo password or demo token still opens an account. */
describe('auth: production refuses the demo credentials', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp({ steps: (f) => /^(010|020|090)-/.test(f) });
  });
  after(() => t.close());

  it('refuses with the demo passwords, then with a demo token, and starts once both are changed', async () => {
    let refusal = await assertNoDemoCredentials(t.ds).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(refusal).to.match(/demo password/);
    for (const a of DEMO_ACCOUNTS) {
      await t.ds.getRepository(User).update({ username: a.username }, { passwordHash: await hashPassword(`changed-${a.username}-secret`) });
    }
    refusal = await assertNoDemoCredentials(t.ds).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(refusal).to.match(/demo API token/);
    await t.ds
      .getRepository(ApiToken)
      .update({ tokenHash: sha256(DEMO_ACCOUNTS[0].token), revokedAt: IsNull() }, { revokedAt: new Date() });
    refusal = await assertNoDemoCredentials(t.ds).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(refusal, 'the other demo tokens still work').to.match(/demo API token/);
    await t.ds.getRepository(ApiToken).update({ revokedAt: IsNull() }, { revokedAt: new Date() });
    expect(await assertNoDemoCredentials(t.ds)).to.equal(undefined);
  });
});
