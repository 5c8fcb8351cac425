import { expect } from 'chai';
import { Consignment } from '../../entities/consignment';
import { GrantPlan, GrantPlanCategory } from '../../entities/consignment-grant-plan';
import { ConsignmentSettlement } from '../../entities/consignment-settlement';
import { Inspection } from '../../entities/inspection';
import { Program } from '../../entities/program';
import { LedgerEntry } from '../../entities/ledger-entry';
import { ProgramYear } from '../../entities/program-year';
import { formatInteger } from '../../domain/money';
import { expenseLineFigures } from '../../server/app/ledger/ledger';
import { testApp, TestApp } from '../support/app';
import { webLogin } from './helpers';
import { freshProgramYear } from '../ledger/fixtures';

describe('web pages: what they show', function () {
  this.timeout(60_000);
  let t: TestApp;
  let pyId: number;
  before(async () => {
    t = await testApp({ web: true });
    const program = await t.ds.getRepository(Program).findOneByOrFail({ name: '서울시 전자상거래센터 운영' });
    pyId = (await t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: program.id, fiscalYear: 2025 })).id;
  });
  after(async () => t?.close());

  it('the dashboard lists a 전용 not reported to the committee in time, to its own department only', async () => {
    const officer = await webLogin(t.app, 'officer');
    const before = await officer.agent.get('/?year=2025');
    expect(before.text).to.contain('상임위 보고 기한이 지난 전용</a>: <strong>0건');
    const res = await t.as('officer').post('/api/transfers').send({
      kind: 'item',
      transferDate: '2025-02-03',
      amount: 1_234_000,
      fromProgramYearId: pyId,
      fromItem: '민간위탁금',
      toProgramYearId: pyId,
      toItem: '운영비',
      reason: '시험 전용',
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const after = await officer.agent.get('/?year=2025');
    expect(after.text).to.contain('상임위 보고 기한이 지난 전용</a>: <strong>1건');
    expect(after.text).to.contain('1,234,000');
    const other = await webLogin(t.app, 'officer2');
    expect((await other.agent.get('/?year=2025')).text).not.to.contain('1,234,000');
    const council = await webLogin(t.app, 'council');
    expect((await council.agent.get('/?year=2025')).text).to.contain('1,234,000');
  });

  it('the program-year page shows appropriations with their 산출근거 and the figures by 편성목', async () => {
    const program = await t.ds.getRepository(Program).findOneByOrFail({ name: '서울시 전자상거래센터 운영' });
    const py2023 = await t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: program.id, fiscalYear: 2023 });
    const council = await webLogin(t.app, 'council');
    const page = await council.agent.get(`/ledger/${py2023.id}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('산출근거');
    expect(page.text).to.match(/<table class="basis">/);
    expect(page.text).to.contain('523,783,000');
    expect(page.text).not.to.contain('원장 기록 (집행·추경·이월 등)'); // read-only for council staff (and the year is closed)
  });

  it('the officer corrects an entry and a 전용 by reversal from the entries table; a refused reversal shows the rule and keeps what was typed', async () => {
    const py = await freshProgramYear(t, { amount: 1_000_000 });
    const exec = await t
      .as('officer')
      .post('/api/ledger-entries')
      .send({ programYearId: py.id, expenseItem: py.item, kind: 'execution', amount: 300_000, entryDate: '2025-03-01' });
    const tr = await t.as('officer').post('/api/transfers').send({
      kind: 'item',
      transferDate: '2025-04-10',
      amount: 100_000,
      fromProgramYearId: py.id,
      fromItem: py.item,
      toProgramYearId: py.id,
      toItem: '시설비',
      reason: '공사비 부족',
    });
    await t
      .as('officer')
      .post('/api/ledger-entries')
      .send({ programYearId: py.id, expenseItem: '시설비', kind: 'execution', amount: 80_000, entryDate: '2025-04-20' })
      .expect(201);
    const officer = await webLogin(t.app, 'officer');
    const page = await officer.agent.get(`/ledger/${py.id}`);
    expect(page.text).to.contain(`action="/ledger/${py.id}/entries/${exec.body.id}/reversal"`);
    expect(
      page.text.match(new RegExp(`action="/ledger/${py.id}/transfers/${tr.body.id}/reversal"`, 'g')),
      'one form per transfer',
    ).to.have.length(1);
    const council = await webLogin(t.app, 'council');
    expect((await council.agent.get(`/ledger/${py.id}`)).text).not.to.contain('/reversal"');
    // a grant payment's 집행 is not offered: it is corrected with its payment
    const paymentEntries = await t.ds.getRepository(LedgerEntry).findBy({ programYearId: pyId, kind: 'execution' });
    const fromGrant = paymentEntries.find((e) => e.sourceRef?.startsWith('disbursement:'))!;
    expect((await officer.agent.get(`/ledger/${pyId}`)).text).not.to.contain(`/entries/${fromGrant.id}/reversal"`);
    const direct = await t
      .as('officer')
      .post(`/api/ledger-entries/${fromGrant.id}/reversal`)
      .send({ entryDate: '2025-12-01', reason: '정정' });
    expect(direct.status).to.equal(409);
    expect(direct.body.code).to.equal('reverse_through_source');

    // the 전용 cannot be undone: 시설비 has spent 80,000 of the 100,000
    const refused = await officer.agent
      .post(`/ledger/${py.id}/transfers/${tr.body.id}/reversal`)
      .type('form')
      .send({ _csrf: officer.csrf, entryDate: '2025-04-21', reason: '착오' });
    expect(refused.status).to.equal(409);
    expect(refused.text).to.contain('저장하지 못했습니다');
    expect(refused.text).to.contain('20,000원');
    expect(refused.text).to.contain('value="착오"');

    const done = await officer.agent
      .post(`/ledger/${py.id}/entries/${exec.body.id}/reversal`)
      .type('form')
      .send({ _csrf: officer.csrf, entryDate: '2025-03-02', reason: '이중 지급 정정' });
    expect(done.status).to.equal(303);
    const after = await officer.agent.get(done.headers.location);
    expect(after.text).to.contain(`${exec.body.id}번 취소`);
    expect(after.text, 'a reversed entry offers no second reversal').not.to.contain(
      `action="/ledger/${py.id}/entries/${exec.body.id}/reversal"`,
    );
    expect(await expenseLineFigures(t.ds.manager, py.id, py.item)).to.include({ executed: 0 });
  });

  it('council staff download the council packet with their browser session (GET on the API)', async () => {
    const council = await webLogin(t.app, 'council');
    const catalogue = await council.agent.get('/reports?year=2023&org=LFB');
    expect(catalogue.text).to.contain('/api/reports/packet?year=2023&amp;org=LFB&amp;format=pdf');
    const pdf = await council.agent
      .get('/api/reports/packet?year=2023&org=LFB&format=pdf')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).to.equal(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).to.equal('%PDF-');
  });

  it('a report preview prints the model’s texts (the same as the xlsx and pdf)', async () => {
    const council = await webLogin(t.app, 'council');
    const page = await council.agent.get('/reports/expenditure-settlement?year=2023&org=LFB');
    expect(page.status).to.equal(200);
    const json = await t.as('council').get('/api/reports/expenditure-settlement?year=2023&org=LFB&format=json');
    const model = json.body as { title: string; sections: { kind: string; rows?: { cells: Record<string, { text: string }> }[] }[] };
    expect(page.text).to.contain(model.title);
    const table = model.sections.find((s) => s.kind === 'table')!;
    for (const row of table.rows!.slice(0, 5)) for (const cell of Object.values(row.cells)) expect(page.text).to.contain(cell.text);
    const missing = await council.agent.get('/reports/expenditure-settlement?year=2023');
    expect(missing.status).to.equal(400);
    expect(missing.text).to.contain('org');
  });
  describe('the consignment-year page: grant plan versions and the settlement', () => {
    const Q = 159_250_000;
    let c: Consignment;
    before(async () => {
      c = await t.ds.getRepository(Consignment).findOneByOrFail({ code: 'EC-C01' });
    });
    // 예산현액 of the funding line now (the dashboard test above moved part of it by a 전용)
    const currentBudget = async () => (await expenseLineFigures(t.ds.manager, pyId, c.expenseItem)).current;
    const approvedCategories = async () => {
      const plan = await t.ds.getRepository(GrantPlan).findOneByOrFail({ consignmentId: c.id, fiscalYear: 2025, status: 'approved' });
      return t.ds.getRepository(GrantPlanCategory).find({ where: { grantPlanId: plan.id }, order: { seq: 'ASC' } });
    };

    it('the officer reverses a paid grant (교부 취소) from the grants table; a refused one keeps what was typed', async () => {
      const paid = await t
        .as('officer')
        .post('/api/disbursements')
        .send({ consignment: 'EC-C01', fiscalYear: 2025, quarter: 4, requestedOn: '2025-10-01', amount: 1_000, paidOn: '2025-10-02' });
      expect(paid.status, JSON.stringify(paid.body)).to.equal(201);
      const officer = await webLogin(t.app, 'officer');
      const action = `/consignments/${c.id}/disbursements/${paid.body.id}/reversal`;
      expect((await officer.agent.get(`/consignments/${c.id}?year=2025`)).text).to.contain(`action="${action}"`);
      const early = await officer.agent
        .post(action)
        .type('form')
        .send({ _csrf: officer.csrf, reversedOn: '2025-10-01', reason: '금액 착오' });
      expect(early.status).to.equal(422);
      expect(early.text).to.contain('저장하지 못했습니다');
      expect(early.text).to.contain('value="금액 착오"');
      const done = await officer.agent
        .post(action)
        .type('form')
        .send({ _csrf: officer.csrf, reversedOn: '2025-10-03', reason: '금액 착오' });
      expect(done.status).to.equal(303);
      const page = await officer.agent.get(done.headers.location);
      expect(page.text).to.contain(`교부 취소 (${paid.body.id}번)`);
      expect(page.text).to.contain('교부 (취소됨)');
      expect(page.text, 'a reversed grant offers no second reversal').not.to.contain(`action="${action}"`);
    });

    it('shows the plan versions and, for the officer, a plan form prefilled from the approved version', async () => {
      const officer = await webLogin(t.app, 'officer');
      const page = await officer.agent.get(`/consignments/${c.id}?year=2025`);
      expect(page.status).to.equal(200);
      expect(page.text).to.contain(`action="/consignments/${c.id}/grant-plans"`);
      expect(page.text).to.contain('name="q1" inputmode="numeric" autocomplete="off" value="159,250,000"');
      expect(page.text).to.contain('name="cat_personnel"');
      expect(page.text).to.contain(`action="/consignments/${c.id}/settlements"`);
      const council = await webLogin(t.app, 'council');
      const read = await council.agent.get(`/consignments/${c.id}?year=2025`);
      expect(read.text).to.contain('교부계획 버전');
      expect(read.text).not.to.contain(`action="/consignments/${c.id}/grant-plans"`);
    });

    it('a plan above 예산현액 is refused beside the quarters with the figures, keeping what was typed', async () => {
      const officer = await webLogin(t.app, 'officer');
      const current = await currentBudget();
      const q4 = current - 3 * Q + 1;
      const before = await t.ds.getRepository(GrantPlan).countBy({ consignmentId: c.id, fiscalYear: 2025 });
      const cats = Object.fromEntries((await approvedCategories()).map((k) => [`cat_${k.code}`, String(k.amount)]));
      const res = await officer.agent
        .post(`/consignments/${c.id}/grant-plans`)
        .type('form')
        .send({
          _csrf: officer.csrf,
          fiscalYear: '2025',
          q1: '159,250,000',
          q2: '159,250,000',
          q3: '159,250,000',
          q4: String(q4),
          reason: '증액 시험',
          ...cats,
        });
      expect(res.status).to.equal(409);
      expect(res.text).to.contain('저장하지 못했습니다');
      expect(res.text).to.contain('예산현액');
      expect(res.text, 'no rule id on screen').not.to.contain('withinCurrentBudget');
      expect(res.text).to.match(new RegExp(`id="plan-figures">[^<]*예산현액 ${formatInteger(current)}원`));
      expect(res.text).to.contain(`연간 교부계획 ${formatInteger(current + 1)}원`);
      expect(res.text).to.contain('초과액 1원');
      expect(res.text).to.contain(`name="q4" inputmode="numeric" autocomplete="off" value="${q4}"`);
      expect(res.text).to.contain('value="증액 시험"');
      expect(await t.ds.getRepository(GrantPlan).countBy({ consignmentId: c.id, fiscalYear: 2025 })).to.equal(before);
    });

    it('the officer enters a new plan version (a change needs a reason) and approves it', async () => {
      const officer = await webLogin(t.app, 'officer');
      const cats = Object.fromEntries(
        (await approvedCategories()).map((k) => [`cat_${k.code}`, formatInteger(k.code === 'personnel' ? k.amount - 2_000_000 : k.amount)]),
      );
      const form = {
        _csrf: officer.csrf,
        fiscalYear: '2025',
        q1: '159,250,000',
        q2: '159,250,000',
        q3: '159,250,000',
        q4: '157,250,000',
        ...cats,
      };
      const noReason = await officer.agent.post(`/consignments/${c.id}/grant-plans`).type('form').send(form);
      expect(noReason.status).to.equal(422);
      expect(noReason.text).to.contain('승인된 교부계획을 변경하려면 사유가 필요합니다');
      expect(noReason.text, 'no rule id on screen').not.to.contain('규칙:');

      const saved = await officer.agent
        .post(`/consignments/${c.id}/grant-plans`)
        .type('form')
        .send({ ...form, reason: '인건비 조정' });
      expect(saved.status).to.equal(303);
      expect(saved.headers.location).to.match(new RegExp(`^/consignments/${c.id}\\?year=2025&saved=plan&version=\\d+#plan$`));
      const draft = await t.ds
        .getRepository(GrantPlan)
        .findOneOrFail({ where: { consignmentId: c.id, fiscalYear: 2025 }, order: { version: 'DESC' } });
      expect(draft).to.include({ status: 'draft', total: 635_000_000, q4: 157_250_000, reason: '인건비 조정' });
      const draftCats = await t.ds.getRepository(GrantPlanCategory).findBy({ grantPlanId: draft.id });
      expect(draftCats.find((k) => k.code === 'personnel')!.amount).to.equal(318_000_000);

      const page = await officer.agent.get(saved.headers.location);
      expect(page.text).to.contain(`교부계획 ${draft.version}차를 저장했습니다`);
      expect(page.text).to.contain(`action="/consignments/${c.id}/grant-plans/${draft.id}/approve"`);

      const approved = await officer.agent
        .post(`/consignments/${c.id}/grant-plans/${draft.id}/approve`)
        .type('form')
        .send({ _csrf: officer.csrf, approvedOn: '2025-06-20' });
      expect(approved.status).to.equal(303);
      expect((await t.ds.getRepository(GrantPlan).findOneByOrFail({ id: draft.id })).status).to.equal('approved');
      const after = await officer.agent.get(approved.headers.location);
      expect(after.text).to.contain(`교부계획 ${draft.version}차를 승인했습니다`);
      expect(after.text).to.contain(`승인된 교부계획 v${draft.version} (2025-06-20 승인`);
      expect(after.text).to.contain('대체됨');
      // approving it again is refused on the page, with the message
      const again = await officer.agent
        .post(`/consignments/${c.id}/grant-plans/${draft.id}/approve`)
        .type('form')
        .send({ _csrf: officer.csrf, approvedOn: '2025-06-21' });
      expect(again.status).to.equal(409);
      expect(again.text).to.contain('이미 승인됨');
    });

    it('the officer submits, reviews and confirms the settlement; the page lists it with its 반납액', async () => {
      const officer = await webLogin(t.app, 'officer');
      const submitted = await officer.agent
        .post(`/consignments/${c.id}/settlements`)
        .type('form')
        .send({ _csrf: officer.csrf, fiscalYear: '2025', submittedOn: '2025-12-20', note: '' });
      expect(submitted.status).to.equal(303);
      const s = await t.ds
        .getRepository(ConsignmentSettlement)
        .findOneOrFail({ where: { consignmentId: c.id, fiscalYear: 2025 }, order: { id: 'DESC' } });
      expect(s.status).to.equal('submitted');
      expect(s.returnAmount).to.equal(s.granted + s.interest - s.spent);
      const page = await officer.agent.get(submitted.headers.location);
      expect(page.text).to.contain('정산을 제출했습니다');
      expect(page.text).to.contain(`<strong>${formatInteger(s.returnAmount)}</strong>`);
      expect(page.text).to.contain(`action="/consignments/${c.id}/settlements/${s.id}/review"`);

      const badReview = await officer.agent
        .post(`/consignments/${c.id}/settlements/${s.id}/review`)
        .type('form')
        .send({ _csrf: officer.csrf, reviewedOn: '2025-12-19' });
      expect(badReview.status).to.equal(422);
      expect(badReview.text).to.contain('검토일이 제출일보다 앞설 수 없습니다');
      expect(badReview.text).to.contain('value="2025-12-19"');
      expect(
        (
          await officer.agent
            .post(`/consignments/${c.id}/settlements/${s.id}/review`)
            .type('form')
            .send({ _csrf: officer.csrf, reviewedOn: '2025-12-22', note: '확인' })
        ).status,
      ).to.equal(303);
      const reviewed = await officer.agent.get(`/consignments/${c.id}?year=2025`);
      expect(reviewed.text).to.contain(`action="/consignments/${c.id}/settlements/${s.id}/confirm"`);
      expect(reviewed.text).to.contain(`action="/consignments/${c.id}/disbursements"`);
      const confirmed = await officer.agent
        .post(`/consignments/${c.id}/settlements/${s.id}/confirm`)
        .type('form')
        .send({ _csrf: officer.csrf, confirmedOn: '2026-01-15', returnDate: '' });
      expect(confirmed.status).to.equal(303);
      expect((await t.ds.getRepository(ConsignmentSettlement).findOneByOrFail({ id: s.id })).status).to.equal('confirmed');
      const locked = await officer.agent.get(confirmed.headers.location);
      expect(locked.text).to.contain('정산을 확정했습니다');
      expect(locked.text).not.to.contain(`action="/consignments/${c.id}/grant-plans"`);
      expect(locked.text, 'no payment form once the year is settled').not.to.contain(`action="/consignments/${c.id}/disbursements"`);
    });
  });

  it('an inspector approves a submitted inspection, and returns (반려) another to draft', async () => {
    const seeded = await t.ds.getRepository(Inspection).findOneByOrFail({ status: 'approved' });
    const revision = await t.as('inspector').post(`/api/inspections/${seeded.id}/revisions`).send({ reason: '오기 정정' });
    expect(revision.status, JSON.stringify(revision.body)).to.equal(201);
    await t.as('inspector').post(`/api/inspections/${revision.body.id}/submit`).send({ on: '2026-01-10' }).expect(201);

    const inspector = await webLogin(t.app, 'inspector');
    const page = await inspector.agent.get(`/inspections/${revision.body.id}`);
    expect(page.text).to.contain(`action="/inspections/${revision.body.id}/approve"`);
    expect(page.text).to.contain(`action="/inspections/${revision.body.id}/return"`);
    const council = await webLogin(t.app, 'council');
    expect((await council.agent.get(`/inspections/${revision.body.id}`)).text).not.to.contain(`/inspections/${revision.body.id}/approve`);

    // the filer approving their own inspection states why (issue 17)
    expect(page.text).to.contain('name="selfApprovalReason"');
    const selfNoReason = await inspector.agent
      .post(`/inspections/${revision.body.id}/approve`)
      .type('form')
      .send({ _csrf: inspector.csrf, on: '2026-01-12' });
    expect(selfNoReason.status).to.equal(422);
    expect(selfNoReason.text).to.contain('사유');
    const approved = await inspector.agent
      .post(`/inspections/${revision.body.id}/approve`)
      .type('form')
      .send({ _csrf: inspector.csrf, on: '2026-01-12', selfApprovalReason: '부서의 유일한 점검 담당자' });
    expect(approved.status).to.equal(303);
    expect(await t.ds.getRepository(Inspection).findOneByOrFail({ id: revision.body.id })).to.include({
      status: 'approved',
      approvedOn: '2026-01-12',
    });
    const after = await inspector.agent.get(approved.headers.location);
    expect(after.text).to.contain('점검 결과를 승인했습니다');
    expect(after.text).to.contain('본인 승인');
    expect(after.text).not.to.contain(`action="/inspections/${revision.body.id}/approve"`);

    const second = await t.as('inspector').post(`/api/inspections/${revision.body.id}/revisions`).send({ reason: '재정정' }).expect(201);
    await t.as('inspector').post(`/api/inspections/${second.body.id}/submit`).send({ on: '2026-01-13' }).expect(201);
    const noReason = await inspector.agent
      .post(`/inspections/${second.body.id}/return`)
      .type('form')
      .send({ _csrf: inspector.csrf, reason: ' ' });
    expect(noReason.status).to.equal(400);
    expect(noReason.text).to.contain('사유는 비어 있을 수 없습니다');
    expect(noReason.text, 'no field key on screen').not.to.contain('reason:');
    const returned = await inspector.agent
      .post(`/inspections/${second.body.id}/return`)
      .type('form')
      .send({ _csrf: inspector.csrf, reason: '증빙 보완' });
    expect(returned.status).to.equal(303);
    expect((await t.ds.getRepository(Inspection).findOneByOrFail({ id: second.body.id })).status).to.equal('draft');
  });
});
