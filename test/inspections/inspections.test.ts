import { expect } from 'chai';
import supertest from 'supertest';
import { Consignment } from '../../entities/consignment';
import { OrgUnit } from '../../entities/org-unit';
import { systemContext } from '../../server/context';
import { repeatFindingChains } from '../../server/queries/inspections/repeat-chains';
import { createUser, issueToken } from '../../server/app/admin/users';
import { verdictFor } from '../../server/queries/evaluations/renewal';
import { testApp, TestApp } from '../support/app';

/** A small checklist: 일반운영 → 시민 (a measurable item and a plain one), 운영성과 → 사업 추진 과정. */
const templateV1 = {
  code: 'T-TEST',
  name: '시험용 지도점검표',
  effectiveFrom: '2021-01-01',
  areas: [
    {
      code: 'A',
      title: '일반운영 분야',
      areas: [
        {
          code: 'A1',
          title: '개별지표(1): 시민(만족도 및 소통)',
          items: [
            {
              code: 'I1',
              title: '이용자 만족도 조사',
              guidance: '이용자의 10% 이상 조사',
              criterion: {
                label: '조사 대상 비율',
                kind: 'ratio',
                numeratorLabel: '조사 대상자',
                denominatorLabel: '이용자',
                comparator: 'gte',
                threshold: '10',
                unit: '%',
              },
            },
            { code: 'I2', title: '정보공개 및 의사소통 노력' },
          ],
        },
      ],
    },
    {
      code: 'B',
      title: '운영성과 분야',
      areas: [{ code: 'B1', title: '사업 추진 과정', items: [{ code: 'I3', title: '절차 준수 (나라장터 입찰)' }] }],
    },
  ],
};

const rated = [
  { itemCode: 'I1', figures: { numerator: '12', denominator: '100' }, rating: '적정', notes: '12% 조사' },
  { itemCode: 'I2', rating: '적정', notes: '홈페이지 운영' },
  { itemCode: 'I3', rating: '일부 미흡', notes: '입찰공고 누락', evidence: ['공고문'] },
];

