/**
 * Golden tests against seed 003 (시민소통기획관 2018 결산·2019 예산): every label and printed figure of
 * the 세출결산 table and 총괄, the 2019 budget table and the 세입결산, read back from the xlsx (exceljs)
 * and the PDF (pdftotext). Expected values are the seed's `printed` figures.
 */
import { expect } from 'chai';
import fs from 'node:fs';
import { buildReport } from '../../reports/registry';
import type { ReportModel, TableSection } from '../../reports/engine';
import { systemContext } from '../../server/context';
import { citizenCommunication } from '../../seeds/data';
import { testApp, TestApp } from '../support/app';
import { pdfFonts } from '../support/pdf-text';
import {
  expectRowsInOrder,
  labelsOnly,
  pdfRows,
  pdfText,
  pngPreview,
  readWorkbook,
  renderFile,
  squash,
  thousand,
  xlsxRows,
} from './artifacts';
import { budget2019Rows, printed, RATE_CORRECTIONS, settlementRows, summaryRows } from './seed003-tables';

const AS_OF = '2019-06-17';

describe('ledger reports: seed 003 (시민소통기획관)', function () {
  this.timeout(120_000);
  let t: TestApp;

  before(async () => {
    t = await testApp();
  });
  after(async () => {
    await t?.close();
  });

  const build = (name: string, params: Record<string, unknown>) =>
    buildReport(t.ds.manager, name, { asOf: AS_OF, ...params }, systemContext('test'));

  describe('expenditure-settlement 2018', () => {
    let model: ReportModel;
    let pdf: string;
    let text: string;
    let xlsx: string;

    before(async () => {
      model = await build('expenditure-settlement', { year: 2018, org: '시민소통기획관' });
      pdf = await renderFile(model, 'expenditure-settlement-2018', 'pdf');
      xlsx = await renderFile(model, 'expenditure-settlement-2018', 'xlsx');
      text = pdfText(pdf);
    });

    it('the seed carries the known 집행률 discrepancy the report corrects', () => {
      const d = printed.settlement2018.departments['SCB-NEWM'];
      expect(d.rate).to.equal('96.3');
      expect(((d.executed / d.current) * 100).toFixed(1)).to.equal(RATE_CORRECTIONS['SCB-NEWM']);
      expect(citizenCommunication.discrepancies!.some((x) => x.includes('뉴미디어담당관 집행률'))).to.equal(true);
    });

    it('model: every row of the 세출결산 table in document order with the printed figures', () => {
      const table = model.sections.find((s): s is TableSection => s.kind === 'table')!;
      const rows = table.rows.map((r) => ({
        label: r.cells.name.text,
        figures: ['budget', 'current', 'executed', 'carriedOut', 'balance', 'rate'].map((k) => r.cells[k].text),
      }));
      const expected = settlementRows();
      expect(rows.length).to.equal(expected.length);
      expectRowsInOrder(rows, expected, 'model');
      // bold rows: totals and departments
      const styles = table.rows.map((r) => r.style);
      expect(styles.slice(0, 3)).to.deep.equal(['total', 'subtotal', 'subtotal']);
      expect(table.rows.filter((r) => r.style === 'department').map((r) => r.cells.name.text)).to.deep.equal(
        Object.keys(printed.settlement2018.departments).map((c) => citizenCommunication.orgUnits.find((o) => o.code === c)!.name),
      );
      // indentation: unit programs deeper than their policy program
      const unit = table.rows.find((r) => r.cells.name.text === '언론매체를 통한 시정정보제공')!;
      const policy = table.rows.find((r) => r.cells.name.text === '시민과 함께하는 참여와 소통 시정구현')!;
      expect(unit.depth).to.be.greaterThan(policy.depth);
    });

    it('xlsx: every label and figure of the 세출결산 table and the 총괄 table', async () => {
      const wb = await readWorkbook(xlsx);
      const ws = wb.worksheets[0];
      const rows = xlsxRows(ws);
      expectRowsInOrder(rows, settlementRows(), 'xlsx 세출결산');
      const summaryStart = rows.findIndex((r) => r.label.includes('세출결산 총괄'));
      expect(summaryStart).to.be.greaterThan(0);
      expectRowsInOrder(rows.slice(summaryStart), summaryRows(), 'xlsx 총괄');
      // the unit line and the abolition footnote
      const all = rows.map((r) => [r.label, ...r.figures].join(' ')).join('\n');
      expect(all).to.contain('(단위 : 천원, %)');
      expect(all).to.contain("※ '19. 1. 1일부 조직개편으로 신속행정담당관 폐지");
    });

    it('pdf: every label and figure of the 세출결산 table and the 총괄 table', () => {
      expectRowsInOrder(pdfRows(text, 6), settlementRows(), 'pdf 세출결산');
      expectRowsInOrder(
        pdfRows(text, 5).filter((r) => r.figures.length === 5),
        summaryRows(),
        'pdf 총괄',
      );
      const labels = labelsOnly(text);
      for (const e of settlementRows()) expect(labels, e.label).to.contain(squash(e.label));
      expect(squash(text)).to.contain(squash("※ '19. 1. 1일부 조직개편으로 신속행정담당관 폐지"));
      expect(squash(text)).to.contain(squash('(단위 : 천원, %)'));
      expect(squash(text)).to.contain('부서별집행률');
    });

    it('footnote of the abolished department comes from the org chart (validTo), not from text', async () => {
      const speed = citizenCommunication.orgUnits.find((o) => o.code === 'SCB-SPEED')!;
      expect(speed.validTo).to.equal('2018-12-31');
      // a department report of a unit still in place has no such footnote
      const dept = await build('expenditure-settlement', { year: 2018, org: '시민소통담당관' });
      expect(JSON.stringify(dept)).to.not.contain('폐지');
      const own = await build('expenditure-settlement', { year: 2018, org: 'SCB-SPEED' });
      expect(JSON.stringify(own)).to.contain("'19. 1. 1일부 조직개편으로 신속행정담당관 폐지");
    });

    it('chart: 집행률 by department with the table texts as labels', () => {
      const chart = model.sections.find((s) => s.kind === 'chart');
      expect(chart && chart.kind === 'chart').to.equal(true);
      if (chart?.kind !== 'chart') return;
      const names = Object.keys(printed.summary2018.departments).map((c) => citizenCommunication.orgUnits.find((o) => o.code === c)!.name);
      expect(chart.chart.categories).to.deep.equal(names);
      expect(chart.chart.series[0].labels).to.deep.equal(
        Object.entries(printed.summary2018.departments).map(([c, d]) => RATE_CORRECTIONS[c] ?? d.rate),
      );
    });

    it('renders a readable first page (PNG preview saved)', () => {
      const png = pngPreview(pdf, 'expenditure-settlement-2018');
      expect(fs.statSync(png).size).to.be.greaterThan(10_000);
      const fonts = pdfFonts(pdf);
      expect(fonts).to.match(/NotoSansKR/);
    });
  });

  describe('budget-comparison 2019 (org: 2 decimals, restated prior year)', () => {
    let model: ReportModel;
    let pdf: string;
    let xlsx: string;

    before(async () => {
      model = await build('budget-comparison', { year: 2019, org: '시민소통기획관' });
      pdf = await renderFile(model, 'budget-comparison-2019', 'pdf');
      xlsx = await renderFile(model, 'budget-comparison-2019', 'xlsx');
    });

    it('model, xlsx and pdf print every row of the 2019 table (54,438,155 · 6,627,757 · 13.86 · △24,802 · △3.45 …)', async () => {
      const expected = budget2019Rows();
      expect(expected[0].figures).to.deep.equal({ 0: '47,810,398', 1: '54,438,155', 2: '6,627,757', 3: '13.86' });
      expect(expected[2].figures).to.deep.include({ 2: '△24,802', 3: '△3.45' });
      const table = model.sections.find((s): s is TableSection => s.kind === 'table')!;
      const rows = table.rows.map((r) => ({
        label: r.cells.name.text,
        figures: ['prior', 'current', 'diff', 'rate'].map((k) => r.cells[k].text),
      }));
      expect(rows.length).to.equal(expected.length);
      expectRowsInOrder(rows, expected, 'model');
      const ws = (await readWorkbook(xlsx)).worksheets[0];
      expectRowsInOrder(xlsxRows(ws), expected, 'xlsx');
      expectRowsInOrder(pdfRows(pdfText(pdf), 4), expected, 'pdf');
    });

    it('new items print 100, disappearing ones △100, unchanged ones -', () => {
      const table = model.sections.find((s): s is TableSection => s.kind === 'table')!;
      const rate = (label: string) => table.rows.find((r) => r.cells.name.text === label)!.cells.rate.text;
      expect(rate('서울시 해외 홍보마케팅')).to.equal('100');
      expect(rate('공공소셜 활성화')).to.equal('△100');
      expect(rate('서울특별시보 발행')).to.equal('-');
    });

    it('has the "2018년 대비" header over 증감 and 증감률 and says the prior year is restated', async () => {
      const table = model.sections.find((s): s is TableSection => s.kind === 'table')!;
      expect(table.headerRows![0].map((h) => h.label)).to.include('2018년 대비');
      expect(table.headerRows![0].find((h) => h.label === '2018년 대비')!.colSpan).to.equal(2);
      expect(model.subtitle).to.contain('2019년 조직 기준 재작성');
      expect(model.footnotes!.join('\n')).to.contain('2019년 조직 기준으로 재작성');
      const text = squash(pdfText(pdf));
      expect(text).to.contain('2018년대비');
      expect(text).to.contain(squash('2019년 조직 기준으로 재작성'));
      const ws = (await readWorkbook(xlsx)).worksheets[0];
      expect(xlsxRows(ws).some((r) => r.figures.includes('2018년 대비') || r.label === '2018년 대비')).to.equal(true);
      pngPreview(pdf, 'budget-comparison-2019');
    });

    it('uses priorYearBasis, not the 2018 settlement budget, for restated rows', async () => {
      // 시민소통담당관: 2018 결산 예산액 12,038,667 vs restated 12,564,981
      const table = model.sections.find((s): s is TableSection => s.kind === 'table')!;
      const dept = table.rows.find((r) => r.cells.name.text === '시민소통담당관')!;
      expect(dept.cells.prior.text).to.equal(thousand(printed.budget2019.departments['SCB-COMM'].prior!));
      expect(dept.cells.prior.text).to.not.equal(thousand(printed.settlement2018.departments['SCB-COMM'].budget));
    });
  });

  describe('revenue-settlement 2018', () => {
    it('prints 합계 first and every line (7,913,080 … 92) in xlsx and pdf', async () => {
      const model = await build('revenue-settlement', { year: 2018, org: '시민소통기획관' });
      const r = printed.revenue2018;
      const fig = (f: typeof r.total) => ({
        0: thousand(f.budget),
        1: thousand(f.current),
        2: thousand(f.assessed),
        3: thousand(f.collected),
        4: '0', // 불납결손액: none in 2018
        5: thousand(f.uncollected),
      });
      const names = Object.fromEntries(citizenCommunication.revenue![2018].lines.map((l) => [l.code, l.name]));
      const expected = [
        { label: '합계', figures: fig(r.total) },
        ...Object.entries(r.lines).map(([code, f]) => ({ label: names[code], figures: fig(f) })),
      ];
      expect(expected[0].figures[0]).to.equal('7,913,080');
      expect(expected[0].figures[5]).to.equal('92');
      const table = model.sections.find((s): s is TableSection => s.kind === 'table')!;
      expect(table.rows[0].cells.name.text).to.equal('합계');
      expect(table.rows.length).to.equal(expected.length);
      const pdf = await renderFile(model, 'revenue-settlement-2018', 'pdf');
      const xlsx = await renderFile(model, 'revenue-settlement-2018', 'xlsx');
      expectRowsInOrder(xlsxRows((await readWorkbook(xlsx)).worksheets[0]), expected, 'xlsx');
      expectRowsInOrder(pdfRows(pdfText(pdf), 6), expected, 'pdf');
      expect(table.columns.map((c) => c.label)).to.deep.equal([
        '구분',
        '예산액',
        '예산현액',
        '징수결정액',
        '실제수납액',
        '불납결손액',
        '미수납액',
      ]);
      pngPreview(pdf, 'revenue-settlement-2018');
    });
  });

  describe('execution-chart 2018', () => {
    it('charts 집행률 by department and tabulates the figures behind the bars', async () => {
      const model = await build('execution-chart', { year: 2018, org: '시민소통기획관' });
      const chart = model.sections.find((s) => s.kind === 'chart');
      if (chart?.kind !== 'chart') throw new Error('no chart section');
      const depts = printed.summary2018.departments;
      expect(chart.chart.series[0].labels).to.deep.equal(Object.entries(depts).map(([c, d]) => RATE_CORRECTIONS[c] ?? d.rate));
      const expected = [
        {
          label: '합 계',
          figures: {
            0: thousand(printed.summary2018.total.current),
            1: thousand(printed.summary2018.total.executed),
            2: printed.summary2018.total.rate,
          },
        },
        ...Object.entries(depts).map(([c, d]) => ({
          label: citizenCommunication.orgUnits.find((o) => o.code === c)!.name,
          figures: { 0: thousand(d.current), 1: thousand(d.executed), 2: RATE_CORRECTIONS[c] ?? d.rate },
        })),
      ];
      const pdf = await renderFile(model, 'execution-chart-2018', 'pdf');
      expectRowsInOrder(pdfRows(pdfText(pdf), 3), expected, 'pdf');
      const xlsx = await renderFile(model, 'execution-chart-2018', 'xlsx');
      expectRowsInOrder(xlsxRows((await readWorkbook(xlsx)).worksheets[0]), expected, 'xlsx');
      pngPreview(pdf, 'execution-chart-2018');
    });
  });
});
