import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { judgeCriterion } from '../../domain/inspection-criteria';
import { Inspection, InspectionFinding } from '../../entities/inspection';
import { InspectionTemplate } from '../../entities/inspection-template';
import { run as runInspectionStep } from '../../seeds/steps/050-inspections';
import { consignmentChecklistV1, findings2020 } from '../../seeds/data/ecommerce-inspection-2020';
import { testApp, TestApp } from '../support/app';
import { pdfText } from '../support/pdf-text';

/** The PDF's text breaks long lines and may drop the narrow space between Hangul syllables: compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');

function areaTitles(areas: { title: string; areas?: unknown[] }[]): string[] {
  return areas.flatMap((a) => [a.title, ...areaTitles((a.areas ?? []) as { title: string; areas?: unknown[] }[])]);
}

describe('inspections: the seeded 2020 inspection of the e-commerce center (seed 002)', function () {
  this.timeout(120_000);
  let t: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-report-'));

  before(async () => {
    t = await testApp();
  });
  after(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders to a PDF whose text has every area heading and every finding of seed 002', async () => {
    const res = await t
      .as('council')
      .get('/api/reports/inspection-result?consignment=EC-C01&year=2020&format=pdf')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).to.equal(200);
    const file = path.join(dir, 'inspection.pdf');
    fs.writeFileSync(file, res.body as Buffer);
    const text = squash(await pdfText(file));
    const headings = areaTitles(consignmentChecklistV1.areas);
    expect(headings).to.include.members([
      '일반운영 분야',
      '공통지표(1): 회계관리(예산 관리 및 집행)',
      '공통지표(2): 고용(조직 및 인사관리)',
      '개별지표(1): 시민(만족도 및 소통)',
      '개별지표(2): 전문기술(안전 및 시설관리)',
      '운영성과 분야',
      '인력 및 자원 투입',
      '사업 추진 과정',
      '사업성과 달성 및 활용',
    ]);
    for (const h of headings) expect(text, h).to.contain(squash(h));
    for (const f of findings2020) {
      expect(text, f.title).to.contain(squash(f.title));
      expect(text, f.requiredAction).to.contain(squash(f.requiredAction));
    }
    for (const s of [
      '점검개요',
      '개선 및 건의사항',
      '조치사항',
      '공정경제담당관-793',
      '(사)한국소비자연맹',
      '코로나19 확진자 발생',
      '8.0% (≥10%) 미흡',
      '일부 미흡',
      '해당없음',
    ]) {
      expect(text, s).to.contain(squash(s));
    }
  });

  it('renders to xlsx too, and the JSON model carries the system judgement of the survey criterion', async () => {
    const x = await t
      .as('officer')
      .get('/api/reports/inspection-result?consignment=서울시 전자상거래센터 운영&year=2020&format=xlsx')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(x.status).to.equal(200);
    expect((x.body as Buffer).subarray(0, 2).toString()).to.equal('PK');
    const inspection = await t.ds.getRepository(Inspection).findOneByOrFail({ documentNumber: '공정경제담당관-793' });
    const view = (await t.as('officer').get(`/api/inspections/${inspection.id}`)).body;
    expect(view.status).to.equal('approved');
    expect(view.approvedOn).to.equal('2021-01-14');
    expect(view.plannedDate).to.equal('2020-12-17');
    expect(view.actualDate).to.equal('2020-12-30');
    const survey = view.results.find((r: { itemCode: string }) => r.itemCode === 'GEN-I1-1');
    expect(survey.criterionMet).to.equal(false);
    expect(survey.rating).to.equal('일부 미흡');
    expect(view.findings.map((f: { kindKo: string }) => f.kindKo)).to.deep.equal(['주의', '권고']);
  });

  it('lists open findings with overdue ones first in the findings register', async () => {
    const inspection = await t.ds.getRepository(Inspection).findOneByOrFail({ documentNumber: '공정경제담당관-793' });
    const [first, second] = await t.ds
      .getRepository(InspectionFinding)
      .find({ where: { inspectionId: inspection.id }, order: { seq: 'ASC' } });
    // give the second a later due date so that, as of 2021-09-01, only the first is overdue
    await t.ds.getRepository(InspectionFinding).update({ id: second.id }, { dueDate: '2021-12-31' });
    const res = await t.as('council').get('/api/reports/findings-register?asOf=2021-09-01&format=json');
    expect(res.status).to.equal(200);
    const rows = res.body.sections[0].rows as { style: string; cells: Record<string, { text: string; value: unknown }> }[];
    const titles = rows.map((r) => r.cells.title.text);
    expect(titles[0]).to.match(/^조치기한 경과 \(1건\)/);
    expect(titles[1]).to.equal(first.title);
    expect(rows[1].cells.overdue.value).to.equal(63);
    expect(titles.indexOf(second.title)).to.be.greaterThan(titles.findIndex((x) => x.startsWith('조치기한 내')));
    const api = await t.as('officer').get('/api/findings?asOf=2021-09-01');
    expect(api.body.items[0].findingId).to.equal(first.id);
    expect(api.body.items[0].overdue).to.equal(true);
    expect((await t.as('officer2').get('/api/findings?asOf=2021-09-01')).body.items, 'another department sees none').to.have.length(0);
    const pdf = await t.as('council').get('/api/reports/findings-register?asOf=2021-09-01&format=pdf');
    expect(pdf.status).to.equal(200);
  });

  it('the seed step is idempotent', async () => {
    const before = {
      templates: await t.ds.getRepository(InspectionTemplate).count(),
      inspections: await t.ds.getRepository(Inspection).count(),
    };
    const message = await runInspectionStep(t.ds);
    expect(message).to.contain('present');
    expect({
      templates: await t.ds.getRepository(InspectionTemplate).count(),
      inspections: await t.ds.getRepository(Inspection).count(),
    }).to.deep.equal(before);
  });

  it('judges criteria exactly, without floating point', () => {
    const c = { label: '비율', kind: 'ratio' as const, comparator: 'gte' as const, threshold: '10', unit: '%' };
    expect(judgeCriterion(c, { numerator: '8', denominator: '100' }).met).to.equal(false);
    expect(judgeCriterion(c, { numerator: '1', denominator: '10' }).met).to.equal(true);
    expect(judgeCriterion(c, { numerator: '333', denominator: '3330' }).met).to.equal(true);
    expect(judgeCriterion(c, { numerator: '332.9', denominator: '3330' }).met).to.equal(false);
    expect(judgeCriterion(c, { numerator: '2', denominator: '3' }).value).to.equal('66.7');
    expect(judgeCriterion({ ...c, comparator: 'lt' }, { value: '9.99' }).met).to.equal(true);
    expect(judgeCriterion(c, { value: '8' }).text).to.equal('비율: 8.0% (기준 10% 이상) → 미흡');
  });
});
