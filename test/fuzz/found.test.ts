import { expect } from 'chai';
import { testApp, TestApp } from '../support/app';

/** What the API fuzz found and this part fixed, each as the request that showed it. */
describe('API fuzz findings, fixed', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it("refuses an indicator's maximum points beyond 1000 (was stored unchecked, and a 500 on MariaDB's 12-character column)", async () => {
    const template = (maxPoints: string) => ({
      code: 'FUZZ-CPE',
      name: '배점 시험',
      effectiveFrom: '2026-01-01',
      groups: [{ name: '공통', scope: 'common', measure: 'quantitative', indicators: [{ name: 'a', maxPoints }] }],
    });
    const res = await t.as('admin').post('/api/evaluation-templates').send(template('72742024821'));
    expect(res.status, JSON.stringify(res.body)).to.equal(422);
    expect(res.body.errors).to.deep.include.members([
      {
        field: 'groups.0.indicators.0.maxPoints',
        rule: 'positiveScore',
        message: 'maxPoints must be positive, at most 1000, with at most two decimals',
        message_ko: '배점은 1000점 이하, 소수 둘째 자리까지의 양수여야 합니다',
        value: '72742024821',
      },
    ]);
    const ok = await t.as('admin').post('/api/evaluation-templates').send(template('1000'));
    expect(ok.status, JSON.stringify(ok.body)).to.equal(201);
    expect(ok.body).to.include({ maxTotal: '1000.00' });
  });

  it('refuses a nested item that is itself a list ([[]]) by field, instead of a TypeError in the use case', async () => {
    for (const field of ['groups', 'gradeBands'] as const) {
      const res = await t
        .as('admin')
        .post('/api/evaluation-templates')
        .send({ code: 'FUZZ-NEST', name: '중첩', effectiveFrom: '2026-01-01', [field]: [[]] });
      expect(res.status, JSON.stringify(res.body)).to.equal(400);
      expect(res.body.errors.map((e: { field: string; rule: string }) => [e.field, e.rule])).to.deep.include([`${field}.0`, 'isObject']);
    }
    const inner = await t
      .as('admin')
      .post('/api/evaluation-templates')
      .send({ code: 'FUZZ-NEST', name: '중첩', effectiveFrom: '2026-01-01', groups: [{ name: 'g', indicators: [[]] }] });
    expect(inner.status, JSON.stringify(inner.body)).to.equal(400);
    expect(inner.body.errors.map((e: { field: string }) => e.field)).to.include('groups.0.indicators.0');
  });

  it("a keyed request to a very long path is refused or answered, and its key's scope fits its column (was a 500 on MariaDB)", async () => {
    const res = await t
      .as('officer')
      .post(`/api/transfers/${'x'.repeat(3000)}/committee-report`)
      .set('Idempotency-Key', 'fuzz-long-path')
      .send({ reportedOn: '2017-04-20' });
    expect(res.status, JSON.stringify(res.body)).to.be.within(400, 499);
  });

  it("refuses null for an inspection's always-filled fields in a patch (periodTo: null was a 500: NOT NULL constraint)", async () => {
    const draft = await t.as('inspector').post('/api/inspections').send({
      consignmentCode: 'EC-C01',
      templateCode: 'CONSIGN-INSPECT',
      fiscalYear: 2025,
      inspectors: '점검자',
      periodFrom: '2025-01-01',
      periodTo: '2025-06-30',
    });
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201);
    for (const field of ['periodTo', 'periodFrom', 'inspectors', 'fiscalYear', 'round', 'title', 'disclosure']) {
      const res = await t
        .as('inspector')
        .patch(`/api/inspections/${draft.body.id}`)
        .send({ [field]: null });
      expect(res.status, `${field}: ${JSON.stringify(res.body)}`).to.equal(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).to.include(field);
    }
    const kept = await t.as('inspector').get(`/api/inspections/${draft.body.id}`);
    expect(kept.body).to.include({ periodTo: '2025-06-30', inspectors: '점검자' });
  });
});
