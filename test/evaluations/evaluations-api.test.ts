import { expect } from 'chai';
import { ContractTerm } from '../../entities/consignment';
import { Consignment } from '../../entities/consignment';
import { EvaluationIndicator, EvaluationTemplate } from '../../entities/evaluation-template';
import { InspectionTemplateItem, InspectionTemplateVersion } from '../../entities/inspection-template';
import { AuditRecord } from '../../entities/audit-record';
import { systemContext } from '../../server/context';
import { approveInspection, createInspection, submitInspection } from '../../server/app/inspections/writing';
import { testApp, TestApp } from '../support/app';
import { run as runEvaluationSeed } from '../../seeds/steps/060-evaluations';
import { Evaluation } from '../../entities/evaluation';
import { PerformanceIndicatorValue } from '../../entities/performance-indicator';
import { RuleVersion } from '../../entities/rule-version';

/** Seed 001's 운영 위탁 연혁, transcribed from the document: period, score, evaluating unit, renewals. */
const HISTORY = [
  ['’04. 5월~’05. 1월', '86.0', '소비자보호과', '-'],
  ['’05. 2월~’05.12월', '94.8', '생활경제과', '1차'],
  ['’06. 1월~’06.12월', '92.5', '생활경제과', '2차'],
  ['’07. 1월~’08.12월', '87.0', '생활경제담당관', '3차'],
  ['’09. 1월~’09.12월', '90.5', '생활경제담당관', '4차'],
  ['’10. 1월~’11.12월', '87.8', '생활경제과', '5차'],
  ['’12. 1월~’13.12월', '88.4', '민생경제과', '6차'],
  ['’14. 1월~’15.12월', '88.2', '민생경제과', '7차'],
  ['’16. 1월~’18.12월', '90.4', '공정경제과', '8차'],
  ['’18. 1월~’21.12월', '80.4', '조직담당관', '-'],
  ['’22. 1월~’24.12월', '83.4', '조직담당관', '-'],
];

/** Seed 001's 연도별 성과지표 대비 실적: [indicator, targets, actuals, achievements] for 2022, 2023, ’24.6월. */
const INDICATORS: [string, string[], string[], string[]][] = [
  ['상/하반기 기간 내 모니터링 달성률', ['87.8', '84.8', '85.9'], ['80.8', '81.8', '30.3'], ['92.03', '96.46', '35.27']],
  ['일부 준수(★★) 이상 업체 비율', ['91.6', '91.6', '91.6'], ['89.1', '89.3', '89.6'], ['97.27', '97.49', '97.82']],
  ['피해구제율', ['49.7', '49.7', '49.7'], ['51.0', '51.2', '62.1'], ['102.62', '103.02', '124.95']],
  ['홈페이지 방문자수', ['44,564', '62,882', '58,891'], ['59,830', '56,087', '31,658'], ['134.26', '89.19', '53.76']],
  ['언론사 인용 횟수(인용률)', ['139', '170', '196'], ['227', '225', '120'], ['163.31', '132.35', '61.22']],
];

interface Table {
  kind: 'table';
  title?: string;
  columns: { key: string; label: string }[];
  rows: { cells: Record<string, { value: unknown; text: string }> }[];
  footnotes?: string[];
}
interface Paragraphs {
  kind: 'paragraphs';
  title?: string;
  paragraphs: string[];
}
interface Model {
  title: string;
  sections: { kind: string; title?: string }[];
}

function section<T>(model: Model, match: (title: string) => boolean): T {
  const found = model.sections.find((s) => match(s.title ?? ''));
  expect(found, 'section').to.exist;
  return found as unknown as T;
}

