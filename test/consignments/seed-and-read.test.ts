import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { testApp, TestApp } from '../support/app';

/**
 * The e-commerce center's consignment as seeded from seed 001 (contract history, staff, consent bill,
 * budget 2022–2024) and seed 000 (the 2023 grant plan and its 산출근거 categories), read through the API,
 * and who may read it.
 */
const SEED_001 = path.resolve(__dirname, '../../../shared/seeds/001_676e27cb4d6cfd79.txt');

/** < 서울시 전자상거래센터 운영 위탁 연혁 > as printed in seed 001 ('〃' resolved): 수탁기간, 계약기간, 선정방법, 점수, 평가주관, 재계약횟수 */
const HISTORY: [string, string, string, string, string, number][] = [
  ['2004-05', '8개월', 'open', '86.0', '소비자보호과', 0],
  ['2005-02', '11개월', 'renewal', '94.8', '생활경제과', 1],
  ['2006-01', '1년', 'renewal', '92.5', '생활경제과', 2],
  ['2007-01', '2년', 'renewal', '87.0', '생활경제담당관', 3],
  ['2009-01', '1년', 'renewal', '90.5', '생활경제담당관', 4],
  ['2010-01', '2년', 'renewal', '87.8', '생활경제과', 5],
  ['2012-01', '2년', 'renewal', '88.4', '민생경제과', 6],
  ['2014-01', '2년', 'renewal', '88.2', '민생경제과', 7],
  ['2016-01', '3년', 'renewal', '90.4', '공정경제과', 8],
  ['2018-01', '3년', 'retender', '80.4', '조직담당관', 0],
  ['2022-01', '3년', 'retender', '83.4', '조직담당관', 0],
];

interface TermView {
  startDate: string;
  endDate: string;
  periodLabel: string;
  selectionMethod: string;
  selectionMethodKo: string;
  renewalCount: number;
  recordedScore: string | null;
  evaluatedBy: string | null;
  operator: { name: string; representative: string | null };
}

