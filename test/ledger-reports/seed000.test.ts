/**
 * Golden tests against seed 000 (서울시 전자상거래센터 운영): 최근 3년 결산 현황 2019–2021 and the
 * 2022→2023 예산 총괄 (519,778 / 523,783 / 4,005 / 1, whole percent), read back from xlsx and PDF.
 */
import { expect } from 'chai';
import { buildReport } from '../../reports/registry';
import type { ReportModel, TableSection } from '../../reports/engine';
import { systemContext } from '../../server/context';
import { ecommerceCenter } from '../../seeds/data';
import { testApp, TestApp } from '../support/app';
import { expectRowsInOrder, pdfRows, pdfText, pngPreview, readWorkbook, renderFile, squash, thousand, xlsxRows } from './artifacts';

interface HistoryRow {
  year: number;
  finalBudget: number;
  carryIn: number;
  change: number;
  current: number;
  executed: number;
  carryOut: number;
  balance: number;
}
const printed = ecommerceCenter.printed as unknown as {
  history: HistoryRow[];
  budgetTable2023: { prior: number; current: number; diff: number; rate: string; rateDecimals: number };
};
const PROGRAM_NAME = '서울시 전자상거래센터 운영';

describe('ledger reports: seed 000 (전자상거래센터)', function () {
  this.timeout(120_000);
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => {
    await t?.close();
  });
  const build = (name: string, params: Record<string, unknown>) =>
    buildReport(t.ds.manager, name, { asOf: '2023-01-02', ...params }, systemContext('test'));

  describe('settlement-history', () => {
    const expected = () =>
      printed.history.map((h) => ({
        label: String(h.year),
        figures: {
          0: thousand(h.finalBudget),
          1: thousand(h.carryIn),
          2: thousand(h.change),
          3: thousand(h.current),
          4: thousand(h.executed),
          5: thousand(h.carryOut),
          6: thousand(h.balance),
        },
      }));

    it('prints the three years 2019–2021 with zeros as "0", by program name or code, in xlsx and pdf', async () => {
      const byName = await build('settlement-history', { consignment: PROGRAM_NAME, year: 2021 });
      const byCode = await build('settlement-history', { consignment: 'EC-U01', year: 2021 });
      expect(byCode.sections).to.deep.equal(byName.sections);
      const table = byName.sections.find((s): s is TableSection => s.kind === 'table')!;
      expect(table.columns.map((c) => c.label)).to.deep.equal([
        '연도',
        '최종예산',
        '전년이월',
        '예산변경',
        '예산현액',
        '집행액',
        '차년이월',
        '집행잔액',
      ]);
      expect(table.rows.length).to.equal(3);
      const pdf = await renderFile(byName, 'settlement-history-2021', 'pdf');
      const xlsx = await renderFile(byName, 'settlement-history-2021', 'xlsx');
      // the year is itself a figure token in the PDF text: it leads the 8 figures of each row
      const years = pdfRows(pdfText(pdf), 8).map((r) => ({ label: r.figures[r.figures.length - 8], figures: r.figures.slice(-7) }));
      expectRowsInOrder(years, expected(), 'pdf');
      expectRowsInOrder(xlsxRows((await readWorkbook(xlsx)).worksheets[0]), expected(), 'xlsx');
      expect(pdfRows(pdfText(pdf), 7).filter((r) => r.figures.includes('0')).length).to.equal(3);
      pngPreview(pdf, 'settlement-history-2021');
    });

    it('defaults to the latest closed fiscal year in which the program exists', async () => {
      const closed = ecommerceCenter.fiscalYears.filter((f) => f.status === 'closed').map((f) => f.year);
      const last = Math.max(...closed.filter((y) => ecommerceCenter.programYears[y]?.some((p) => p.program === 'EC-U01')));
      const model = await build('settlement-history', { consignment: 'EC-U01' });
      const table = model.sections.find((s): s is TableSection => s.kind === 'table')!;
      expect(table.rows.map((r) => r.cells.year.text)).to.deep.equal([last - 2, last - 1, last].map(String));
      expect(model.subtitle).to.contain(`${last - 2}~${last}`);
    });

    it('refuses an unknown program with a 404 naming the parameter', async () => {
      try {
        await build('settlement-history', { consignment: '없는 사업' });
        expect.fail('should throw');
      } catch (err) {
        expect((err as { kind?: string }).kind).to.equal('not_found');
        expect(JSON.stringify(err)).to.contain('consignment');
      }
    });
  });

  describe('budget-comparison for a single program (whole percent)', () => {
    let model: ReportModel;
    before(async () => {
      model = await build('budget-comparison', { year: 2023, consignment: PROGRAM_NAME });
    });

    it('prints 계 and 민간위탁금: 519,778 / 523,783 / 4,005 / 1 in xlsx and pdf', async () => {
      const b = printed.budgetTable2023;
      const fig = { 0: thousand(b.prior), 1: thousand(b.current), 2: thousand(b.diff), 3: b.rate };
      expect(fig).to.deep.equal({ 0: '519,778', 1: '523,783', 2: '4,005', 3: '1' });
      const expected = [
        { label: '계', figures: fig },
        { label: '민간위탁금', figures: fig },
      ];
      const table = model.sections.find((s): s is TableSection => s.kind === 'table')!;
      expect(table.rows.map((r) => r.cells.name.text)).to.deep.equal(['계', '민간위탁금']);
      const pdf = await renderFile(model, 'budget-comparison-2023-program', 'pdf');
      const xlsx = await renderFile(model, 'budget-comparison-2023-program', 'xlsx');
      expectRowsInOrder(pdfRows(pdfText(pdf), 4), expected, 'pdf');
      expectRowsInOrder(xlsxRows((await readWorkbook(xlsx)).worksheets[0]), expected, 'xlsx');
      expect(squash(pdfText(pdf))).to.contain('2022년대비');
      pngPreview(pdf, 'budget-comparison-2023-program');
    });

    it('says the prior year is the 2022 budget of the same program (no restated basis)', () => {
      expect(model.subtitle).to.contain('2022년 예산액');
      expect(model.footnotes!.join('\n')).to.contain('같은 사업코드의 2022년 예산액');
    });

    it('an org-level comparison of the same figures uses 2 decimals (0.77), the report setting', async () => {
      const org = await build('budget-comparison', { year: 2023, org: '공정경제담당관' });
      const table = org.sections.find((s): s is TableSection => s.kind === 'table')!;
      const row = table.rows.find((r) => r.cells.name.text === PROGRAM_NAME)!;
      const b = printed.budgetTable2023;
      expect(row.cells.rate.text).to.equal(((b.diff / b.prior) * 100).toFixed(2));
      expect(row.cells.prior.text).to.equal(thousand(b.prior));
      expect(org.subtitle).to.contain('2022년 예산액');
    });

    it('without any prior-year data the comparison prints "-" and says so', async () => {
      const first = await build('budget-comparison', { year: 2019, consignment: 'EC-U01' });
      const table = first.sections.find((s): s is TableSection => s.kind === 'table')!;
      expect(table.rows[0].cells.prior.text).to.equal('-');
      expect(table.rows[0].cells.rate.text).to.equal('-');
      expect(first.footnotes!.join('\n')).to.contain('2018년에 이 사업의 예산이 원장에 없어');
    });
  });
});
