/**
 * The streamed 세출결산 (issue #15): server/queries/ledger/settlement-stream.ts yields the rows of
 * settlementFor (domain/settlement.ts) in the same order with the same figures, for every seeded
 * year and unit and after reorganisations the seeds do not have (a team's program, a 단위사업 whose
 * 정책사업 sits in another department, one under a 기본경비); the streamed report equals the built
 * one; a ledger that changes between the two passes is refused, not printed.
 */
import { expect } from 'chai';
import type { SettlementRow } from '../../domain/settlement';
import { DomainError } from '../../domain/errors';
import { materialize } from '../../reports/engine/model';
import { buildReport, streamReport } from '../../reports/registry';
import { systemContext } from '../../server/context';
import { settlementFor } from '../../server/queries/ledger/settlement';
import { settlementStream } from '../../server/queries/ledger/settlement-stream';
import { testApp, TestApp } from '../support/app';

async function collect(rows: AsyncIterable<SettlementRow>): Promise<SettlementRow[]> {
  const out: SettlementRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

describe('ledger reports: the streamed 세출결산', function () {
  this.timeout(300_000);
  let t: TestApp;
  let units: { code: string; level: string }[];
  let years: number[];

  before(async () => {
    t = await testApp();
    units = await t.ds.query("SELECT code, level FROM org_units WHERE level IN ('city', 'bureau', 'department') ORDER BY id");
    years = (await t.ds.query('SELECT DISTINCT fiscal_year AS y FROM program_years ORDER BY fiscal_year')).map((r: { y: number }) =>
      Number(r.y),
    );
  });
  after(async () => {
    await t?.close();
  });

  async function expectSameRows(year: number, org: string): Promise<number> {
    const held = (await settlementFor(t.ds.manager, year, org)).rows.map(({ executionRate: _r, ...row }) => row);
    const s = await settlementStream(t.ds.manager, year, org);
    const streamed = await collect(s.rows());
    expect(streamed, `${year} ${org}`).to.deep.equal(held);
    expect(s.rowCount).to.equal(held.length);
    expect(s.departments).to.deep.equal(held.filter((r) => r.kind === 'department'));
    // a second reading gives the same rows again
    expect(await collect(s.rows())).to.deep.equal(held);
    return held.length;
  }

  it('yields the rows of settlementFor for every seeded year and unit', async () => {
    expect(years.length).to.be.greaterThan(0);
    let rows = 0;
    for (const year of years) for (const u of units) rows += await expectSameRows(year, u.code);
    expect(rows).to.be.greaterThan(20);
  });

  it('the streamed report is the built report (a bureau with two departments)', async () => {
    const [bureau] = await t.ds.query(
      `SELECT o.code AS code, py.fiscal_year AS year FROM org_units o JOIN org_units d ON d.parent_id = o.id
       JOIN program_years py ON py.org_unit_id = d.id WHERE o.level = 'bureau' GROUP BY o.code, py.fiscal_year
       HAVING COUNT(DISTINCT d.id) > 1 ORDER BY py.fiscal_year LIMIT 1`,
    );
    expect(bureau, 'a seeded bureau with two departments').to.not.equal(undefined);
    const ctx = systemContext('test');
    const params = { year: Number(bureau.year), org: bureau.code as string, asOf: '2019-06-17' };
    const built = await buildReport(t.ds.manager, 'expenditure-settlement', params, ctx);
    const model = await streamReport(t.ds.manager, 'expenditure-settlement', params, ctx);
    const detail = model.sections.find((s) => s.kind === 'table');
    expect(detail && !Array.isArray(detail.rows), 'the detail table is streamed').to.equal(true);
    expect(await materialize(model)).to.deep.equal(built);
  });

  describe('after reorganisations', () => {
    let year: number;
    let bureau: string;

    before(async () => {
      // the first bureau-year with two departments that have programs
      const [b] = await t.ds.query(
        `SELECT o.id AS id, o.code AS code, py.fiscal_year AS year FROM org_units o JOIN org_units d ON d.parent_id = o.id
         JOIN program_years py ON py.org_unit_id = d.id WHERE o.level = 'bureau' GROUP BY o.id, o.code, py.fiscal_year
         HAVING COUNT(DISTINCT d.id) > 1 ORDER BY py.fiscal_year LIMIT 1`,
      );
      year = Number(b.year);
      bureau = b.code;
      const depts: { id: number }[] = await t.ds.query(
        `SELECT DISTINCT d.id AS id FROM org_units d JOIN program_years py ON py.org_unit_id = d.id
         WHERE d.parent_id = ? AND py.fiscal_year = ? ORDER BY d.id`,
        [b.id, year],
      );
      const [a, other] = depts.map((d) => Number(d.id));
      const policyOfA = await t.ds.query(
        "SELECT py.id AS id FROM program_years py JOIN programs p ON p.id = py.program_id WHERE py.org_unit_id = ? AND py.fiscal_year = ? AND p.kind = 'policy' LIMIT 1",
        [a, year],
      );
      const basicOfOther = await t.ds.query(
        "SELECT py.id AS id FROM program_years py JOIN programs p ON p.id = py.program_id WHERE py.org_unit_id = ? AND py.fiscal_year = ? AND p.kind = 'basic' LIMIT 1",
        [other, year],
      );
      await t.ds.query(
        "INSERT INTO org_units (code, name, level, parent_id, valid_from) VALUES ('STREAM-TEAM', '스트림검증팀', 'team', ?, '2000-01-01')",
        [a],
      );
      const [team] = await t.ds.query("SELECT id FROM org_units WHERE code = 'STREAM-TEAM'");
      const now = '2019-01-01 00:00:00.000';
      const add = async (code: string, name: string, org: number, parent: number | null, amount: number, executed: number) => {
        await t.ds.query("INSERT INTO programs (code, name, kind, account) VALUES (?, ?, 'unit', 'general')", [code, name]);
        const [p] = await t.ds.query('SELECT id FROM programs WHERE code = ?', [code]);
        await t.ds.query(
          'INSERT INTO program_years (program_id, fiscal_year, org_unit_id, parent_id, name, sort_order) VALUES (?, ?, ?, ?, ?, 0)',
          [p.id, year, org, parent, name],
        );
        const [py] = await t.ds.query('SELECT id FROM program_years WHERE program_id = ? AND fiscal_year = ?', [p.id, year]);
        await t.ds.query("INSERT INTO appropriations (program_year_id, expense_item, amount, created_at) VALUES (?, '사무관리비', ?, ?)", [
          py.id,
          amount,
          now,
        ]);
        await t.ds.query(
          "INSERT INTO ledger_entries (program_year_id, fiscal_year, expense_item, kind, amount, entry_date, created_at) VALUES (?, ?, '사무관리비', 'execution', ?, ?, ?)",
          [py.id, year, executed, `${year}-06-30`, now],
        );
        return Number(py.id);
      };
      // a team's program (counts for its department), a unit under another department's policy, one under a 기본경비
      await add('STREAM-T1', '팀 단위사업', Number(team.id), null, 12_345_678, 10_000_001);
      await add('STREAM-X1', '다른 부서 정책의 단위사업', other, Number(policyOfA[0].id), 98_765_432, 99_000_000);
      if (basicOfOther.length) await add('STREAM-H1', '기본경비 아래 단위사업', other, Number(basicOfOther[0].id), 5_000_000, 1_000_000);
    });

    it('still yields the rows of settlementFor, in order', async () => {
      const rows = await expectSameRows(year, bureau);
      const labels = (await collect((await settlementStream(t.ds.manager, year, bureau)).rows())).map((r) => r.label);
      expect(labels).to.include('팀 단위사업');
      expect(labels).to.include('다른 부서 정책의 단위사업');
      expect(rows).to.be.greaterThan(5);
      const [city] = units.filter((u) => u.level === 'city');
      if (city) await expectSameRows(year, city.code);
    });

    it('refuses to go on when the ledger changes between the roll-ups and the rows', async () => {
      const s = await settlementStream(t.ds.manager, year, bureau);
      const [py] = await t.ds.query(
        "SELECT py.id AS id FROM program_years py JOIN programs p ON p.id = py.program_id WHERE p.code = 'STREAM-T1'",
      );
      await t.ds.query(
        "INSERT INTO ledger_entries (program_year_id, fiscal_year, expense_item, kind, amount, entry_date, created_at) VALUES (?, ?, '사무관리비', 'execution', 1000, ?, '2019-01-01 00:00:00.000')",
        [py.id, year, `${year}-07-01`],
      );
      let error: unknown;
      await collect(s.rows()).catch((err: unknown) => (error = err));
      expect(error).to.be.instanceOf(DomainError);
      expect((error as DomainError).kind).to.equal('conflict');
      // read afresh, the stream agrees with the held rows again
      await expectSameRows(year, bureau);
    });
  });
});
