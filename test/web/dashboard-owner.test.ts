import { expect } from 'chai';
import { BudgetTransfer } from '../../entities/budget-transfer';
import { ProgramYear } from '../../entities/program-year';
import { User } from '../../entities/user';
import { overdueTransfers } from '../../server/queries/dashboard/dashboard';
import { testApp, TestApp } from '../support/app';

/**
 * The dashboard's overdue 전용 follow the program: after a whole-program 이체 they are the receiving
 * department's to report, and no longer shown to the department that gave the program away.
 */
describe('dashboard: overdue 전용 by the department that owns the program now', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('moves a program’s overdue 전용 to the department it was transferred to', async () => {
    const em = t.ds.manager;
    const other = await em.getRepository(User).findOneByOrFail({ username: 'officer' });
    const py = (await em.getRepository(ProgramYear).findBy({ fiscalYear: 2018 })).find((p) => p.orgUnitId !== other.orgUnitId)!;
    const transfer = (kind: 'item' | 'org', at: string, fields: Partial<BudgetTransfer>) =>
      em.getRepository(BudgetTransfer).insert({
        kind,
        fiscalYear: 2018,
        transferDate: at,
        amount: 0,
        fromProgramYearId: py.id,
        fromItem: '사무관리비',
        toProgramYearId: py.id,
        toItem: '국내여비',
        fromOrgUnitId: null,
        toOrgUnitId: null,
        reason: '시험',
        approvalRef: null,
        reportedOn: null,
        reversalOfId: null,
        createdById: null,
        createdAt: new Date(),
        ...fields,
      });
    // the 2018 year is closed, so the rows are arranged as the ledger would have stored them:
    // a 전용 never reported to the standing committee (overdue since the end of 2018's third quarter)
    await transfer('item', '2018-05-02', { amount: 1_000 });
    const moved = (await overdueTransfers(em, 2018, '2026-12-01', null)).find((x) => x.fromProgramYearId === py.id && x.kind === 'item');
    expect(moved, 'the 전용 is overdue').to.not.equal(undefined);
    const before = await overdueTransfers(em, 2018, '2026-12-01', py.orgUnitId);
    expect(before.map((x) => x.id)).to.include(moved!.id);
    expect((await overdueTransfers(em, 2018, '2026-12-01', other.orgUnitId)).map((x) => x.id)).to.not.include(moved!.id);

    // then the whole program moves to the officer's department (이체)
    await transfer('org', '2018-12-31', { fromOrgUnitId: py.orgUnitId, toOrgUnitId: other.orgUnitId, fromItem: '', toItem: '' });
    expect((await overdueTransfers(em, 2018, '2026-12-01', other.orgUnitId)).map((x) => x.id)).to.include(moved!.id);
    expect((await overdueTransfers(em, 2018, '2026-12-01', py.orgUnitId)).map((x) => x.id)).to.not.include(moved!.id);
  });
});
