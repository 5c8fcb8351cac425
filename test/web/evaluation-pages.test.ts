import { expect } from 'chai';
import { Consignment, ContractTerm } from '../../entities/consignment';
import { Evaluation } from '../../entities/evaluation';
import { listTemplates } from '../../server/queries/evaluations/templates';
import { testApp, TestApp } from '../support/app';
import { webLogin } from './helpers';

/** 종합성과평가 entry on the web: every indicator of the template in force, the total computed. */
describe('web pages: entering a comprehensive evaluation', function () {
  this.timeout(60_000);
  let t: TestApp;
  let c: Consignment;
  let term: ContractTerm;
  before(async () => {
    t = await testApp({ web: true });
    c = await t.ds.getRepository(Consignment).findOneByOrFail({ code: 'EC-C01' });
    term = (await t.ds.getRepository(ContractTerm).find({ where: { consignmentId: c.id }, order: { startDate: 'DESC' } }))[0];
  });
  after(async () => t?.close());

  it('shows an input per indicator; a score above its points is refused beside it, keeping what was typed; a full sheet is recorded with its total', async () => {
    const evaluatedOn = '2026-06-30';
    const [template] = (await listTemplates(t.ds.manager, { asOf: evaluatedOn })).slice(-1);
    expect(template, 'a template in force').to.exist;
    const indicators = template.groups.flatMap((g) => g.indicators);
    const officer = await webLogin(t.app, 'officer');
    const page = await officer.agent.get(`/consignments/${c.id}/evaluations/new?term=${term.id}`);
    expect(page.status).to.equal(200);
    expect(page.text.match(/name="score_\d+"/g)).to.have.length(indicators.length);

    const [first, ...rest] = indicators;
    const sheet: Record<string, string> = {
      _csrf: officer.csrf,
      contractTermId: String(term.id),
      templateId: String(template.id),
      evaluatedOn,
      evaluatedBy: '공정경제담당관',
      evaluators: '김평가, 이평가',
    };
    for (const i of rest) sheet[`score_${i.id}`] = i.maxPoints;
    const tooHigh = await officer.agent
      .post(`/consignments/${c.id}/evaluations`)
      .type('form')
      .send({ ...sheet, [`score_${first.id}`]: String(Number(first.maxPoints) + 1) });
    expect(tooHigh.status).to.equal(422);
    expect(tooHigh.text).to.contain(
      `id="score_${first.id}" name="score_${first.id}" inputmode="decimal" autocomplete="off" value="${Number(first.maxPoints) + 1}" aria-invalid="true"`,
    );
    expect(tooHigh.text).to.contain(`배점(${first.maxPoints}점)을 넘습니다`);
    expect(tooHigh.text).to.contain('value="김평가, 이평가"');
    expect(await t.ds.getRepository(Evaluation).countBy({ contractTermId: term.id, evaluatedOn })).to.equal(0);

    const half = (Number(first.maxPoints) / 2).toString();
    const done = await officer.agent
      .post(`/consignments/${c.id}/evaluations`)
      .type('form')
      .send({ ...sheet, [`score_${first.id}`]: half });
    expect(done.status, done.text.slice(0, 500)).to.equal(303);
    const saved = await t.ds.getRepository(Evaluation).findOneByOrFail({ contractTermId: term.id, evaluatedOn });
    const expected = Number(template.maxTotal) - Number(first.maxPoints) + Number(half);
    expect(Number(saved.total)).to.be.closeTo(expected, 1e-9);
    const after = await officer.agent.get(done.headers.location);
    expect(after.text).to.contain(`평가 번호 ${saved.id}`);
    expect(after.text).to.contain(`${saved.total} / ${template.maxTotal}`);
  });

  it('council staff read evaluations but get no entry link or form', async () => {
    const council = await webLogin(t.app, 'council');
    const page = await council.agent.get(`/consignments/${c.id}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('종합성과평가');
    expect(page.text).not.to.contain(`/consignments/${c.id}/evaluations/new`);
    expect((await council.agent.get(`/consignments/${c.id}/evaluations/new`)).status).to.equal(403);
  });
});