describe('consignments: seeded e-commerce center and reading', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  it("reproduces seed 001's contract history: every term with selection method, score, evaluating department and renewal count", async () => {
    const res = await t.as('council').get('/api/consignments/EC-C01').expect(200);
    const terms = res.body.contractTerms as TermView[];
    expect(
      terms
        .slice(0, HISTORY.length)
        .map((x) => [x.startDate.slice(0, 7), x.periodLabel, x.selectionMethod, x.recordedScore, x.evaluatedBy, x.renewalCount]),
    ).to.deep.equal(HISTORY);
    expect(terms).to.have.length(12);
    expect(terms[11]).to.include({ startDate: '2025-01-01', endDate: '2027-12-31', selectionMethod: 'retender', recordedScore: null });
    expect(terms.every((x) => x.operator.name === '(사)한국소비자연맹' && x.operator.representative === '강정화')).to.equal(true);
    expect(terms.filter((x) => x.selectionMethod === 'renewal')).to.have.length(8);
    expect(terms.slice(0, 11).filter((x) => x.selectionMethod === 'retender')).to.have.length(2);
    expect(terms[0].selectionMethodKo).to.equal('공개모집');
    expect(res.body).to.include({
      code: 'EC-C01',
      name: '서울시 전자상거래센터 운영',
      consignmentType: 'office',
      fundingType: 'budget',
      expenseItem: '민간위탁금',
    });
    expect(res.body.department).to.deep.equal({ code: 'LFB-FAIR', name: '공정경제담당관' });
    expect(res.body.program.code).to.equal('EC-U01');
  });

  it('the scores match the history table printed in seed 001 (when the document is at hand)', function () {
    if (!fs.existsSync(SEED_001)) this.skip();
    const text = fs.readFileSync(SEED_001, 'utf8');
    const printed = [...text.matchAll(/^’\d\d\.\s*\d+월~’\d\d\.\s*\d+월 .*?(\d+\.\d)점 (\S+)/gm)].map((m) => [m[1], m[2]]);
    expect(printed.map((p) => p[0])).to.deep.equal(HISTORY.map((h) => h[3]));
    // '〃' repeats the department above; resolved, it must be the seeded one
    let last = '';
    const departments = printed.map(([, d]) => (last = d === '〃' ? last : d));
    expect(departments).to.deep.equal(HISTORY.map((h) => h[4]));
    expect(text).to.include('종합성과평가(83.44점)');
  });

  it('staff headcount per year, the consent bill and the budget 2022–2024 come back as seed 001 prints them', async () => {
    const res = await t.as('officer').get('/api/consignments/서울시 전자상거래센터 운영').expect(200);
    expect(res.body.staff.map((s: { year: number; headcount: number }) => [s.year, s.headcount])).to.deep.equal([
      [2022, 7],
      [2023, 7],
      [2024, 7],
    ]);
    expect(res.body.consents).to.have.length(1);
    expect(res.body.consents[0]).to.include({
      billNumber: '제2081호',
      kind: 'reconsignment',
      submittedOn: '2024-08-12',
      referredOn: '2024-08-14',
      decidedOn: null,
      result: 'pending',
    });
    const budget = Object.fromEntries(
      (res.body.budgetByYear as { fiscalYear: number; appropriation: number }[]).map((b) => [b.fiscalYear, b.appropriation]),
    );
    expect([budget[2022], budget[2023], budget[2024]]).to.deep.equal([519_778_000, 523_783_000, 533_478_000]);
    expect(budget[2025]).to.equal(637_000_000);
  });

  it("seed 000's 2023 plan: 523,783천원 in four quarters with the 산출근거 categories (quarterly split marked sample)", async () => {
    const res = await t.as('council').get('/api/grant-plans?consignment=EC-C01&year=2023').expect(200);
    expect(res.body).to.have.length(1);
    const plan = res.body[0];
    expect(plan).to.include({ status: 'approved', total: 523_783_000, sample: true });
    expect(plan.q1 + plan.q2 + plan.q3 + plan.q4).to.equal(523_783_000);
    const cats = Object.fromEntries((plan.categories as { code: string; amount: number }[]).map((c) => [c.code, c.amount]));
    expect(cats).to.deep.equal({
      personnel: 258_413_000,
      project: 214_823_000,
      'project.monitoring': 191_573_000,
      'project.mall-evaluation': 13_750_000,
      'project.prevention': 9_500_000,
      operating: 50_547_000,
    });
  });

  it('2025 demo: an approved sample plan and two sample grants posted to the ledger as 집행', async () => {
    const res = await t.as('officer').get('/api/consignments/EC-C01/grant-status?year=2025').expect(200);
    expect(res.body).to.include({
      planTotal: 637_000_000,
      currentBudget: 637_000_000,
      granted: 318_500_000,
      remaining: 318_500_000,
      executionRate: 50,
    });
    const list = await t.as('officer').get('/api/disbursements?consignment=EC-C01&year=2025').expect(200);
    expect(list.body.every((d: { sample: boolean; status: string }) => d.sample && d.status === 'paid')).to.equal(true);
    const entries = await t.as('officer').get('/api/ledger-entries?year=2025&kind=execution').expect(200);
    const fromGrants = entries.body.items.filter((e: { sourceRef: string | null }) => e.sourceRef?.startsWith('disbursement:'));
    expect(fromGrants.reduce((s: number, e: { amount: number }) => s + e.amount, 0)).to.equal(318_500_000);
  });

  it("council staff and admins read; an inspector of the owning department reads; another department's officer does not", async () => {
    await t.as('admin').get('/api/consignments/EC-C01').expect(200);
    await t.as('inspector').get('/api/consignments/EC-C01').expect(200);
    const other = await t.as('officer2').get('/api/consignments/EC-C01').expect(403);
    expect(other.headers['content-type']).to.match(/problem\+json/);
    const listed = await t.as('officer2').get('/api/consignments').expect(200);
    expect(listed.body.map((c: { code: string }) => c.code)).to.not.include('EC-C01');
    const council = await t.as('council').get('/api/consignments').expect(200);
    expect(council.body.map((c: { code: string }) => c.code)).to.include('EC-C01');
  });

  it('only budget officers write: council staff and inspectors are refused', async () => {
    const body = { consignment: 'EC-C01', fiscalYear: 2025, quarter: 3, requestedOn: '2025-07-01', amount: 1000, paidOn: '2025-07-02' };
    await t.as('council').post('/api/disbursements').send(body).expect(403);
    await t.as('inspector').post('/api/disbursements').send(body).expect(403);
    await t.as('officer2').post('/api/disbursements').send(body).expect(403);
  });

  it('grant-status and consignment-settlement reports by code or exact Korean name, in json, xlsx and pdf', async () => {
    const json = await t
      .as('council')
      .get(`/api/reports/grant-status?consignment=${encodeURIComponent('서울시 전자상거래센터 운영')}&year=2025`)
      .expect(200);
    const table = json.body.sections.find((s: { kind: string; title?: string }) => s.kind === 'table' && s.title === '분기별 교부 현황');
    const total = table.rows[table.rows.length - 1].cells;
    expect(total.planned.text).to.equal('637,000,000');
    expect(total.granted.text).to.equal('318,500,000');
    expect(total.remaining.value).to.equal(318_500_000);
    expect(total.rate.text).to.equal('50.0');
    expect(table.rows[1].cells.cumGranted.value).to.equal(318_500_000);
    const settle = await t.as('council').get('/api/reports/consignment-settlement?consignment=EC-C01&year=2025').expect(200);
    const summary = settle.body.sections.find((s: { title?: string }) => s.title === '정산 총괄').rows[0].cells;
    expect(summary.returnAmount.value).to.equal(summary.granted.value + summary.interest.value - summary.spent.value);
    const pdf = await t
      .as('council')
      .get('/api/reports/consignment-settlement?consignment=EC-C01&year=2025&format=pdf')
      .buffer(true)
      .expect(200);
    expect(pdf.headers['content-type']).to.match(/pdf/);
    const xlsx = await t.as('admin').get('/api/reports/grant-status?consignment=EC-C01&year=2025&format=xlsx').buffer(true).expect(200);
    expect(xlsx.headers['content-type']).to.match(/spreadsheet/);
    await t.as('officer2').get('/api/reports/grant-status?consignment=EC-C01&year=2025').expect(403);
  });
});
