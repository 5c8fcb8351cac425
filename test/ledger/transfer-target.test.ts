import { expect } from 'chai';
import { assertTransferTarget } from '../../domain/transfers';
import { DomainError } from '../../domain/errors';
import { testApp, TestApp } from '../support/app';
import { counts, freshProgramYear } from './fixtures';

/**
 * Defect 2 of issue 14: a whole-program 이체 accepted any target — an id nobody has, a team, a
 * bureau, a department closed since 2018, the department itself — and left the program owned by
 * nobody who could write to it. The target must be an existing department, valid on the transfer
 * date, not the source; and the database itself refuses a transfer naming no organisation unit.
 */
describe('ledger: the department a whole-program 이체 names (issue 14, defect 2)', function () {
  this.timeout(180_000);
  let t: TestApp;
  const unit = async (code: string): Promise<number> => {
    const [row] = (await t.ds.query('SELECT id FROM org_units WHERE code = ?', [code])) as { id: number }[];
    return Number(row.id);
  };
  const move = (py: { id: number; item: string; amount: number }, toOrgUnitId: number, transferDate = '2025-03-01') =>
    t.as('officer').post('/api/transfers').send({
      kind: 'org',
      transferDate,
      amount: py.amount,
      fromProgramYearId: py.id,
      fromItem: py.item,
      toProgramYearId: py.id,
      toItem: py.item,
      toOrgUnitId,
      reason: '조직개편',
    });

  before(async () => {
    t = await testApp();
    for (const [code, validFrom, validTo] of [
      ['T14-CLOSED', '2010-01-01', '2018-12-31'],
      ['T14-LATER', '2026-01-01', null],
    ]) {
      const res = await t
        .as('admin')
        .post('/api/org-units')
        .send({ code, name: `시험부서 ${code}`, level: 'department', parentCode: 'SCB', validFrom, validTo });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
    }
  });
  after(() => t.close());

  it('refuses a target that does not exist, a team, a bureau, a closed or not yet founded department, the source itself — writing nothing', async () => {
    const py = await freshProgramYear(t, { amount: 500_000 });
    const cases: [string, number, string][] = [
      ['no such unit', 99_999, 'exists'],
      ['a team', await unit('SCB-COMM-T01'), 'isDepartment'],
      ['a bureau', await unit('SCB'), 'isDepartment'],
      ['a department closed in 2018', await unit('T14-CLOSED'), 'validOnDate'],
      ['a department founded after the transfer', await unit('T14-LATER'), 'validOnDate'],
      ['the department that owns it', await unit('LFB-FAIR'), 'notSource'],
    ];
    const before = await counts(t);
    for (const [what, id, rule] of cases) {
      const res = await move(py, id);
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).to.equal(422);
      expect(res.headers['content-type']).to.match(/application\/problem\+json/);
      expect(res.body.errors[0], what).to.include({ field: 'toOrgUnitId', rule });
      expect(res.body.errors[0].message_ko, what).to.be.a('string').and.not.equal('');
    }
    expect(await counts(t)).to.deep.equal(before);
    // the program still belongs to its department, which can go on writing to it
    const entry = await t
      .as('officer')
      .post('/api/ledger-entries')
      .send({ programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 1_000, entryDate: '2025-03-05' });
    expect(entry.status, JSON.stringify(entry.body)).to.equal(201);
  });

  it('moves the program to an existing department valid on the date, which then owns it', async () => {
    const py = await freshProgramYear(t, { amount: 500_000 });
    const target = await unit('SCB-COMM');
    const res = await move(py, target);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ toOrgUnitId: target, fromOrgUnitId: await unit('LFB-FAIR') });
    // a second 이체 to the department that now owns it is refused as going nowhere
    const again = await t.as('officer2').post('/api/transfers').send({
      kind: 'org',
      transferDate: '2025-03-02',
      amount: py.amount,
      fromProgramYearId: py.id,
      fromItem: py.item,
      toProgramYearId: py.id,
      toItem: py.item,
      toOrgUnitId: target,
      reason: '재이체',
    });
    expect(again.status, JSON.stringify(again.body)).to.equal(422);
    expect(again.body.errors[0]).to.include({ field: 'toOrgUnitId', rule: 'notSource' });
  });

  it('the database refuses a transfer naming an organisation unit that does not exist (foreign keys)', async () => {
    const py = await freshProgramYear(t, { amount: 500_000 });
    for (const column of ['to_org_unit_id', 'from_org_unit_id']) {
      let error: unknown = null;
      try {
        await t.ds.query(
          `INSERT INTO budget_transfers (kind, fiscal_year, transfer_date, amount, from_program_year_id, from_item, to_program_year_id, to_item, ${column}, reason, created_at)
           VALUES ('org', 2025, '2025-03-01', 500000, ?, ?, ?, ?, 99999, 'fk', '2025-03-01 00:00:00.000')`,
          [py.id, py.item, py.id, py.item],
        );
      } catch (e) {
        error = e;
      }
      expect(error, column).to.be.instanceOf(Error);
      expect(String((error as Error).message), column).to.match(/foreign key/i);
    }
  });

  it('the rule itself: every refusal names the field and its rule, in English and Korean', () => {
    const dept = { id: 7, name: '부서', level: 'department' as const, validFrom: '2019-01-01', validTo: '2025-12-31' };
    const rule = (f: () => void): string => {
      try {
        f();
      } catch (e) {
        expect(e).to.be.instanceOf(DomainError);
        return (e as DomainError).errors[0].rule;
      }
      return 'accepted';
    };
    expect(rule(() => assertTransferTarget('2025-03-01', dept, 3))).to.equal('accepted');
    expect(rule(() => assertTransferTarget('2025-12-31', dept, 3))).to.equal('accepted');
    expect(rule(() => assertTransferTarget('2026-01-01', dept, 3))).to.equal('validOnDate');
    expect(rule(() => assertTransferTarget('2018-12-31', dept, 3))).to.equal('validOnDate');
    expect(rule(() => assertTransferTarget('2025-03-01', null, 3))).to.equal('exists');
    expect(rule(() => assertTransferTarget('2025-03-01', { ...dept, level: 'team' }, 3))).to.equal('isDepartment');
    expect(rule(() => assertTransferTarget('2025-03-01', { ...dept, level: 'city' }, 3))).to.equal('isDepartment');
    expect(rule(() => assertTransferTarget('2025-03-01', dept, 7))).to.equal('notSource');
  });
});
