/**
 * Accounts (회계) through the write path and the ledger reports, over the seeded ledger: the seeds'
 * named accounts (seed 004's 특별회계 and four funds), the account API, programs and revenue lines
 * written to an account, 환급 and 불납결손 in 세입결산, the account filter and grouping, every unit and
 * the rate decimals, the year's 반납금/교부차액 record and 회계별 집행 현황.
 */
import { expect } from 'chai';
import supertest from 'supertest';
import { AuditRecord } from '../../entities/audit-record';
import { Program } from '../../entities/program';
import { systemContext } from '../../server/context';
import { buildReport, ReportParams } from '../../reports/registry';
import type { ReportModel, TableSection } from '../../reports/engine/model';
import { testApp, TestApp } from '../support/app';

const table = (m: ReportModel, i = 0): TableSection => m.sections.filter((s): s is TableSection => s.kind === 'table')[i];
const texts = (t: TableSection, key: string) => t.rows.map((r) => r.cells[key].text);

describe('accounts (회계): API, seeds and reports', function () {
  this.timeout(300_000);
  let t: TestApp;
  const build = (name: string, params: ReportParams) => buildReport(t.ds.manager, name, params, systemContext('test'));
  const put = (url: string, user: 'admin' | 'officer' | 'council') =>
    supertest(t.app).put(url).set('Authorization', `Bearer ${t.token[user]}`);

  before(async () => {
    t = await testApp();
  });
  after(async () => t?.close());

  describe('seeds and the account API', () => {
    it('the seeds name their accounts: 일반회계, seed 004’s 특별회계 and its four funds', async () => {
      const res = await t.as('council').get('/api/accounts').expect(200);
      const items = res.body.items as { code: string; name: string; kind: string; kindKo: string }[];
      expect(items.map((a) => `${a.code} ${a.name} ${a.kindKo}`)).to.deep.equal([
        '100 일반회계 일반회계',
        '200 특별회계 기타특별회계',
        '310 재정투융자기금 기금',
        '320 감채기금 기금',
        '330 대외협력기금 기금',
        '340 지역개발기금 기금',
      ]);
      const fund = await t.ds.getRepository(Program).findOneByOrFail({ code: 'PC-F02' });
      expect(fund.account).to.equal('fund');
      expect(fund.accountId).to.equal(await accountId('320'));
    });

    async function accountId(code: string): Promise<number> {
      const res = await t.as('admin').get('/api/accounts').expect(200);
      return (res.body.items as { id: number; code: string }[]).find((a) => a.code === code)!.id;
    }

    it('an administrator adds an account (audited); others may not; a code is unique', async () => {
      const body = { code: '410', name: '주차장특별회계', kind: 'public_enterprise', sortOrder: 410, validFrom: '2020-01-01' };
      await t.as('officer').post('/api/accounts').send(body).expect(403);
      const res = await t.as('admin').post('/api/accounts').send(body).expect(201);
      expect(res.body).to.include({ code: '410', name: '주차장특별회계', kind: 'public_enterprise' });
      const audit = await t.ds.getRepository(AuditRecord).findOneByOrFail({ action: 'account.create', entityId: String(res.body.id) });
      expect(audit.after).to.contain('주차장특별회계');
      const dup = await t.as('admin').post('/api/accounts').send(body).expect(409);
      expect(dup.body.errors[0].field).to.equal('code');
      const bad = await t
        .as('admin')
        .post('/api/accounts')
        .send({ ...body, code: '411', kind: 'special' })
        .expect(400);
      expect(bad.body.errors[0].field).to.equal('kind');
    });

    it('a program takes accountCode (code or name); its category follows the account’s kind', async () => {
      const res = await t
        .as('admin')
        .post('/api/programs')
        .send({ code: 'PARK-01', name: '공영주차장 운영', kind: 'unit', accountCode: '주차장특별회계' });
      expect(res.status).to.equal(201);
      expect(res.body.account).to.equal('special');
      expect(res.body.accountId).to.equal(await accountId('410'));
      const legacy = await t
        .as('admin')
        .post('/api/programs')
        .send({ code: 'LEG-01', name: '범주만 준 사업', kind: 'unit', account: 'general' })
        .expect(201);
      expect(legacy.body.accountId).to.equal(await accountId('100'));
      const missing = await t
        .as('admin')
        .post('/api/programs')
        .send({ code: 'NOACC-1', name: '없는 회계', kind: 'unit', accountCode: '999' })
        .expect(404);
      expect(missing.body.errors[0].field).to.equal('accountCode');
    });

    it('a program-year is refused in a year its account does not exist in (abolished account)', async () => {
      await t
        .as('admin')
        .post('/api/accounts')
        .send({ code: '420', name: '폐지된특별회계', kind: 'other_special', validFrom: '2000-01-01', validTo: '2024-12-31' })
        .expect(201);
      await t
        .as('admin')
        .post('/api/programs')
        .send({ code: 'OLD-01', name: '폐지 회계 사업', kind: 'unit', accountCode: '420' })
        .expect(201);
      const res = await t
        .as('officer')
        .post('/api/program-years')
        .send({ programCode: 'OLD-01', fiscalYear: 2025, orgCode: 'LFB-FAIR' })
        .expect(422);
      expect(res.body.errors[0]).to.include({ field: 'programCode', rule: 'accountValidInYear' });
      const line = await t.as('officer').post('/api/revenue-lines').send({
        fiscalYear: 2025,
        orgCode: 'LFB-FAIR',
        code: 'R-OLD',
        name: '폐지 회계 세입',
        accountCode: '420',
        budget: 0,
        currentBudget: 0,
      });
      expect(line.status).to.equal(422);
      expect(line.body.errors[0]).to.include({ field: 'accountCode', rule: 'accountValidInYear' });
    });
  });

  describe('revenue: 환급 and 불납결손액 in 세입결산', () => {
    it('posts 징수결정 · 수납 · 불납결손 · 환급; 세입결산 prints 불납결손액 and the net 수납액', async () => {
      const line = await t.as('officer').post('/api/revenue-lines').send({
        fiscalYear: 2025,
        orgCode: 'LFB-FAIR',
        code: 'R-PARK',
        name: '주차요금 수입',
        accountCode: '410',
        budget: 5_000_000,
        currentBudget: 5_000_000,
      });
      expect(line.status, JSON.stringify(line.body)).to.equal(201);
      const post = (kind: string, amount: number) =>
        t.as('officer').post(`/api/revenue-lines/${line.body.id}/entries`).send({ kind, amount, entryDate: '2025-06-30' });
      await post('assessed', 4_000_000).expect(201);
      await post('collected', 3_500_000).expect(201);
      await post('written_off', 200_000).expect(201);
      await post('refunded', 300_000).expect(201);
      const over = await post('refunded', 3_200_001).expect(409);
      expect(over.body.errors[0]).to.include({ field: 'amount', rule: 'exceeds_collected' });

      const model = await build('revenue-settlement', { year: 2025, org: 'LFB-FAIR', unit: 'won', account: '410' });
      const tb = table(model);
      expect(tb.columns.map((c) => c.label)).to.deep.equal([
        '구분',
        '예산액',
        '예산현액',
        '징수결정액',
        '실제수납액',
        '불납결손액',
        '미수납액',
      ]);
      expect(tb.unitLine).to.equal('(단위 : 원)');
      const keys = tb.columns.map((c) => c.key);
      expect(tb.rows.map((r) => keys.map((k) => r.cells[k].text))).to.deep.equal([
        ['합계', '5,000,000', '5,000,000', '4,000,000', '3,200,000', '200,000', '600,000'],
        ['주차요금 수입', '5,000,000', '5,000,000', '4,000,000', '3,200,000', '200,000', '600,000'],
      ]);
      expect(model.footnotes).to.include('※ 실제수납액은 과오납 환급 300,000원을 뺀 금액');
      expect(model.subtitle).to.equal('공정경제담당관 · 주차장특별회계');
    });
  });

  describe('the account filter and grouping', () => {
    it('세출결산 of 기획조정실 2020 for one fund: only its program', async () => {
      const model = await build('expenditure-settlement', { year: 2020, org: 'PCO', account: '감채기금', unit: 'million' });
      const tb = table(model);
      expect(tb.unitLine).to.equal('(단위 : 백만원, %)');
      expect(tb.rows[0].cells.budget.text).to.equal('435,358');
      expect(texts(tb, 'name')).to.include('감채기금');
      expect(texts(tb, 'name')).to.not.include('재정투융자기금');
      expect(model.subtitle).to.equal('기획조정실 · 감채기금');
    });

    it('grouped by account: a subtotal per account in print order, adding up to the 총괄표 (백만원)', async () => {
      const model = await build('expenditure-settlement', { year: 2020, org: 'PCO', groupBy: 'account', unit: 'million' });
      const tb = table(model);
      const subtotals = tb.rows
        .filter((r) => r.style === 'subtotal' && r.depth === 0)
        .map((r) => `${r.cells.name.text} ${r.cells.budget.text}`);
      expect(subtotals).to.deep.equal([
        '일반회계 602,275',
        '특별회계 76,032',
        '재정투융자기금 481,442',
        '감채기금 435,358',
        '대외협력기금 13,747',
        '지역개발기금 1,175',
      ]);
      expect(tb.rows[0].cells.budget.text).to.equal('1,610,029');
    });

    it('예산 총괄 (전년 대비) for one account compares that account’s two years', async () => {
      const model = await build('budget-comparison', { year: 2020, org: 'PCO', account: '200', unit: 'million' });
      const total = table(model).rows[0];
      expect([total.cells.prior.text, total.cells.current.text, total.cells.diff.text]).to.deep.equal(['93,546', '76,032', '△17,514']);
    });

    it('전용 보고 grouped by account: a 소계 per account, the 계 unchanged; another account has none', async () => {
      const plain = table(await build('transfer-report', { year: 2018, asOf: '2019-01-31' }));
      const grouped = table(await build('transfer-report', { year: 2018, asOf: '2019-01-31', groupBy: 'account' }));
      const last = (tb: TableSection) => tb.rows[tb.rows.length - 1].cells;
      expect(last(grouped).amount.text).to.equal(last(plain).amount.text);
      const n = plain.rows.length - 1;
      expect(n).to.be.greaterThan(0);
      const subtotals = grouped.rows.filter((r) => r.cells.program.text.includes('소계'));
      expect(subtotals.map((r) => r.cells.program.text)).to.deep.equal([`일반회계 소계 (${n}건)`]);
      expect(subtotals[0].cells.amount.text).to.equal(last(plain).amount.text);
      const special = table(await build('transfer-report', { year: 2018, asOf: '2019-01-31', account: '200' }));
      expect(special.rows.map((r) => r.cells.program.text)).to.deep.equal(['계 (0건)']);
    });

    it('an unknown account is refused naming the parameter', async () => {
      const res = await t.as('council').get('/api/reports/expenditure-settlement?year=2020&org=PCO&account=없는회계').expect(404);
      expect(res.body.errors[0].field).to.equal('account');
    });
  });

  describe('units and rate decimals', () => {
    const UNITS = [
      ['won', '(단위 : 원, %)', '602,275,000,000'],
      ['thousand', '(단위 : 천원, %)', '602,275,000'],
      ['million', '(단위 : 백만원, %)', '602,275'],
      ['hundred-million', '(단위 : 억원, %)', '6,023'],
    ] as const;
    for (const [unit, line, figure] of UNITS) {
      it(`prints amounts in ${unit}: ${line}, 일반회계 2020 = ${figure}`, async () => {
        const model = await build('expenditure-settlement', { year: 2020, org: 'PCO', account: '100', unit });
        expect(model.unitLine).to.equal(line);
        expect(table(model).unitLine).to.equal(line);
        expect(table(model).rows[0].cells.budget.text).to.equal(figure);
      });
    }

    it('the default stays 천원 with the seeds’ decimals', async () => {
      const model = await build('expenditure-settlement', { year: 2018, org: '시민소통기획관' });
      expect(model.unitLine).to.equal('(단위 : 천원, %)');
      expect(table(model).rows[0].cells.rate.text).to.match(/^\d+\.\d$/);
    });

    it('rateDecimals 0–3 sets the printed 집행률; out of range is refused over the API', async () => {
      for (const d of [0, 2, 3]) {
        const model = await build('execution-chart', { year: 2018, org: '시민소통기획관', rateDecimals: d });
        const rate = table(model).rows[0].cells.rate.text;
        expect(rate, `decimals ${d}`).to.match(d === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${d}}$`));
      }
      const res = await t.as('council').get('/api/reports/execution-chart?year=2018&org=시민소통기획관&rateDecimals=4').expect(400);
      expect(res.body.errors[0].field).to.equal('rateDecimals');
      const unit = await t.as('council').get('/api/reports/execution-chart?year=2018&org=시민소통기획관&unit=dollar').expect(400);
      expect(unit.body.errors[0].field).to.equal('unit');
    });
  });

  describe('the year’s 반납금/교부차액 and the reports built on it', () => {
    it('PUT records it (audited, replaced on a second call); a closed year and council staff are refused', async () => {
      await put('/api/accounts/100/settlements/2025', 'council').send({ subsidyReturned: 1, grantDifference: 0 }).expect(403);
      const first = await put('/api/accounts/100/settlements/2025', 'admin')
        .send({ subsidyReturned: 1_000, grantDifference: -2_500 })
        .expect(200);
      const second = await put('/api/accounts/일반회계/settlements/2025', 'officer')
        .send({ subsidyReturned: 3_000, grantDifference: -500 })
        .expect(200);
      expect(second.body.id).to.equal(first.body.id);
      expect(second.body).to.include({ subsidyReturned: 3_000, grantDifference: -500 });
      const audits = await t.ds.getRepository(AuditRecord).findBy({ action: 'account.settlement', entityId: String(first.body.id) });
      expect(audits).to.have.length(2);
      const closed = await put('/api/accounts/100/settlements/2024', 'admin').send({ subsidyReturned: 0, grantDifference: 0 }).expect(409);
      expect(closed.body.errors[0].rule).to.equal('fiscal_year_closed');
    });

    it('settlement-summary 2025: 일반회계 carries the recorded 반납금 and △교부차액; 특별회계 its own row', async () => {
      const model = await build('settlement-summary', { year: 2025 });
      const tb = table(model);
      const general = tb.rows.find((r) => r.cells.name.text === '일반회계')!;
      expect(general.cells.subsidyReturned.text).to.equal('3,000');
      expect(general.cells.grantDifference.text).to.equal('△500');
      const parking = tb.rows.find((r) => r.cells.name.text === '주차장특별회계')!;
      expect(parking.cells.collected.text).to.equal('3,200,000');
      expect(parking.depth).to.equal(1);
      expect(tb.rows[0].cells.name.text).to.equal('합계');
    });

    it('account-execution as of a date counts the expenditure entries dated up to it', async () => {
      const full = await build('account-execution', { year: 2018, asOf: '2018-12-31' });
      const settlement = await build('expenditure-settlement', { year: 2018, org: '시민소통기획관' });
      const fullRow = table(full).rows.find((r) => r.cells.name.text === '일반회계')!;
      const settled = table(settlement).rows[0];
      expect(fullRow.cells.current.text).to.equal(settled.cells.current.text);
      expect(fullRow.cells.executed.text).to.equal(settled.cells.executed.text);
      expect(fullRow.cells.rate.text).to.equal(settled.cells.rate.text);
      const early = await build('account-execution', { year: 2018, asOf: '2018-01-01' });
      const earlyRow = table(early).rows.find((r) => r.cells.name.text === '일반회계')!;
      expect(Number(earlyRow.cells.executed.value)).to.be.lessThan(Number(fullRow.cells.executed.value));
      expect(table(full).columns.map((c) => c.label)).to.deep.equal(['회계', '예산현액', '지출액 누계', '집행잔액', '집행률']);
    });
  });
});
