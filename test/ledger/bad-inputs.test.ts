import { expect } from 'chai';
import { testApp, TestApp } from '../support/app';
import { counts, freshProgramYear } from './fixtures';

/** Each bad input is answered with a 4xx naming the problem — never a 500, never a partial write. */
describe('ledger: bad input gets a clear 4xx', function () {
  let t: TestApp;
  let py: { id: number; item: string };
  before(async () => {
    t = await testApp();
    py = await freshProgramYear(t);
  });
  after(() => t.close());

  const good = () => ({ programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 100, entryDate: '2025-06-01' });
  const cases: [string, () => Record<string, unknown>, number, string][] = [
    ['amount as a string', () => ({ ...good(), amount: '100' }), 400, 'amount'],
    ['negative won', () => ({ ...good(), amount: -100 }), 400, 'amount'],
    ['fractional won', () => ({ ...good(), amount: 100.5 }), 400, 'amount'],
    ['zero won', () => ({ ...good(), amount: 0 }), 400, 'amount'],
    ['amount above 10^15', () => ({ ...good(), amount: 1e15 + 1 }), 400, 'amount'],
    ['amount far above 10^15', () => ({ ...good(), amount: 1e300 }), 400, 'amount'],
    ['unknown program-year', () => ({ ...good(), programYearId: 99_999_999 }), 404, 'programYearId'],
    ['programYearId as text', () => ({ ...good(), programYearId: 'x' }), 400, 'programYearId'],
    ['unknown kind', () => ({ ...good(), kind: 'gift' }), 400, 'kind'],
    ['date outside the fiscal year', () => ({ ...good(), entryDate: '2024-12-31' }), 422, 'entryDate'],
    ['impossible date', () => ({ ...good(), entryDate: '2025-02-30' }), 400, 'entryDate'],
    ['date in another format', () => ({ ...good(), entryDate: '2025.06.01' }), 400, 'entryDate'],
    ['oversize expense item', () => ({ ...good(), expenseItem: '가'.repeat(51) }), 400, 'expenseItem'],
    ['oversize reason', () => ({ ...good(), reason: 'x'.repeat(501) }), 400, 'reason'],
    ['unknown field', () => ({ ...good(), approvedBy: 'me' }), 400, 'approvedBy'],
    [
      'missing field',
      () => {
        const { amount: _a, ...rest } = good();
        return rest;
      },
      400,
      'amount',
    ],
    ['an array body', () => [good()] as unknown as Record<string, unknown>, 400, 'body'],
  ];

  for (const [name, body, status, field] of cases) {
    it(`${name} → ${status} naming ${field}`, async () => {
      const before = await counts(t);
      const res = await t.as('officer').post('/api/ledger-entries').send(body());
      expect(res.status, JSON.stringify(res.body)).to.equal(status);
      expect(res.type).to.equal('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).to.include(field);
      for (const e of res.body.errors) expect(e.message_ko, 'Korean message').to.be.a('string').and.not.empty;
      expect(await counts(t)).to.deep.equal(before);
    });
  }

  it('malformed JSON → 400 malformed_json', async () => {
    const res = await t.as('officer').post('/api/ledger-entries').set('Content-Type', 'application/json').send('{"amount": 1,');
    expect(res.status).to.equal(400);
    expect(res.body.code).to.equal('malformed_json');
  });

  it('a bad path parameter → 400, a bad query → 400, an unknown route → 404, no token → 401', async () => {
    expect((await t.as('council').get('/api/program-years/abc')).status).to.equal(400);
    expect((await t.as('council').get('/api/program-years').query({ year: 'soon' })).status).to.equal(400);
    expect((await t.as('council').get('/api/transfers').query({ year: 2025, quarter: 5 })).status).to.equal(400);
    expect((await t.as('council').get('/api/nothing-here')).status).to.equal(404);
    const { default: supertest } = await import('supertest');
    expect((await supertest(t.app).get('/api/fiscal-years')).status).to.equal(401);
    expect((await supertest(t.app).get('/api/fiscal-years').set('Authorization', 'Bearer forged')).status).to.equal(401);
  });

  it('a calculation basis that does not compute or add up is refused with the rule', async () => {
    const res0 = await t
      .as('admin')
      .post('/api/programs')
      .send({ code: 'T-BASIS', name: '산출근거 시험', kind: 'unit', account: 'general' });
    expect(res0.status).to.equal(201);
    const created = await t
      .as('officer')
      .post('/api/program-years')
      .send({ programCode: 'T-BASIS', fiscalYear: 2025, orgCode: '공정경제담당관' });
    expect(created.status).to.equal(201);
    const url = `/api/program-years/${created.body.id}/appropriations`;
    const wrongProduct = await t
      .as('officer')
      .post(url)
      .send({
        expenseItem: '민간위탁금',
        amount: 13_750_001,
        basis: [{ description: '인터넷 쇼핑몰평가(50개)', unitAmount: 12_500_000, multiplier: '1.1', amount: 13_750_001 }],
      });
    expect(wrongProduct.status).to.equal(422);
    expect(wrongProduct.body.code).to.equal('basis_line_mismatch');
    expect(wrongProduct.body.figures.computed).to.equal(13_750_000);
    const wrongSum = await t
      .as('officer')
      .post(url)
      .send({
        expenseItem: '민간위탁금',
        amount: 20_000_000,
        basis: [{ description: '쇼핑몰평가', unitAmount: 12_500_000, multiplier: '1.1', amount: 13_750_000 }],
      });
    expect(wrongSum.status).to.equal(422);
    expect(wrongSum.body.code).to.equal('basis_sum_mismatch');
    const ok = await t
      .as('officer')
      .post(url)
      .send({
        expenseItem: '민간위탁금',
        amount: 13_750_000,
        basis: [{ description: '쇼핑몰평가', unitAmount: 12_500_000, multiplier: '1.1', amount: 13_750_000 }],
      });
    expect(ok.status).to.equal(201);
  });
});
