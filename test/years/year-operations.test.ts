import { expect } from 'chai';
import { IsNull, Like } from 'typeorm';
import { AuditRecord } from '../../entities/audit-record';
import { FiscalYear } from '../../entities/fiscal-year';
import { LedgerEntry } from '../../entities/ledger-entry';
import { OrgUnit } from '../../entities/org-unit';
import { Program } from '../../entities/program';
import { ProgramYear } from '../../entities/program-year';
import { systemContext } from '../../server/context';
import { postEntry } from '../../server/app/ledger/ledger';
import { createOrgUnit } from '../../server/app/reference/org-units';
import { createProgram } from '../../server/app/reference/programs';
import { createAppropriation, createProgramYear } from '../../server/app/reference/program-years';
import { carryLines } from '../../server/store/ledger/year-operations';
import { carryIdentityBreaks } from '../../domain/year-operations';
import { testApp, TestApp } from '../support/app';
import { csrfFrom, webLogin } from '../web/helpers';

const ctx = systemContext('test');

describe('year operations: opening a year, carrying 차년이월 into the next at closing', function () {
  this.timeout(300_000);
  let t: TestApp;
  /** the latest year the seeds hold (open); the tests open latest + 1 and close latest */
  let latest: number;

  before(async () => {
    t = await testApp({ web: true });
    const years = await t.ds.getRepository(FiscalYear).find({ order: { year: 'DESC' } });
    latest = years[0].year;
    expect(years[0].status).to.equal('open');
  });
  after(async () => t?.close());

  const entriesOf = (where: Record<string, unknown>) => t.ds.getRepository(LedgerEntry).find({ where, order: { id: 'ASC' } });

  describe('seed 003: the 2018 사고이월 (413,109천원) reaches 2019 through the closing, not typed', () => {
    it('2019 서울시 도시브랜드 마케팅 · 사무관리비 has one 전년이월 of 413,109,000 won pointing back at the 2018 차년이월', async () => {
      const program = await t.ds.getRepository(Program).findOneByOrFail({ code: 'SC-U0302' });
      const [py2018, py2019] = await Promise.all([
        t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: program.id, fiscalYear: 2018 }),
        t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: program.id, fiscalYear: 2019 }),
      ]);
      const [out] = await entriesOf({ programYearId: py2018.id, kind: 'carry_out' });
      expect(out).to.include({ amount: 413_109_000, carryType: 'accident', expenseItem: '사무관리비' });
      const ins = await entriesOf({ programYearId: py2019.id, kind: 'carry_in' });
      expect(ins).to.have.length(1);
      expect(ins[0]).to.include({
        amount: 413_109_000,
        expenseItem: '사무관리비',
        carryType: 'accident',
        entryDate: '2019-01-01',
        sourceRef: `carry_out:${out.id}`,
        fiscalYear: 2019,
      });
      expect(ins[0].reason).to.match(/^2018년 사고이월: 사업 수행 용역업체의 채권 가압류/);
      // no other 전년이월 in 2019 comes from 2018: the bureau carried exactly one
      expect(
        await t.ds.getRepository(LedgerEntry).countBy({ fiscalYear: 2019, kind: 'carry_in', sourceRef: Like('carry_out:%') }),
      ).to.equal(1);
      expect(carryIdentityBreaks(await carryLines(t.ds.manager, 2018))).to.deep.equal([]);
    });

    it('the 2019 line shows it: 예산현액 = 예산액 2,000,000,000 + 전년이월 413,109,000', async () => {
      const program = await t.ds.getRepository(Program).findOneByOrFail({ code: 'SC-U0302' });
      const py = await t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: program.id, fiscalYear: 2019 });
      const res = await t.as('admin').get(`/api/program-years/${py.id}`);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.figures.items['사무관리비']).to.include({ budget: 2_000_000_000, carryIn: 413_109_000, current: 2_413_109_000 });
    });

    it('GET /api/fiscal-years/2018/carry-over: 사고이월 1건 413,109,000, the identity holds', async () => {
      const res = await t.as('admin').get('/api/fiscal-years/2018/carry-over');
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.include({ year: 2018, status: 'closed', count: 1, total: 413_109_000, identityBreaks: 0, blockerKo: null });
      const accident = res.body.byType.find((b: { carryType: string }) => b.carryType === 'accident');
      expect(accident).to.include({ label: '사고이월', count: 1, amount: 413_109_000 });
      expect(res.body.lines[0]).to.include({
        programCode: 'SC-U0302',
        expenseItem: '사무관리비',
        carryTypeKo: '사고이월',
        amount: 413_109_000,
      });
      expect((await t.as('officer').get('/api/fiscal-years/2018/carry-over')).status).to.equal(403);
    });
  });

  describe('opening and closing the latest year', () => {
    let next: number;
    let gone: OrgUnit;
    let lineProgram: Program;
    let linePy: ProgramYear;
    let policyPy: ProgramYear;
    let orphanPy: ProgramYear;
    const carryOutIds: number[] = [];
    let reversedId: number;

    before(async () => {
      next = latest + 1;
      const fair = await t.ds.getRepository(OrgUnit).findOneByOrFail({ code: 'LFB-FAIR' });
      // a department abolished at the end of the latest year: its program does not continue
      gone = await createOrgUnit(t.ds, ctx, {
        code: 'T-GONE',
        name: '시험폐지담당관',
        level: 'department',
        parentCode: null,
        validFrom: '2000-01-01',
        validTo: `${latest}-12-31`,
      });
      await createProgram(t.ds, ctx, { code: 'T-POL', name: '시험 정책사업', kind: 'policy', account: 'general' });
      lineProgram = await createProgram(t.ds, ctx, { code: 'T-UNIT', name: '시험 단위사업', kind: 'unit', account: 'general' });
      await createProgram(t.ds, ctx, { code: 'T-ORPHAN', name: '폐지 부서 사업', kind: 'unit', account: 'general' });
      policyPy = await createProgramYear(t.ds, ctx, {
        programCode: 'T-POL',
        fiscalYear: latest,
        orgCode: fair.code,
        name: '시험 정책사업',
        sortOrder: 901,
      });
      linePy = await createProgramYear(t.ds, ctx, {
        programCode: 'T-UNIT',
        fiscalYear: latest,
        orgCode: fair.code,
        parentProgramCode: 'T-POL',
        name: '시험 단위사업 (올해 이름)',
        sortOrder: 902,
      });
      orphanPy = await createProgramYear(t.ds, ctx, { programCode: 'T-ORPHAN', fiscalYear: latest, orgCode: gone.code, sortOrder: 903 });
      for (const item of ['사무관리비', '시설비'])
        await createAppropriation(t.ds, ctx, { programYearId: linePy.id, expenseItem: item, amount: 50_000_000 });
      const post = (expenseItem: string, amount: number, carryType: 'explicit' | 'accident' | 'continuing') =>
        postEntry(t.ds, ctx, {
          programYearId: linePy.id,
          expenseItem,
          kind: 'carry_out',
          amount,
          entryDate: `${latest}-12-31`,
          reason: '공사 지연',
          carryType,
        });
      carryOutIds.push((await post('사무관리비', 7_000_000, 'explicit')).id);
      carryOutIds.push((await post('사무관리비', 3_000_000, 'accident')).id);
      carryOutIds.push((await post('시설비', 20_000_000, 'continuing')).id);
      // a carry-over corrected before the closing: reversed, it carries nothing
      reversedId = (await post('시설비', 1_000_000, 'explicit')).id;
      const rev = await t.ds.getRepository(LedgerEntry).findOneByOrFail({ id: reversedId });
      const { postReversal } = await import('../../server/app/ledger/ledger');
      const { inTransaction } = await import('../../server/db/transaction');
      await inTransaction(t.ds, (em) => postReversal(em, ctx, rev, { entryDate: `${latest}-12-31`, reason: '입력 착오', sourceRef: null }));
    });

    it('closing the latest year is refused while the next year is not open, and changes nothing', async () => {
      const before = await t.ds.getRepository(LedgerEntry).count();
      const res = await t.as('admin').post(`/api/fiscal-years/${latest}/close`).send({});
      expect(res.status, JSON.stringify(res.body)).to.equal(409);
      expect(res.body.code).to.equal('next_year_not_open');
      expect(res.body.title_ko).to.contain(`${next}회계연도를 먼저 여십시오`);
      expect((await t.ds.getRepository(FiscalYear).findOneByOrFail({ year: latest })).status).to.equal('open');
      expect(await t.ds.getRepository(LedgerEntry).count()).to.equal(before);
      const preview = await t.as('admin').get(`/api/fiscal-years/${latest}/carry-over`);
      expect(preview.body.blockerKo).to.contain('먼저 여십시오');
      expect(preview.body).to.include({ count: 3, total: 30_000_000 });
    });

    it('POST /api/fiscal-years opens the next year with the continuing programs (names, hierarchy, departments, order; no amounts)', async () => {
      const before = await t.ds.getRepository(ProgramYear).countBy({ fiscalYear: latest });
      const res = await t.as('admin').post('/api/fiscal-years').send({ year: next });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.body).to.include({ year: next, status: 'open' });
      expect(res.body.opening.carriedFrom).to.equal(latest);
      expect(res.body.opening.skipped).to.deep.include({
        programCode: 'T-ORPHAN',
        name: '폐지 부서 사업',
        reason: 'its department does not exist in the new year',
        reasonKo: '새 연도에 소관 부서가 없음',
      });
      const carried = await t.ds.getRepository(ProgramYear).findBy({ fiscalYear: next });
      expect(carried.length).to.equal(res.body.opening.programs);
      expect(carried.length).to.equal(before - res.body.opening.skipped.length);
      expect(carried.some((p) => p.programId === orphanPy.programId)).to.equal(false);
      const newLine = carried.find((p) => p.programId === lineProgram.id)!;
      const newPolicy = carried.find((p) => p.programId === policyPy.programId)!;
      expect(newLine).to.include({
        name: '시험 단위사업 (올해 이름)',
        orgUnitId: linePy.orgUnitId,
        sortOrder: 902,
        parentId: newPolicy.id,
      });
      expect(newLine.priorYearBasis).to.equal(null);
      // no amounts: no appropriations and no entries in the new year yet
      const [appropriations] = await t.ds.query(
        'SELECT COUNT(*) AS n FROM appropriations a JOIN program_years py ON py.id = a.program_year_id WHERE py.fiscal_year = ?',
        [next],
      );
      expect(Number(appropriations.n)).to.equal(0);
      expect(await t.ds.getRepository(LedgerEntry).countBy({ fiscalYear: next })).to.equal(0);
      // organisation units and accounts valid on 1 January are counted; the abolished department is not among them
      const orgs = await t.ds.getRepository(OrgUnit).find();
      const valid = orgs.filter((o) => o.validFrom <= `${next}-01-01` && (o.validTo === null || o.validTo >= `${next}-01-01`));
      expect(res.body.opening.orgUnits).to.equal(valid.length);
      const { Account } = await import('../../entities/account');
      const accounts = await t.ds.getRepository(Account).find();
      expect(res.body.opening.accounts).to.equal(
        accounts.filter((a) => a.validFrom <= `${next}-01-01` && (a.validTo === null || a.validTo >= `${next}-01-01`)).length,
      );
      const audit = await t.ds.getRepository(AuditRecord).findOneByOrFail({ action: 'fiscal_year.open', entityId: String(next) });
      expect(audit).to.exist;
    });

    it('a second opening of the same year is refused (409 fiscal_year_exists) and creates nothing', async () => {
      const before = await t.ds.getRepository(ProgramYear).countBy({ fiscalYear: next });
      const res = await t.as('admin').post('/api/fiscal-years').send({ year: next });
      expect(res.status).to.equal(409);
      expect(res.body.code).to.equal('fiscal_year_exists');
      expect(await t.ds.getRepository(ProgramYear).countBy({ fiscalYear: next })).to.equal(before);
    });

    it('a program put into the year after the opening, with a 차년이월, is carried forward by the closing', async () => {
      await createProgram(t.ds, ctx, { code: 'T-LATE', name: '늦게 편성한 사업', kind: 'unit', account: 'general' });
      const late = await createProgramYear(t.ds, ctx, { programCode: 'T-LATE', fiscalYear: latest, orgCode: 'LFB-FAIR', sortOrder: 904 });
      await createAppropriation(t.ds, ctx, { programYearId: late.id, expenseItem: '사무관리비', amount: 5_000_000 });
      await postEntry(t.ds, ctx, {
        programYearId: late.id,
        expenseItem: '사무관리비',
        kind: 'carry_out',
        amount: 5_000_000,
        entryDate: `${latest}-12-31`,
        reason: '계약 지연',
        carryType: 'explicit',
      });
      expect(await t.ds.getRepository(ProgramYear).countBy({ programId: late.programId, fiscalYear: next })).to.equal(0);
    });

    it('closing posts one 전년이월 per standing 차년이월 into the next year, and Σ 차년이월 = Σ 전년이월 on every line', async () => {
      const res = await t.as('admin').post(`/api/fiscal-years/${latest}/close`).send({});
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.status).to.equal('closed');
      expect(res.body.carriedOver).to.include({ intoYear: next, entries: 4, total: 35_000_000 });
      const byType = Object.fromEntries(
        res.body.carriedOver.byType.map((b: { carryType: string; amount: number }) => [b.carryType, b.amount]),
      );
      expect(byType).to.deep.equal({ explicit: 12_000_000, accident: 3_000_000, continuing: 20_000_000 });
      const late = await t.ds.getRepository(Program).findOneByOrFail({ code: 'T-LATE' });
      const latePy = await t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: late.id, fiscalYear: next });
      expect(latePy).to.include({ name: '늦게 편성한 사업', sortOrder: 904 });
      expect((await entriesOf({ programYearId: latePy.id, kind: 'carry_in' })).map((e) => e.amount)).to.deep.equal([5_000_000]);

      const newLine = await t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: lineProgram.id, fiscalYear: next });
      const ins = await entriesOf({ programYearId: newLine.id, kind: 'carry_in' });
      expect(ins.map((e) => [e.expenseItem, e.amount, e.carryType, e.sourceRef, e.entryDate])).to.deep.equal([
        ['사무관리비', 7_000_000, 'explicit', `carry_out:${carryOutIds[0]}`, `${next}-01-01`],
        ['사무관리비', 3_000_000, 'accident', `carry_out:${carryOutIds[1]}`, `${next}-01-01`],
        ['시설비', 20_000_000, 'continuing', `carry_out:${carryOutIds[2]}`, `${next}-01-01`],
      ]);
      expect(ins.some((e) => e.sourceRef === `carry_out:${reversedId}`)).to.equal(false);
      const lines = await carryLines(t.ds.manager, latest);
      expect(carryIdentityBreaks(lines)).to.deep.equal([]);
      const mine = lines.filter((l) => l.programId === lineProgram.id).sort((a, b) => a.expenseItem.localeCompare(b.expenseItem));
      expect(mine).to.deep.equal([
        { programId: lineProgram.id, expenseItem: '사무관리비', carriedOut: 10_000_000, carriedIn: 10_000_000 },
        { programId: lineProgram.id, expenseItem: '시설비', carriedOut: 20_000_000, carriedIn: 20_000_000 },
      ]);
      // the new year's line: 예산현액 = 0 + 전년이월, spendable there
      const figures = await t.as('admin').get(`/api/program-years/${newLine.id}`);
      expect(figures.body.figures.items['시설비']).to.include({ budget: 0, carryIn: 20_000_000, current: 20_000_000 });
      // audited: the closing and every carry-in
      expect(await t.ds.getRepository(AuditRecord).countBy({ action: 'ledger.carry_in', entityId: String(ins[0].id) })).to.equal(1);
      const close = await t.ds.getRepository(AuditRecord).findOneByOrFail({ action: 'fiscal_year.close', entityId: String(latest) });
      expect(JSON.stringify(close.after)).to.contain('35000000');
    });

    it('the closed year stays read-only, and a carried 전년이월 cannot be reversed in the ledger (its source is the closing)', async () => {
      const post = await postEntry(t.ds, ctx, {
        programYearId: linePy.id,
        expenseItem: '사무관리비',
        kind: 'execution',
        amount: 1_000,
        entryDate: `${latest}-12-30`,
      }).catch((e: { code?: string }) => e);
      expect((post as { code?: string }).code).to.equal('fiscal_year_closed');
      const again = await t.as('admin').post(`/api/fiscal-years/${latest}/close`).send({});
      expect(again.status).to.equal(409);
      const newLine = await t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: lineProgram.id, fiscalYear: next });
      const [carryIn] = await entriesOf({ programYearId: newLine.id, kind: 'carry_in', reversalOfId: IsNull() });
      const officer = await t
        .as('officer')
        .post(`/api/ledger-entries/${carryIn.id}/reversal`)
        .send({ entryDate: `${next}-01-02`, reason: '취소 시도' });
      expect(officer.status, JSON.stringify(officer.body)).to.equal(409);
      expect(officer.body.code).to.equal('reverse_through_source');
    });

    it('check-totals finds a line where the carry-over does not add up across years (a carried 전년이월 changed by hand)', async () => {
      const newLine = await t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: lineProgram.id, fiscalYear: next });
      const [carryIn] = await entriesOf({ programYearId: newLine.id, kind: 'carry_in', expenseItem: '시설비' });
      await t.ds.query('UPDATE ledger_entries SET amount = amount + 1 WHERE id = ?', [carryIn.id]);
      try {
        const breaks = carryIdentityBreaks(await carryLines(t.ds.manager, latest));
        expect(breaks).to.deep.equal([{ programId: lineProgram.id, expenseItem: '시설비', carriedOut: 20_000_000, carriedIn: 20_000_001 }]);
        const preview = await t.as('admin').get(`/api/fiscal-years/${latest}/carry-over`);
        expect(preview.body.identityBreaks).to.equal(1);
      } finally {
        await t.ds.query('UPDATE ledger_entries SET amount = amount - 1 WHERE id = ?', [carryIn.id]);
      }
    });
  });
  describe('the year operations page', () => {
    it('lists the years, confirms a closing with the totals per carry type, opens the next year and closes one', async () => {
      const { agent } = await webLogin(t.app, 'admin');
      const list = await agent.get('/admin/years').expect(200);
      expect(list.text).to.contain('회계연도 관리');
      expect(list.text).to.match(
        /<th scope="row">2019<\/th><td>마감[^<]*<\/td><td class="num">\d+<\/td><td class="num">413,109,000원 \(1건\)/,
      );
      const confirm2018 = await agent.get('/admin/years/2018/close').expect(200);
      expect(confirm2018.text).to.contain('이미 마감되었습니다');
      expect(confirm2018.text).to.match(/사고이월<\/th><td class="num">1<\/td><td class="num">413,109,000/);

      const year = latest + 1; // opened through the API above, open
      const confirm = await agent.get(`/admin/years/${year}/close`).expect(200);
      expect(confirm.text).to.contain(`${year}회계연도는 더 이상 수정할 수 없습니다`);
      const opened = await agent
        .post('/admin/years')
        .type('form')
        .send({ _csrf: csrfFrom(confirm.text), year: String(year + 1) });
      expect(opened.status).to.equal(201);
      expect(opened.text).to.contain(`${year + 1}회계연도를 열었습니다`);
      expect(opened.text).to.contain(`${year}회계연도에서 사업`);
      const twice = await agent
        .post('/admin/years')
        .type('form')
        .send({ _csrf: csrfFrom(opened.text), year: String(year + 1) });
      expect(twice.status).to.equal(409);
      expect(twice.text).to.contain(`${year + 1} 회계연도가 이미 있습니다`);
      const closed = await agent
        .post(`/admin/years/${year}/close`)
        .type('form')
        .send({ _csrf: csrfFrom(twice.text) });
      expect(closed.status, closed.text).to.equal(303);
      expect((await agent.get(String(closed.headers.location))).text).to.contain(`${year}회계연도를 마감했습니다`);
      expect((await t.ds.getRepository(FiscalYear).findOneByOrFail({ year })).status).to.equal('closed');
      // `year` had no 차년이월 of its own: nothing is carried into the year after it
      expect(await t.ds.getRepository(LedgerEntry).countBy({ fiscalYear: year + 1 })).to.equal(0);
    });
  });
});
