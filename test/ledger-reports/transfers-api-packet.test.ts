/**
 * 예산 전용 분기 보고 (report status under the dated deadline rule), the HTTP route and the CLI for
 * the ledger reports, and the council packet (one PDF with contents and bookmarks, one xlsx with a
 * sheet per report).
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ProgramYear } from '../../entities/program-year';
import { Program } from '../../entities/program';
import { buildReport, reportDefinitions } from '../../reports/registry';
import type { ReportModel, TableSection } from '../../reports/engine';
import { systemContext } from '../../server/context';
import { createTransfer } from '../../server/app/ledger/ledger';
import { citizenCommunication } from '../../seeds/data';
import { testApp, TestApp } from '../support/app';
import { pdfOutlineXmlSync } from '../support/pdf-text';
import { expectRowsInOrder, outDir, pdfRows, pdfText, pngPreview, renderFile, squash, thousand, xlsxRows } from './artifacts';
import { settlementRows } from './seed003-tables';

const LEDGER_REPORTS = [
  'expenditure-settlement',
  'settlement-history',
  'budget-comparison',
  'revenue-settlement',
  'transfer-report',
  'execution-chart',
];

// supertest's parser signature takes the raw response stream
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function binary(res: any, cb: (err: Error | null, body: any) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('ledger reports: 전용 보고, API, CLI and council packet', function () {
  this.timeout(180_000);
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => {
    await t?.close();
  });
  const build = (name: string, params: Record<string, unknown>) => buildReport(t.ds.manager, name, params, systemContext('test'));
  const table = (m: ReportModel) => m.sections.find((s): s is TableSection => s.kind === 'table')!;

  it('registers the six reports for budget officers, council staff and admins', () => {
    for (const name of LEDGER_REPORTS) {
      const def = reportDefinitions().get(name);
      expect(def, name).to.not.equal(undefined);
      expect([...def!.roles].sort()).to.deep.equal(['admin', 'budget_officer', 'council_staff']);
    }
    expect(reportDefinitions().get('settlement-history')!.inPacket).to.equal(false);
    for (const name of LEDGER_REPORTS.filter((n) => n !== 'settlement-history'))
      expect(reportDefinitions().get(name)!.inPacket, name).to.equal(true);
  });

  describe('transfer-report', () => {
    it('2018: the 시민청 전용 (53,660천원, Feb) reported in November is 지연보고 against the 2018-06-30 deadline', async () => {
      const seedTransfer = citizenCommunication.transfers!.find((x) => x.kind === 'item')!;
      const model = await build('transfer-report', { year: 2018, asOf: '2019-06-17' });
      const rows = table(model).rows;
      expect(rows).to.have.length(2); // the 전용 and 계
      const r = rows[0].cells;
      expect(r.program.text).to.equal('시민청 운영 및 확산');
      expect(r.date.text).to.equal(seedTransfer.date);
      expect(r.fromItem.text).to.equal(seedTransfer.fromItem);
      expect(r.toItem.text).to.equal(seedTransfer.toItem);
      expect(r.amount.text).to.equal(thousand(seedTransfer.amount));
      expect(r.amount.text).to.equal('53,660');
      expect(r.reportedOn.text).to.equal(seedTransfer.reportedOn);
      expect(r.deadline.text).to.equal('2018-06-30'); // end of the quarter after Q1 (rule: quartersAfter 1)
      expect(r.status.text).to.equal('지연보고');
      expect(JSON.stringify(model)).to.contain(seedTransfer.reason.slice(0, 20));
      // 이체 (org transfers) are not 전용
      expect(JSON.stringify(model)).to.not.contain('서울사랑');
      const pdf = await renderFile(model, 'transfer-report-2018', 'pdf');
      const text = pdfText(pdf);
      expect(squash(text)).to.contain(squash('지연보고'));
      expect(squash(text)).to.contain(squash(seedTransfer.reason.slice(0, 30)));
      pngPreview(pdf, 'transfer-report-2018');
    });

    describe('with new 전용 in the open year 2025', () => {
      before(async () => {
        const program = await t.ds.getRepository(Program).findOneByOrFail({ code: 'EC-U01' });
        const py = await t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: program.id, fiscalYear: 2025 });
        const base = {
          kind: 'item' as const,
          fromProgramYearId: py.id,
          toProgramYearId: py.id,
          fromItem: '민간위탁금',
          toItem: '사무관리비',
        };
        await createTransfer(t.ds, systemContext('test'), {
          ...base,
          transferDate: '2025-04-01',
          amount: 7_000_000,
          reason: '기한 내 보고된 전용',
          reportedOn: '2025-06-30',
        });
        await createTransfer(t.ds, systemContext('test'), {
          ...base,
          transferDate: '2025-05-10',
          amount: 12_345_600,
          reason: '보고되지 않은 전용',
        });
      });

      it('judges "overdue" on asOf: 미보고 up to the deadline, 미보고(기한경과) the day after, bold and counted', async () => {
        const before = await build('transfer-report', { year: 2025, asOf: '2025-09-30' });
        const pending = table(before).rows.find((r) => r.cells.amount.text === '12,346')!;
        expect(pending.cells.deadline.text).to.equal('2025-09-30');
        expect(pending.cells.status.text).to.equal('미보고');
        expect(pending.style).to.equal('detail');
        expect(before.footnotes!.join('\n')).to.contain('보고기한이 지난 미보고 전용 0건');

        const after = await build('transfer-report', { year: 2025, asOf: '2025-10-01' });
        const rows = table(after).rows;
        const overdue = rows.find((r) => r.cells.amount.text === '12,346')!;
        expect(overdue.cells.status.text).to.equal('미보고(기한경과)');
        expect(overdue.style).to.equal('subtotal');
        const inTime = rows.find((r) => r.cells.amount.text === '7,000')!;
        expect(inTime.cells.status.text).to.equal('보고완료');
        expect(inTime.style).to.equal('detail');
        expect(after.footnotes!.join('\n')).to.contain('보고기한이 지난 미보고 전용 1건 (12,346천원, 굵게 표시)');
        const total = rows[rows.length - 1];
        expect(total.cells.program.text).to.equal('계 (2건)');
        expect(total.cells.amount.text).to.equal(thousand(7_000_000 + 12_345_600));
      });

      it('filters by quarter and by organisation unit', async () => {
        expect(table(await build('transfer-report', { year: 2025, quarter: 1, asOf: '2025-10-01' })).rows).to.have.length(1); // 계 only
        expect(table(await build('transfer-report', { year: 2025, quarter: 2, asOf: '2025-10-01' })).rows).to.have.length(3);
        expect(table(await build('transfer-report', { year: 2025, org: '공정경제담당관', asOf: '2025-10-01' })).rows).to.have.length(3);
        expect(table(await build('transfer-report', { year: 2025, org: '시민소통담당관', asOf: '2025-10-01' })).rows).to.have.length(1);
      });
    });
  });

  describe('HTTP API', () => {
    it('GET /api/reports/expenditure-settlement?…&format=pdf gives the PDF with the seed figures (council staff)', async () => {
      const res = await t
        .as('council')
        .get(`/api/reports/expenditure-settlement?year=2018&org=${encodeURIComponent('시민소통기획관')}&format=pdf`)
        .buffer(true)
        .parse(binary);
      expect(res.status, res.text).to.equal(200);
      expect(res.headers['content-type']).to.match(/application\/pdf/);
      const file = path.join(outDir, 'api-settlement.pdf');
      fs.writeFileSync(file, res.body as Buffer);
      expectRowsInOrder(pdfRows(pdfText(file), 6), settlementRows(), 'api pdf');
    });

    it('xlsx through the API has the same figures; json is the model', async () => {
      const res = await t
        .as('officer2')
        .get(`/api/reports/expenditure-settlement?year=2018&org=SCB&format=xlsx`)
        .buffer(true)
        .parse(binary);
      expect(res.status).to.equal(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as ArrayBuffer);
      expectRowsInOrder(xlsxRows(wb.worksheets[0]), settlementRows(), 'api xlsx');
      const json = await t.as('admin').get(`/api/reports/expenditure-settlement?year=2018&org=SCB`);
      expect(json.status).to.equal(200);
      expect(json.body.title).to.equal('2018 회계연도 세출결산');
    });

    it('refuses roles the reports are not for, and missing parameters', async () => {
      const res = await t.as('inspector').get(`/api/reports/expenditure-settlement?year=2018&org=SCB&format=json`);
      expect(res.status).to.equal(403);
      const missing = await t.as('council').get(`/api/reports/expenditure-settlement?year=2018`);
      expect(missing.status).to.equal(400);
      expect(JSON.stringify(missing.body)).to.contain('org');
      const neither = await t.as('council').get(`/api/reports/budget-comparison?year=2019`);
      expect(neither.status).to.equal(400);
    });

    it('settlement-history and budget-comparison take the program through ?consignment=', async () => {
      const res = await t.as('council').get(`/api/reports/settlement-history?consignment=EC-U01&year=2021`);
      expect(res.status).to.equal(200);
      expect(res.body.sections[0].rows.map((r: { cells: { year: { text: string } } }) => r.cells.year.text)).to.deep.equal([
        '2019',
        '2020',
        '2021',
      ]);
      const cmp = await t
        .as('council')
        .get(`/api/reports/budget-comparison?consignment=${encodeURIComponent('서울시 전자상거래센터 운영')}&year=2023`);
      expect(cmp.status).to.equal(200);
      expect(cmp.body.sections[0].rows[0].cells.rate.text).to.equal('1');
    });
  });

  describe('council packet', () => {
    // in packet order: the settlement first, the budget comparison last
    const expectedTitles = [
      '2018 회계연도 세출결산',
      '2018 회계연도 부서별 집행률',
      '2018 회계연도 세입결산',
      '예산 전용 분기 보고',
      '2018년 예산 총괄 (전년 대비)',
    ];

    it('PDF: one file with a contents page and a bookmark per report', async () => {
      const res = await t
        .as('council')
        .get(`/api/reports/packet?year=2018&org=${encodeURIComponent('시민소통기획관')}&format=pdf&asOf=2019-06-17`)
        .buffer(true)
        .parse(binary);
      expect(res.status).to.equal(200);
      const file = path.join(outDir, 'packet.pdf');
      fs.writeFileSync(file, res.body as Buffer);
      const xml = pdfOutlineXmlSync(file);
      const outline = [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => m[1]);
      // the ledger reports in packet order (other teams' packet reports may sit between them)
      expect(outline[0]).to.equal('목 차');
      const positions = expectedTitles.map((title) => outline.indexOf(title));
      expect(positions, outline.join(' | ')).to.not.include(-1);
      expect([...positions].sort((x, y) => x - y)).to.deep.equal(positions);
      const text = pdfText(file);
      const contents = text.split('\f')[0];
      for (const title of expectedTitles) expect(squash(contents), title).to.contain(squash(title));
      expectRowsInOrder(pdfRows(text, 6), settlementRows(), 'packet pdf');
      pngPreview(file, 'packet-2018');
    });

    it('xlsx: one workbook with a sheet per report', async () => {
      const res = await t.as('council').get(`/api/reports/packet?year=2018&org=SCB&format=xlsx&asOf=2019-06-17`).buffer(true).parse(binary);
      expect(res.status).to.equal(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as ArrayBuffer);
      expect(wb.worksheets.length).to.be.at.least(expectedTitles.length);
      const firstCells = wb.worksheets.map((ws) => String(ws.getCell(1, 1).value));
      for (const title of expectedTitles) expect(firstCells, title).to.include(title);
      const settlement = wb.worksheets.find((ws) => ws.getCell(1, 1).value === '2018 회계연도 세출결산')!;
      expect(settlement, 'sheet of the 세출결산').to.not.equal(undefined);
      expectRowsInOrder(xlsxRows(settlement), settlementRows(), 'packet xlsx');
    });
  });

  it('CLI: scripts/report.ts writes the PDF and the packet from the database DB_URL names', function () {
    const opts = t.ds.options as { type: string; database?: string; url?: string };
    const dbUrl = opts.type === 'better-sqlite3' ? `sqlite:${opts.database}` : opts.url!;
    const root = path.join(__dirname, '..', '..');
    const run = (args: string[]) =>
      execFileSync(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'scripts/report.ts', ...args], {
        cwd: root,
        env: { ...process.env, DB_URL: dbUrl },
        encoding: 'utf8',
      });
    const one = path.join(outDir, 'cli.pdf');
    run(['expenditure-settlement', '--year', '2018', '--org', '시민소통기획관', '--format', 'pdf', '--out', one]);
    expectRowsInOrder(pdfRows(pdfText(one), 6), settlementRows(), 'cli pdf');
    const packet = path.join(outDir, 'cli-packet.pdf');
    run(['packet', '--year', '2018', '--org', '시민소통기획관', '--format', 'pdf', '--out', packet]);
    const xml = pdfOutlineXmlSync(packet);
    expect(xml).to.contain('<outline>');
    expect(xml).to.contain('2018 회계연도 세출결산');
  });
});
