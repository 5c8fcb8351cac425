import { expect } from 'chai';
import { Consignment } from '../../entities/consignment';
import { Disbursement } from '../../entities/consignment-disbursement';
import { testApp, TestApp } from '../support/app';
import { webLogin } from './helpers';

/** The consignment page's 신청 → 결정 → 교부 forms and the dashboard's pending requests (issue 17). */
describe('pages: grant requests on the consignment page and the dashboard', function () {
  this.timeout(180_000);
  let t: TestApp;
  let c: Consignment;
  before(async () => {
    t = await testApp({ web: true });
    c = await t.ds.getRepository(Consignment).findOneByOrFail({ code: 'EC-C01' });
  });
  after(async () => t?.close());

  it('records a request beyond the plan with a warning, refuses its approval with the figures, approves part, pays it', async () => {
    const officer = await webLogin(t.app, 'officer');
    const page = await officer.agent.get(`/consignments/${c.id}?year=2025`);
    expect(page.text).to.contain('<nav class="page-menu"');
    for (const name of ['예산', '교부', '교부계획', '정산', '계약·평가']) expect(page.text).to.contain(`>${name}</a>`);
    const saved = await officer.agent.post(`/consignments/${c.id}/disbursements`).type('form').send({
      _csrf: officer.csrf,
      fiscalYear: '2025',
      quarter: '3',
      requestedOn: '2025-07-01',
      paidOn: '2025-07-02',
      amount: '900,000,000',
      action: 'request',
    });
    expect(saved.status, saved.text.slice(0, 500)).to.equal(303);
    const r = await t.ds.getRepository(Disbursement).findOneByOrFail({ requestedAmount: 900_000_000 });
    expect(r).to.include({ status: 'requested', paidOn: null });
    expect(saved.headers.location).to.equal(`/consignments/${c.id}?year=2025&requested=${r.id}#request-${r.id}`);
    const shown = await officer.agent.get(saved.headers.location);
    expect(shown.text).to.contain('교부 신청을 기록했습니다');
    expect(shown.text).to.contain('id="request-warning"');
    expect(shown.text).to.contain('477,750,000원');
    expect(shown.text).to.contain(`action="/consignments/${c.id}/requests/${r.id}/decision"`);

    const dashboard = await officer.agent.get('/');
    expect(dashboard.text).to.contain('처리할 교부 신청');
    expect(dashboard.text).to.contain(`#request-${r.id}`);

    const decide = `/consignments/${c.id}/requests/${r.id}/decision`;
    const refused = await officer.agent
      .post(decide)
      .type('form')
      .send({ _csrf: officer.csrf, decidedOn: '2025-07-02', amount: '900,000,000', approve: 'true' });
    expect(refused.status).to.equal(409);
    expect(refused.text).to.contain('159,250,000원');
    expect(refused.text).to.contain('value="900,000,000"');
    const approved = await officer.agent
      .post(decide)
      .type('form')
      .send({ _csrf: officer.csrf, decidedOn: '2025-07-02', amount: '159,250,000', approve: 'true' });
    expect(approved.status).to.equal(303);
    const after = await officer.agent.get(approved.headers.location);
    expect(after.text).to.contain('교부 신청을 승인했습니다');
    expect(after.text).to.contain(`action="/consignments/${c.id}/requests/${r.id}/payment"`);
    const paid = await officer.agent
      .post(`/consignments/${c.id}/requests/${r.id}/payment`)
      .type('form')
      .send({ _csrf: officer.csrf, paidOn: '2025-07-03' });
    expect(paid.status).to.equal(303);
    expect((await t.ds.getRepository(Disbursement).findOneByOrFail({ id: r.id })).status).to.equal('paid');
    const twice = await officer.agent
      .post(`/consignments/${c.id}/requests/${r.id}/payment`)
      .type('form')
      .send({ _csrf: officer.csrf, paidOn: '2025-07-04' });
    expect(twice.status).to.equal(409);
  });

  it('rejects with a reason and withdraws from the page', async () => {
    const officer = await webLogin(t.app, 'officer');
    const make = async (amount: string) => {
      const res = await officer.agent.post(`/consignments/${c.id}/disbursements`).type('form').send({
        _csrf: officer.csrf,
        fiscalYear: '2025',
        quarter: '4',
        requestedOn: '2025-10-01',
        amount,
        action: 'request',
      });
      expect(res.status).to.equal(303);
      return Number(/requested=(\d+)/.exec(res.headers.location)![1]);
    };
    const a = await make('1,111');
    const noReason = await officer.agent
      .post(`/consignments/${c.id}/requests/${a}/decision`)
      .type('form')
      .send({ _csrf: officer.csrf, decidedOn: '2025-10-02', approve: 'false' });
    expect(noReason.status).to.equal(422);
    expect(noReason.text).to.contain('반려 사유');
    const rejected = await officer.agent
      .post(`/consignments/${c.id}/requests/${a}/decision`)
      .type('form')
      .send({ _csrf: officer.csrf, decidedOn: '2025-10-02', approve: 'false', reason: '증빙 미비' });
    expect(rejected.status).to.equal(303);
    expect((await t.ds.getRepository(Disbursement).findOneByOrFail({ id: a })).decisionReason).to.equal('증빙 미비');
    const b = await make('2,222');
    const withdrawn = await officer.agent
      .post(`/consignments/${c.id}/requests/${b}/withdrawal`)
      .type('form')
      .send({ _csrf: officer.csrf, withdrawnOn: '2025-10-03' });
    expect(withdrawn.status).to.equal(303);
    expect((await t.ds.getRepository(Disbursement).findOneByOrFail({ id: b })).status).to.equal('withdrawn');
  });
});