describe('inspections', function () {
  this.timeout(120_000);
  let t: TestApp;
  let consignmentId: number;
  let templateId: number;
  let otherInspectorToken: string;

  const patch = (url: string, token: string) => supertest(t.app).patch(url).set('Authorization', `Bearer ${token}`);
  const asToken = (token: string) => ({
    get: (url: string) => supertest(t.app).get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string) => supertest(t.app).post(url).set('Authorization', `Bearer ${token}`),
  });

  async function file(year: number, extra: Record<string, unknown> = {}) {
    const res = await t
      .as('inspector')
      .post('/api/inspections')
      .send({
        consignmentId,
        templateCode: 'T-TEST',
        fiscalYear: year,
        inspectors: '소비자보호팀 2인',
        periodFrom: `${year}-01-01`,
        periodTo: `${year}-06-30`,
        plannedDate: `${year}-07-01`,
        actualDate: `${year}-07-01`,
        method: '체크리스트',
        documentNumber: `시험-${year}-${Math.random().toString(36).slice(2, 8)}`,
        results: rated,
        ...extra,
      });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body as { id: number; findings: { id: number }[]; template: { version: number } } & Record<string, unknown>;
  }

  async function fileAndApprove(year: number, extra: Record<string, unknown> = {}) {
    const i = await file(year, extra);
    const s = await t
      .as('inspector')
      .post(`/api/inspections/${i.id}/submit`)
      .send({ on: `${year}-07-02` });
    expect(s.status, JSON.stringify(s.body)).to.equal(201);
    const a = await t
      .as('inspector')
      .post(`/api/inspections/${i.id}/approve`)
      .send({ on: `${year}-07-03`, selfApprovalReason: '부서의 유일한 점검 담당자' });
    expect(a.status, JSON.stringify(a.body)).to.equal(201);
    return a.body as typeof i & { status: string; selfApproved: boolean };
  }

  before(async () => {
    t = await testApp();
    const c = await t.ds.getRepository(Consignment).findOneByOrFail({ code: 'EC-C01' });
    consignmentId = c.id;
    const created = await t.as('inspector').post('/api/inspection-templates').send(templateV1);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    templateId = created.body.templateId;
    const other = await t.ds.getRepository(OrgUnit).findOneByOrFail({ name: '시민소통담당관' });
    const user = await createUser(t.ds, {
      username: 'inspector-other',
      displayName: '시민소통담당관 점검',
      role: 'inspector',
      orgUnitId: other.id,
      password: 'other-password-1',
    });
    otherInspectorToken = await issueToken(t.ds, user.id, 'test', 'token-inspector-other');
  });

  after(async () => {
    await t?.close();
  });

  it('keeps a filed inspection and its report unchanged when the template is edited to v2', async () => {
    const filed = await fileAndApprove(2021);
    expect(filed.template.version).to.equal(1);
    expect(filed.status).to.equal('approved');
    expect(filed.selfApproved, 'the department has one inspector: self-approval is recorded').to.equal(true);
    const before = (await t.as('council').get(`/api/inspections/${filed.id}`)).body;
    const reportBefore = await t.as('council').get('/api/reports/inspection-result?consignment=EC-C01&year=2021&format=json');
    expect(reportBefore.status, JSON.stringify(reportBefore.body)).to.equal(200);
    expect(JSON.stringify(reportBefore.body)).to.contain('절차 준수 (나라장터 입찰)');

    const v2 = await t
      .as('inspector')
      .post(`/api/inspection-templates/${templateId}/versions`)
      .send({
        effectiveFrom: '2022-01-01',
        areas: [
          {
            code: 'A',
            title: '일반운영 분야(개정)',
            items: [
              {
                code: 'I1',
                title: '만족도 조사 (개정)',
                criterion: { label: '조사 대상 비율', kind: 'ratio', comparator: 'gte', threshold: '20', unit: '%' },
              },
            ],
          },
          { code: 'B', title: '운영성과 분야', items: [{ code: 'I9', title: '새 항목' }] },
        ],
      });
    expect(v2.status, JSON.stringify(v2.body)).to.equal(201);
    expect(v2.body.version).to.equal(2);

    const after = (await t.as('council').get(`/api/inspections/${filed.id}`)).body;
    expect(after).to.deep.equal(before);
    const reportAfter = await t.as('council').get('/api/reports/inspection-result?consignment=EC-C01&year=2021&format=json');
    expect(reportAfter.body).to.deep.equal(reportBefore.body);
    expect(JSON.stringify(reportAfter.body)).not.to.contain('개정');

    // a new filing by template code takes the latest version
    const next = await file(2022, { results: [{ itemCode: 'I9', rating: '적정' }] });
    expect(next.template.version).to.equal(2);
    const refused = await t
      .as('inspector')
      .post('/api/inspections')
      .send({
        consignmentId,
        templateCode: 'T-TEST',
        fiscalYear: 2022,
        inspectors: 'x',
        periodFrom: '2022-01-01',
        periodTo: '2022-06-30',
        results: [{ itemCode: 'I3', rating: '적정' }],
      });
    expect(refused.status).to.equal(422);
    expect(refused.body.errors[0].field).to.equal('results[0].itemCode');
  });

  it('judges a measurable criterion from the entered figures (8% of users → 미흡 against ≥ 10%)', async () => {
    // the latest template (v2) raised I1's threshold to 20%: file against v1 explicitly
    const v1 = await t.as('inspector').get('/api/inspection-templates');
    const v1Id = v1.body.items
      .find((x: { code: string }) => x.code === 'T-TEST')
      .versions.find((v: { version: number }) => v.version === 1).id;
    const res = await t
      .as('inspector')
      .post('/api/inspections')
      .send({
        consignmentId,
        templateVersionId: v1Id,
        fiscalYear: 2023,
        inspectors: '2인',
        periodFrom: '2023-01-01',
        periodTo: '2023-06-30',
        results: [{ itemCode: 'I1', figures: { numerator: '8', denominator: '100' } }],
      });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const i1 = res.body.results.find((r: { itemCode: string }) => r.itemCode === 'I1');
    expect(i1.criterionMet).to.equal(false);
    expect(i1.criterionValue).to.equal('8.0');
    expect(i1.rating, 'unrated item takes the judgement').to.equal('일부 미흡');
    expect(i1.criterionText).to.contain('미흡');

    const wrong = await patch(`/api/inspections/${res.body.id}`, t.token.inspector).send({ results: [{ itemCode: 'I1', rating: '적정' }] });
    expect(wrong.status).to.equal(422);
    expect(wrong.body.errors[0].rule).to.equal('criterionNotMet');

    const exact = await patch(`/api/inspections/${res.body.id}`, t.token.inspector).send({
      results: [{ itemCode: 'I1', figures: { numerator: '10', denominator: '100' }, rating: '적정' }],
    });
    expect(exact.status, JSON.stringify(exact.body)).to.equal(200);
    const met = exact.body.results.find((r: { itemCode: string }) => r.itemCode === 'I1');
    expect(met.criterionMet, '10% meets ≥ 10%').to.equal(true);
    expect(met.rating).to.equal('적정');

    const pct = await patch(`/api/inspections/${res.body.id}`, t.token.inspector).send({
      results: [{ itemCode: 'I1', figures: { value: '9.99' }, rating: '일부 미흡' }],
    });
    expect(pct.body.results.find((r: { itemCode: string }) => r.itemCode === 'I1').criterionMet).to.equal(false);

    const zero = await patch(`/api/inspections/${res.body.id}`, t.token.inspector).send({
      results: [{ itemCode: 'I1', figures: { numerator: '8', denominator: '0' } }],
    });
    expect(zero.status).to.equal(422);
  });

  it('refuses edits to an approved inspection; a correction is a linked revision that supersedes it', async () => {
    const approved = await fileAndApprove(2024, {
      templateVersionId: undefined,
      results: [
        { itemCode: 'I1', figures: { value: '25' } },
        { itemCode: 'I9', rating: '적정' },
      ],
    });
    const edit = await patch(`/api/inspections/${approved.id}`, t.token.inspector).send({ method: '변경 시도' });
    expect(edit.status).to.equal(409);
    expect(edit.body.code).to.equal('inspection_approved');
    const finding = await t
      .as('inspector')
      .post(`/api/inspections/${approved.id}/findings`)
      .send({ kind: 'caution', title: 'x', requiredAction: 'y' });
    expect(finding.status).to.equal(409);
    const again = await t.as('inspector').post(`/api/inspections/${approved.id}/approve`).send({});
    expect(again.status).to.equal(409);

    const rev = await t.as('inspector').post(`/api/inspections/${approved.id}/revisions`).send({ reason: '점검방법 기재 오류 정정' });
    expect(rev.status, JSON.stringify(rev.body)).to.equal(201);
    expect(rev.body.status).to.equal('draft');
    expect(rev.body.revisionOfId).to.equal(approved.id);
    const fixed = await patch(`/api/inspections/${rev.body.id}`, t.token.inspector).send({ method: '현장 점검 및 서류 확인' });
    expect(fixed.status).to.equal(200);
    await t.as('inspector').post(`/api/inspections/${rev.body.id}/submit`).send({ on: '2024-08-01' });
    const ok = await t
      .as('inspector')
      .post(`/api/inspections/${rev.body.id}/approve`)
      .send({ on: '2024-08-02', selfApprovalReason: '부서의 유일한 점검 담당자' });
    expect(ok.status).to.equal(201);
    const original = (await t.as('inspector').get(`/api/inspections/${approved.id}`)).body;
    expect(original.supersededById).to.equal(rev.body.id);
    expect(original.method).to.equal('체크리스트');
  });

  it('counts a finding repeated across three inspections 3 times and that triggers renewal reason ③', async () => {
    // a consignment of its own so other tests' inspections do not interfere
    const c = await t.ds.getRepository(Consignment).save(
      t.ds.getRepository(Consignment).create({
        code: 'EC-TEST-REPEAT',
        name: '반복 지적 시험 위탁',
        consignmentType: 'office',
        fundingType: 'budget',
        legalBasis: null,
        orgUnitId: (await t.ds.getRepository(Consignment).findOneByOrFail({ id: consignmentId })).orgUnitId,
        programId: null,
        expenseItem: '민간위탁금',
        location: null,
        startedOn: '2019-01-01',
        note: null,
        createdAt: new Date(),
      }),
    );
    const own = async (year: number, repeatOf?: number, justified?: string) => {
      const i = await file(year, {
        consignmentId: c.id,
        results: [
          { itemCode: 'I1', figures: { value: '30' } },
          { itemCode: 'I9', rating: '일부 미흡' },
        ],
        findings: [
          {
            kind: 'caution',
            title: `입찰공고를 나라장터에 게시하지 않음 (${year})`,
            requiredAction: '나라장터 이용',
            dueDate: `${year}-12-31`,
            ...(repeatOf ? { repeatOfFindingId: repeatOf } : {}),
            ...(justified ? { justifiedCause: justified } : {}),
          },
        ],
      });
      return i;
    };
    const approve = async (id: number, year: number) => {
      expect(
        (
          await t
            .as('inspector')
            .post(`/api/inspections/${id}/submit`)
            .send({ on: `${year}-07-02` })
        ).status,
      ).to.equal(201);
      expect(
        (
          await t
            .as('inspector')
            .post(`/api/inspections/${id}/approve`)
            .send({ on: `${year}-07-03`, selfApprovalReason: '부서의 유일한 점검 담당자' })
        ).status,
      ).to.equal(201);
    };
    const first = await own(2021);
    await approve(first.id, 2021);
    const second = await own(2022, first.findings[0].id);
    await approve(second.id, 2022);
    const third = await own(2023, second.findings[0].id);

    let chains = await repeatFindingChains(t.ds.manager, c.id);
    expect(
      chains.map((x) => x.uncorrectedCount),
      'the draft third inspection does not count yet',
    ).to.deep.equal([2]);
    await approve(third.id, 2023);
    chains = await repeatFindingChains(t.ds.manager, c.id);
    expect(chains).to.have.length(1);
    expect(chains[0].uncorrectedCount).to.equal(3);
    expect(chains[0].findingIds).to.deep.equal([first.findings[0].id, second.findings[0].id, third.findings[0].id]);
    expect((await repeatFindingChains(t.ds.manager, c.id, '2022-12-31'))[0].uncorrectedCount, 'as of 2022 only two were approved').to.equal(
      2,
    );

    const api = await t.as('officer').get(`/api/findings/repeat-chains?consignmentId=${c.id}`);
    expect(api.status).to.equal(200);
    expect(api.body.items[0].uncorrectedCount).to.equal(3);

    const verdict = await verdictFor(t.ds.manager, systemContext(), { consignment: 'EC-TEST-REPEAT', asOf: '2024-01-31' });
    const reason3 = verdict.reasons.find((r) => r.number === 3);
    expect(reason3, JSON.stringify(verdict)).to.not.equal(undefined);
    expect(reason3!.evidence.uncorrectedCount).to.equal(3);

    // an occurrence with a justified cause does not count; an earlier audit finding does
    const fourth = await own(2024, third.findings[0].id, '코로나19로 인한 시설 폐쇄');
    await approve(fourth.id, 2024);
    expect((await repeatFindingChains(t.ds.manager, c.id))[0].uncorrectedCount).to.equal(3);
    const fifth = await file(2025, {
      consignmentId: c.id,
      results: [
        { itemCode: 'I1', figures: { value: '30' } },
        { itemCode: 'I9', rating: '적정' },
      ],
      findings: [
        {
          kind: 'correction',
          title: '감사 지적 반복',
          requiredAction: '시정',
          priorSourceKind: 'audit',
          priorSourceRef: '2024 서울시 감사위원회 지적 3번',
        },
      ],
    });
    await approve(fifth.id, 2025);
    const chains5 = await repeatFindingChains(t.ds.manager, c.id);
    const auditChain = chains5.find((x) => x.findingIds.includes(fifth.findings[0].id))!;
    expect(auditChain.uncorrectedCount, 'the audit occurrence plus this one').to.equal(2);
  });

  it('follows a finding up: open → action reported → verified, dated and attributed', async () => {
    const i = await fileAndApprove(2025, {
      results: [
        { itemCode: 'I1', figures: { value: '30' } },
        { itemCode: 'I9', rating: '적정' },
      ],
      findings: [{ kind: 'improvement', title: '자문위원회 개최 미흡', requiredAction: '영상 자문회의 개최', dueDate: '2025-12-31' }],
    });
    const fid = i.findings[0].id;
    const early = await t.as('inspector').post(`/api/findings/${fid}/verify`).send({ verifiedOn: '2025-08-01' });
    expect(early.status).to.equal(409);
    const reported = await t
      .as('inspector')
      .post(`/api/findings/${fid}/action-report`)
      .send({ reportedOn: '2025-08-01', actionReport: '8월 영상 자문회의 개최' });
    expect(reported.status, JSON.stringify(reported.body)).to.equal(201);
    expect(reported.body.status).to.equal('action_reported');
    expect(reported.body.actionReportedByName).to.equal('inspector');
    const verified = await t.as('inspector').post(`/api/findings/${fid}/verify`).send({ verifiedOn: '2025-09-01', note: '회의록 확인' });
    expect(verified.body.status).to.equal('verified');
    expect(verified.body.verifiedOn).to.equal('2025-09-01');
    expect(verified.body.verifiedByName).to.equal('inspector');
    const council = await t.as('council').post(`/api/findings/${fid}/action-report`).send({ reportedOn: '2025-08-01', actionReport: 'x' });
    expect(council.status).to.equal(403);
  });

  it('lets only the owning department, council staff read; others get 403', async () => {
    const i = await file(2026, { results: [{ itemCode: 'I9', rating: '적정' }] });
    const other = asToken(otherInspectorToken);
    expect((await other.get(`/api/inspections/${i.id}`)).status, 'inspector of another department').to.equal(403);
    expect((await t.as('officer2').get(`/api/inspections/${i.id}`)).status, 'budget officer of another department').to.equal(403);
    expect((await t.as('admin').get(`/api/inspections/${i.id}`)).status, 'administrator').to.equal(403);
    expect((await t.as('officer').get(`/api/inspections/${i.id}`)).status).to.equal(200);
    expect((await t.as('council').get(`/api/inspections/${i.id}`)).status).to.equal(200);
    expect((await other.get('/api/reports/inspection-result?consignment=EC-C01&year=2021&format=json')).status).to.equal(403);
    expect((await other.get('/api/inspections')).body.items).to.have.length(0);
    const filed = await other
      .post('/api/inspections')
      .send({ consignmentId, templateCode: 'T-TEST', fiscalYear: 2026, inspectors: 'x', periodFrom: '2026-01-01', periodTo: '2026-03-31' });
    expect(filed.status).to.equal(403);
    expect(
      (
        await t.as('officer').post('/api/inspections').send({
          consignmentId,
          templateCode: 'T-TEST',
          fiscalYear: 2026,
          inspectors: 'x',
          periodFrom: '2026-01-01',
          periodTo: '2026-03-31',
        })
      ).status,
      'budget officers read only',
    ).to.equal(403);
    expect((await patch(`/api/inspections/${i.id}`, t.token.officer).send({ method: 'x' })).status).to.equal(403);
  });

  it('needs another inspector of the department to approve when one exists', async () => {
    const fair = (await t.ds.getRepository(Consignment).findOneByOrFail({ id: consignmentId })).orgUnitId;
    const second = await createUser(t.ds, {
      username: 'inspector-2',
      displayName: '공정경제담당관 점검 2',
      role: 'inspector',
      orgUnitId: fair,
      password: 'second-password-1',
    });
    const token = await issueToken(t.ds, second.id, 'test', 'token-inspector-2');
    const i = await file(2027, {
      results: [
        { itemCode: 'I1', figures: { value: '30' } },
        { itemCode: 'I9', rating: '적정' },
      ],
    });
    await t.as('inspector').post(`/api/inspections/${i.id}/submit`).send({});
    const self = await t.as('inspector').post(`/api/inspections/${i.id}/approve`).send({});
    expect(self.status).to.equal(403);
    const ok = await asToken(token).post(`/api/inspections/${i.id}/approve`).send({ on: '2027-07-05' });
    expect(ok.status, JSON.stringify(ok.body)).to.equal(201);
    expect(ok.body.selfApproved).to.equal(false);
    expect(ok.body.approvedByName).to.equal('inspector-2');
  });

  it('refuses a postponed inspection without a reason and a submission with unrated items', async () => {
    const bad = await t.as('inspector').post('/api/inspections').send({
      consignmentId,
      templateCode: 'T-TEST',
      fiscalYear: 2028,
      inspectors: 'x',
      periodFrom: '2028-01-01',
      periodTo: '2028-06-30',
      plannedDate: '2028-07-01',
      actualDate: '2028-07-09',
    });
    expect(bad.status).to.equal(422);
    expect(bad.body.errors[0].field).to.equal('postponementReason');
    const draft = await file(2028, { results: [{ itemCode: 'I9', rating: '적정' }] });
    const submit = await t.as('inspector').post(`/api/inspections/${draft.id}/submit`).send({});
    expect(submit.status).to.equal(409);
    expect(submit.body.code).to.equal('unrated_items');
  });
});