describe('evaluations: API, seed 001 and the consignment-performance report', function () {
  this.timeout(180_000);
  let t: TestApp;
  let consignment: Consignment;
  let terms: ContractTerm[];
  let template: EvaluationTemplate;
  let indicators: EvaluationIndicator[];
  const term = (start: string) => terms.find((x) => x.startDate === start)!;

  before(async () => {
    t = await testApp();
    consignment = await t.ds.getRepository(Consignment).findOneByOrFail({ code: 'EC-C01' });
    terms = await t.ds.getRepository(ContractTerm).find({ where: { consignmentId: consignment.id } });
    template = await t.ds.getRepository(EvaluationTemplate).findOneByOrFail({ code: 'SEOUL-CPE', version: 1 });
    indicators = await t.ds.getRepository(EvaluationIndicator).find({ where: { templateId: template.id }, order: { id: 'ASC' } });
  });
  after(async () => t?.close());

  /** Scores for every indicator: the given ones first, the rest at 0. */
  function scores(values: string[]) {
    return indicators.map((ind, i) => ({ indicatorId: ind.id, score: values[i] ?? '0', comment: `의견 ${i + 1}` }));
  }

  it("brings seed 001 back in the report: every history score, every achievement, the verdict and the city's re-tender", async () => {
    const res = await t
      .as('council')
      .get('/api/reports/consignment-performance?consignment=EC-C01&asOf=2024-08-12&format=json')
      .expect(200);
    const model = res.body as Model;
    expect(model.title).to.equal('민간위탁 성과보고');
    const titles = model.sections.map((s) => s.title ?? '');
    // seed 001's order: overview, location and staff, budget, history, activities, indicators, verdict
    const order = [
      '1. 위탁사무 개요',
      '2. 위탁사무 운영현황',
      '인력 운영',
      '3. 위탁기간 연도별 예산현황',
      '4. 운영 위탁 연혁',
      '5. 주요 사업 실적',
      '6. 연도별 성과지표 대비 실적',
      '7. 재계약 여부 검토',
    ];
    const positions = order.map((o) => titles.findIndex((x) => x.startsWith(o)));
    expect(
      positions.every((p) => p >= 0),
      titles.join(' / '),
    ).to.equal(true);
    expect([...positions].sort((a, b) => a - b)).to.deep.equal(positions);

    const history = section<Table>(model, (x) => x === '4. 운영 위탁 연혁');
    expect(
      history.rows.map((r) => [r.cells.period.text, r.cells.score.text, r.cells.evaluatedBy.text, r.cells.renewals.text]),
    ).to.deep.equal(HISTORY);

    const budget = section<Table>(model, (x) => x.startsWith('3. '));
    expect(budget.rows[0].cells.y2022.text).to.equal('519,778');
    expect(budget.rows[0].cells.y2023.text).to.equal('523,783');
    expect(budget.rows[0].cells.y2024.text).to.equal('533,478');

    const table = section<Table>(model, (x) => x === '6. 연도별 성과지표 대비 실적');
    expect(table.columns.slice(-3).map((c) => c.label)).to.deep.equal(['2022년', '2023년', '’24.6월']);
    const cols = table.columns.slice(-3).map((c) => c.key);
    INDICATORS.forEach(([name, targets, actuals, achievements], i) => {
      const [tRow, aRow, dRow] = table.rows.slice(i * 3, i * 3 + 3);
      expect(tRow.cells.name.text).to.equal(name);
      expect(
        cols.map((c) => tRow.cells[c].text),
        `${name} 목표치`,
      ).to.deep.equal(targets);
      expect(
        cols.map((c) => aRow.cells[c].text),
        `${name} 실적치`,
      ).to.deep.equal(actuals);
      expect(
        cols.map((c) => dRow.cells[c].text),
        `${name} 달성도`,
      ).to.deep.equal(achievements);
    });

    // activity figures as printed; the document's 2022 total (136,798) does not equal its rows (136,780) and the report says so
    const monitoring = section<Table>(model, (x) => x.endsWith('전자상거래업체 모니터링 및 DB 구축 실적'));
    expect(monitoring.rows.map((r) => r.cells.p0.text)).to.deep.equal(['136,798', '41,877', '10,949', '54,189', '21,352', '8,413']);
    expect(monitoring.footnotes!.join(' ')).to.contain('136,780');
    expect(monitoring.footnotes!.join(' ')).not.to.contain('2023년');
    const counselling = section<Table>(model, (x) => x === '전자상거래 관련 소비자상담 및 피해구제 현황');
    expect(counselling.footnotes).to.equal(undefined);
    expect(counselling.rows.map((r) => r.cells.p2.text)).to.deep.equal([
      '4,892',
      '1,788',
      '2,970',
      '2,468',
      '288',
      '32',
      '182',
      '25',
      '109',
    ]);

    const evaluation = section<Table>(model, (x) => x.startsWith('종합성과평가 결과'));
    expect(evaluation.rows[0].cells.score.text).to.equal('83.44');

    const verdict = section<Paragraphs>(model, (x) => x === '7. 재계약 여부 검토');
    const text = verdict.paragraphs.join('\n');
    expect(text).to.contain('① 종합성과평가 결과가 75점 미만인 경우');
    expect(text).to.contain('해당하는 사유 없음');
    expect(text).to.contain('재계약 가능');
    expect(text).to.contain('재위탁(공개모집) — 재계약이 가능함에도 재위탁을 선택');
    expect(text).to.contain('관성적 운영');

    // the PDF and xlsx render from the same model
    const pdf = await t
      .as('council')
      .get('/api/reports/consignment-performance?consignment=EC-C01&asOf=2024-08-12&format=pdf')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 4).toString()).to.equal('%PDF');
  });

  it('gives the seeded verdict over the API: renewal allowed at 83.44, re-tender chosen with its reason', async () => {
    const res = await t.as('council').get('/api/renewal-verdicts?consignment=EC-C01&asOf=2024-08-12').expect(200);
    expect(res.body.renewalAllowed).to.equal(true);
    expect(res.body.outcome).to.equal('retender_chosen');
    expect(res.body.reasons).to.deep.equal([]);
    expect(res.body.contractTerm.startDate).to.equal('2022-01-01');
    expect(res.body.cityDecision.reason).to.contain('관성적 운영');
    expect(res.body.summaryKo).to.contain('83.44');
  });

  it('computes the total from the indicator scores and refuses a typed total', async () => {
    const body = {
      contractTermId: term('2016-01-01').id,
      templateId: template.id,
      evaluatedBy: '공정경제과',
      evaluatedOn: '2018-10-01',
      evaluators: ['평가위원 A', '평가위원 B'],
      scores: scores(['12.25', '7.5', '20.01', '10', '15.33', '8', '3.3']),
    };
    await t
      .as('officer')
      .post('/api/evaluations')
      .send({ ...body, total: '99.99' })
      .expect(400);
    const res = await t.as('officer').post('/api/evaluations').send(body).expect(201);
    // 12.25 + 7.5 + 20.01 + 10 + 15.33 + 8 + 3.3 = 76.39
    expect(res.body.total).to.equal('76.39');
    const got = await t.as('officer').get(`/api/evaluations/${res.body.id}`).expect(200);
    const subtotals = got.body.groups.map((g: { subtotal: string }) => Math.round(Number(g.subtotal) * 100));
    expect(subtotals.reduce((a: number, b: number) => a + b, 0)).to.equal(7639);
    const each = got.body.groups.flatMap((g: { scores: { score: string }[] }) => g.scores.map((s) => Math.round(Number(s.score) * 100)));
    expect(each.reduce((a: number, b: number) => a + b, 0)).to.equal(7639);
    expect(got.body.evaluators).to.deep.equal(['평가위원 A', '평가위원 B']);
    expect(got.body.grade).to.equal('보통');
    const audits = await t.ds.getRepository(AuditRecord).findBy({ entity: 'evaluation', entityId: String(res.body.id) });
    expect(audits).to.have.length(1);
  });

  it('refuses scores that do not fit the template', async () => {
    const body = {
      contractTermId: term('2016-01-01').id,
      templateId: template.id,
      evaluatedBy: 'x',
      evaluatedOn: '2018-10-02',
      evaluators: ['a'],
    };
    const missing = await t
      .as('officer')
      .post('/api/evaluations')
      .send({ ...body, scores: scores(['1']).slice(0, 3) })
      .expect(422);
    expect(missing.body.errors.some((e: { rule: string }) => e.rule === 'everyIndicatorScored')).to.equal(true);
    const above = await t
      .as('officer')
      .post('/api/evaluations')
      .send({ ...body, scores: scores(['15.01']) })
      .expect(422);
    expect(above.body.errors[0]).to.include({ field: 'scores.0.score', rule: 'atMostMaxPoints' });
    await t
      .as('officer')
      .post('/api/evaluations')
      .send({ ...body, evaluatedOn: '2015-06-01', scores: scores([]) })
      .expect(422);
  });

  it('judges 74.9 by the rule in force on the evaluation date: excluded in 2025, allowed in 2018', async () => {
    const s749 = scores(['15', '10', '20', '10', '10', '7', '2.9']); // 74.90
    const current = await t
      .as('officer')
      .post('/api/evaluations')
      .send({
        contractTermId: term('2025-01-01').id,
        templateId: template.id,
        evaluatedBy: '조직담당관',
        evaluatedOn: '2025-06-30',
        evaluators: ['a'],
        scores: s749,
      })
      .expect(201);
    expect(current.body.total).to.equal('74.90');
    const v1 = await t
      .as('council')
      .get(`/api/renewal-verdicts?consignment=EC-C01&contractTermId=${term('2025-01-01').id}&asOf=2025-12-31`)
      .expect(200);
    expect(v1.body.renewalAllowed).to.equal(false);
    expect(v1.body.reasons.map((r: { number: number }) => r.number)).to.deep.equal([1]);
    expect(v1.body.reasons[0].evidence.rule.params.minScore).to.equal(75);
    expect(v1.body.reasons[0].evidence.evaluationId).to.equal(current.body.id);

    // the 2016 term: correct the earlier evaluation to 74.9 (a new evaluation superseding it)
    const list = await t
      .as('officer')
      .get(`/api/evaluations?consignment=EC-C01&contractTermId=${term('2016-01-01').id}`)
      .expect(200);
    const old = list.body.items[0];
    const corrected = await t
      .as('officer')
      .post('/api/evaluations')
      .send({
        contractTermId: term('2016-01-01').id,
        templateId: template.id,
        evaluatedBy: '공정경제과',
        evaluatedOn: '2018-10-01',
        evaluators: ['a'],
        scores: s749,
        supersedesId: old.id,
      })
      .expect(201);
    await t
      .as('officer')
      .post('/api/evaluations')
      .send({
        contractTermId: term('2016-01-01').id,
        templateId: template.id,
        evaluatedBy: '공정경제과',
        evaluatedOn: '2018-10-01',
        evaluators: ['a'],
        scores: s749,
        supersedesId: old.id,
      })
      .expect(409);
    const live = await t
      .as('officer')
      .get(`/api/evaluations?consignment=EC-C01&contractTermId=${term('2016-01-01').id}`)
      .expect(200);
    expect(live.body.items.map((e: { id: number }) => e.id)).to.deep.equal([corrected.body.id]);
    const all = await t
      .as('officer')
      .get(`/api/evaluations?consignment=EC-C01&contractTermId=${term('2016-01-01').id}&superseded=include`)
      .expect(200);
    expect(all.body.items).to.have.length(2);

    const v2 = await t
      .as('council')
      .get(`/api/renewal-verdicts?consignment=EC-C01&contractTermId=${term('2016-01-01').id}&asOf=2018-12-31`)
      .expect(200);
    expect(v2.body.reasons).to.deep.equal([]);
    expect(v2.body.renewalAllowed).to.equal(true);
    expect(v2.body.criteriaKo[0]).to.contain('60점 미만');
  });

  it('gives reason ③ with links to three repeated findings from the inspection service', async () => {
    const version = await t.ds.getRepository(InspectionTemplateVersion).findOneOrFail({ where: {}, order: { id: 'DESC' } });
    const items = await t.ds.getRepository(InspectionTemplateItem).find({ where: { versionId: version.id } });
    const results = items.map((it) => ({ itemCode: it.code, rating: (JSON.parse(it.ratingScale) as string[])[0] }));
    const ctx = systemContext('test');
    const ids: number[] = [];
    for (const [k, year] of [2021, 2022, 2023].entries()) {
      const insp = await createInspection(t.ds, ctx, {
        consignmentId: consignment.id,
        templateVersionId: version.id,
        fiscalYear: year,
        round: 9,
        inspectors: '테스트 점검반',
        periodFrom: `${year}-01-01`,
        periodTo: `${year}-11-30`,
        actualDate: `${year}-12-01`,
        results,
        findings: [
          {
            kind: 'caution',
            title: '입찰공고를 나라장터에 게시하지 않음',
            requiredAction: '나라장터 이용',
            repeatOfFindingId: k === 0 ? null : ids[k - 1],
          },
        ],
      });
      await submitInspection(t.ds, ctx, insp.id, `${year}-12-02`);
      const approved = await approveInspection(t.ds, ctx, insp.id, `${year}-12-03`);
      ids.push(approved.findings[0].id);
    }
    const res = await t
      .as('council')
      .get(`/api/renewal-verdicts?consignment=EC-C01&contractTermId=${term('2022-01-01').id}&asOf=2024-08-12`)
      .expect(200);
    expect(res.body.renewalAllowed).to.equal(false);
    const r3 = res.body.reasons.filter((r: { number: number }) => r.number === 3);
    expect(r3).to.have.length(1);
    expect(r3[0].evidence.findingIds).to.deep.equal(ids);
    expect(r3[0].evidence.uncorrectedCount).to.equal(3);
    // before the third inspection was approved, the chain had 2 and ③ did not apply
    const before = await t
      .as('council')
      .get(`/api/renewal-verdicts?consignment=EC-C01&contractTermId=${term('2022-01-01').id}&asOf=2022-12-31`)
      .expect(200);
    expect(before.body.reasons.filter((r: { number: number }) => r.number === 3)).to.deep.equal([]);
    // the report lists the reason and the findings
    const report = await t
      .as('council')
      .get('/api/reports/consignment-performance?consignment=EC-C01&asOf=2024-08-12&format=json')
      .expect(200);
    const verdict = section<Paragraphs>(report.body as Model, (x) => x === '7. 재계약 여부 검토');
    expect(verdict.paragraphs.join('\n'))
      .to.contain(`③ 해당`)
      .and.contain(ids.map((id) => `#${id}`).join(', '));
  });

  it('records selection-committee scores, misconduct and audit sanctions as reasons ②, ④, ⑤', async () => {
    const termId = term('2018-01-01').id;
    const q = `/api/renewal-verdicts?consignment=EC-C01&contractTermId=${termId}&asOf=2021-12-31`;
    expect((await t.as('council').get(q).expect(200)).body.reasons).to.deep.equal([]);
    await t
      .as('officer')
      .post('/api/renewal-facts')
      .send({
        consignment: 'EC-C01',
        contractTermId: termId,
        kind: 'selection_score',
        factDate: '2021-11-01',
        score: '69.5',
        description: '적격자심의위원회 심사',
      })
      .expect(201);
    await t
      .as('officer')
      .post('/api/renewal-facts')
      .send({ consignment: 'EC-C01', contractTermId: termId, kind: 'misconduct', factDate: '2020-05-01', description: '사업비 횡령' })
      .expect(422);
    await t
      .as('officer')
      .post('/api/renewal-facts')
      .send({
        consignment: 'EC-C01',
        contractTermId: termId,
        kind: 'misconduct',
        factDate: '2020-05-01',
        description: '사업비 횡령',
        decision: '벌금 300만원',
      })
      .expect(201);
    await t
      .as('officer')
      .post('/api/renewal-facts')
      .send({
        consignment: 'EC-C01',
        contractTermId: termId,
        kind: 'audit_sanction',
        factDate: '2021-03-01',
        description: '감사 환수',
        decision: '환수 100만원',
        committeeRelevant: false,
      })
      .expect(201);
    let v = (await t.as('council').get(q).expect(200)).body;
    expect(v.reasons.map((r: { number: number }) => r.number)).to.deep.equal([2, 4]);
    await t
      .as('officer')
      .post('/api/renewal-facts')
      .send({
        consignment: 'EC-C01',
        contractTermId: termId,
        kind: 'audit_sanction',
        factDate: '2021-06-01',
        description: '감사 징계',
        decision: '징계 요구',
        committeeRelevant: true,
        committeeDecidedOn: '2021-09-01',
      })
      .expect(201);
    v = (await t.as('council').get(q).expect(200)).body;
    expect(v.reasons.map((r: { number: number }) => r.number)).to.deep.equal([2, 4, 5]);
    expect(v.outcome).to.equal('retender_required');
    // judged as of a day before the facts, none applies
    const early = (
      await t.as('council').get(`/api/renewal-verdicts?consignment=EC-C01&contractTermId=${termId}&asOf=2019-12-31`).expect(200)
    ).body;
    expect(early.reasons).to.deep.equal([]);
  });

  it('computes indicator achievements, the right way round for lower-is-better, with partial years and corrections', async () => {
    const up = await t
      .as('officer')
      .post('/api/performance-indicators')
      .send({ consignment: 'EC-C01', strategicGoal: 'g', task: 't', name: '처리 건수', unit: '건' })
      .expect(201);
    const down = await t
      .as('officer')
      .post('/api/performance-indicators')
      .send({ consignment: 'EC-C01', strategicGoal: 'g', task: 't', name: '평균 처리 기간', unit: '일', lowerIsBetter: true })
      .expect(201);
    const a = await t
      .as('officer')
      .post(`/api/performance-indicators/${up.body.id}/values`)
      .send({ year: 2024, target: '10', actual: '8' })
      .expect(201);
    const b = await t
      .as('officer')
      .post(`/api/performance-indicators/${down.body.id}/values`)
      .send({ year: 2024, target: '10', actual: '8' })
      .expect(201);
    expect(a.body.achievement.text).to.equal('80.00');
    expect(b.body.achievement.text).to.equal('125.00');
    const half = await t
      .as('officer')
      .post(`/api/performance-indicators/${down.body.id}/values`)
      .send({ year: 2025, periodEnd: '2025-06-30', target: '12.5', actual: '10' })
      .expect(201);
    expect(half.body).to.include({ partial: true, periodLabel: '’25.6월' });
    expect(half.body.achievement.text).to.equal('125.00');
    await t
      .as('officer')
      .post(`/api/performance-indicators/${up.body.id}/values`)
      .send({ year: 2024, target: '10', actual: '9' })
      .expect(409);
    await t
      .as('officer')
      .post(`/api/performance-indicators/${up.body.id}/values`)
      .send({ year: 2024, periodEnd: '2025-01-01', target: '10' })
      .expect(422);
    const fixed = await t
      .as('officer')
      .post(`/api/performance-indicators/${up.body.id}/values`)
      .send({ year: 2024, target: '10', actual: '9', supersedesId: a.body.id })
      .expect(201);
    const got = await t.as('inspector').get(`/api/performance-indicators/${up.body.id}`).expect(200);
    expect(got.body.values.map((v: { id: number; achievement: { text: string } }) => [v.id, v.achievement.text])).to.deep.equal([
      [fixed.body.id, '90.00'],
    ]);
    const list = await t.as('council').get('/api/performance-indicators?consignment=EC-C01&year=2022').expect(200);
    const monitoring = list.body.items.find((i: { name: string }) => i.name === '상/하반기 기간 내 모니터링 달성률');
    expect(monitoring.values.map((v: { achievement: { text: string } }) => v.achievement.text)).to.deep.equal(['92.03']);
  });

  it('lets budget officers of the owning department and admins write; others read or are refused', async () => {
    const body = { consignment: 'EC-C01', strategicGoal: 'g', task: 't', name: '권한 시험', unit: '%' };
    await t.as('council').post('/api/performance-indicators').send(body).expect(403);
    await t.as('inspector').post('/api/performance-indicators').send(body).expect(403);
    await t.as('officer2').post('/api/performance-indicators').send(body).expect(403);
    await t.as('admin').post('/api/performance-indicators').send(body).expect(201);
    await t.as('inspector').get('/api/evaluations?consignment=EC-C01').expect(200);
    await t.as('council').get('/api/evaluations?consignment=EC-C01').expect(200);
    await t.as('officer2').get('/api/evaluations?consignment=EC-C01').expect(403);
    await t.as('officer2').get('/api/reports/consignment-performance?consignment=EC-C01&format=json').expect(403);
    await t
      .as('officer')
      .post('/api/evaluation-templates')
      .send({ code: 'X', name: 'x', effectiveFrom: '2020-01-01', groups: [] })
      .expect(403);
    const created = await t
      .as('admin')
      .post('/api/evaluation-templates')
      .send({
        code: 'SEOUL-CPE',
        name: '개정 지표',
        effectiveFrom: '2026-01-01',
        groups: [
          {
            name: '공통',
            scope: 'common',
            measure: 'quantitative',
            indicators: [
              { name: 'a', maxPoints: '60' },
              { name: 'b', maxPoints: '40' },
            ],
          },
        ],
      })
      .expect(201);
    expect(created.body).to.include({ version: 2, maxTotal: '100.00' });
    const inForce = await t.as('council').get('/api/evaluation-templates?code=SEOUL-CPE&asOf=2026-06-01').expect(200);
    expect(inForce.body.items.map((x: { version: number }) => x.version)).to.deep.equal([1, 2]);
    // version 2 is not in force before 2026: an evaluation dated 2025 against it is refused
    const ids = created.body.groups[0].indicators.map((i: { id: number }) => i.id);
    await t
      .as('officer')
      .post('/api/evaluations')
      .send({
        contractTermId: term('2025-01-01').id,
        templateId: created.body.id,
        evaluatedBy: 'x',
        evaluatedOn: '2025-12-01',
        evaluators: ['a'],
        scores: ids.map((id: number) => ({ indicatorId: id, score: '1' })),
      })
      .expect(422);
  });

  it('the seed step is idempotent: running it again adds nothing', async () => {
    const count = async () => [
      await t.ds.getRepository(Evaluation).count(),
      await t.ds.getRepository(PerformanceIndicatorValue).count(),
      await t.ds.getRepository(RuleVersion).count(),
    ];
    const before = await count();
    const message = await runEvaluationSeed(t.ds);
    expect(message).to.match(/rules 0, templates 0, evaluations 0, decisions 0, indicators 0, values 0, figures 0 added/);
    expect(await count()).to.deep.equal(before);
    const rules = await t.ds.getRepository(RuleVersion).find({ where: { ruleKey: 'renewal_min_score' }, order: { effectiveFrom: 'ASC' } });
    expect(rules.map((r) => [r.effectiveFrom, JSON.parse(r.params).minScore])).to.deep.equal([
      ['2016-01-01', 60],
      ['2022-07-01', 75],
    ]);
  });
});
