import { expect } from 'chai';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { PassThrough } from 'stream';
import { renderPdf } from '../../reports/engine/pdf';
import { ReportModel, TableSection } from '../../reports/engine/model';
import { syntheticSettlement } from '../../reports/engine/synthetic';
import { sampleSettlement } from './sample';
import { pdfFonts, pdfImagesList, pdfInfo, pdfText } from '../support/pdf-text';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reports-pdf-'));

async function renderToFile(model: ReportModel | ReportModel[], name: string): Promise<{ file: string; pages: number }> {
  const file = path.join(dir, name);
  const { pages } = await renderPdf(model, file);
  return { file, pages };
}

async function renderToBuffer(model: ReportModel): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await renderPdf(model, sink);
  return Buffer.concat(chunks);
}

/** Text extractors may drop the narrow space between two Hangul syllables ("합 계" → "합계"). */
function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

function pages(text: string): string[] {
  return text.split('\f').filter((p) => p.trim() !== '');
}

describe('reports/pdf', function () {
  this.timeout(60_000);

  describe('settlement report', () => {
    const model = sampleSettlement();
    let text: string;
    let tokens: Set<string>;
    let file: string;

    before(async () => {
      ({ file } = await renderToFile(model, 'settlement.pdf'));
      text = await pdfText(file);
      tokens = new Set(text.split(/\s+/));
    });

    it('is an A4 PDF with the Korean fonts embedded', async () => {
      expect(fs.readFileSync(file).subarray(0, 5).toString()).to.equal('%PDF-');
      const fonts = pdfFonts(file);
      expect(fonts).to.match(/NotoSansKR-Regular.*yes\s+yes\s+yes/);
      expect(fonts).to.match(/NotoSansKR-Bold.*yes\s+yes\s+yes/);
      const info = await pdfInfo(file);
      expect(info).to.match(/Page size:\s+595\.28 x 841\.89/);
    });

    it('prints every row label and every figure, including △ values and rates', () => {
      let figures = 0;
      for (const section of model.sections) {
        if (section.kind !== 'table') continue;
        for (const row of section.rows) {
          for (const col of section.columns) {
            const cell = row.cells[col.key];
            if (col.kind === 'text') {
              expect(squash(text), cell.text).to.contain(squash(cell.text));
            } else {
              expect(tokens.has(cell.text), `${row.cells.name.text} / ${col.key} = ${cell.text}`).to.equal(true);
              figures++;
            }
          }
        }
      }
      expect(figures).to.be.greaterThan(60);
      expect(tokens.has('△24,802')).to.equal(true);
      expect(tokens.has('△3.45')).to.equal(true);
      expect(tokens.has('순증')).to.equal(true);
      expect(tokens.has('96.7%)')).to.equal(true);
    });

    it('keeps Hanja (市 對 限), the unit line, title, footnote and source', () => {
      expect(text).to.contain('市政 對話 限時');
      expect(squash(text)).to.contain(squash('(단위 : 천원, %)'));
      expect(squash(text)).to.contain(squash('2018 회계연도 세출결산'));
      expect(squash(text)).to.contain(squash('※ 예산현액 = 예산액 + 전년도 이월액 ± 예산변경'));
      expect(squash(text)).to.contain(squash('자료 : 2018 회계연도 세입 · 세출 결산 업무보고'));
      expect(squash(text)).to.contain(squash('2018년 대비'));
    });

    it('draws the bar chart as vectors with its categories and value labels', async () => {
      expect(text).to.contain('집행률(%)');
      for (const label of ['93.5', '97.3', '74.8']) expect(tokens.has(label)).to.equal(true);
      // vector, not an image
      const images = (await pdfImagesList(file)).trim().split('\n');
      expect(images.length).to.equal(2); // header lines only
    });

    it('renders byte-identical output for the same model', async () => {
      const a = await renderToBuffer(model);
      const b = await renderToBuffer(model);
      expect(a.length).to.be.greaterThan(1000);
      expect(a.equals(b)).to.equal(true);
      expect(a.toString('latin1')).to.contain('D:20190617');
    });
  });

  describe('pagination', () => {
    const model = syntheticSettlement({ bureaus: 2, departmentsPerBureau: 3, programsPerDepartment: 49 });
    const table = model.sections[0] as TableSection;
    let text: string;
    let count: number;

    before(async () => {
      const r = await renderToFile(model, 'long.pdf');
      count = r.pages;
      text = await pdfText(r.file);
    });

    it('spreads ~300 rows over several pages and reports the page count', () => {
      expect(table.rows.length).to.be.within(290, 310);
      expect(count).to.be.at.least(5);
      expect(pages(text)).to.have.length(count);
    });

    it('repeats the header and numbers every page "- n -"', () => {
      pages(text).forEach((page, i) => {
        expect(squash(page), `page ${i + 1}`).to.contain('부서/사업명');
        expect(squash(page)).to.contain('집행잔액');
        expect(page).to.match(new RegExp(`(^|\\s)- ${i + 1} -(\\s|$)`));
      });
    });

    it('prints every row exactly once, in order', () => {
      const flat = squash(text);
      let at = 0;
      for (const row of table.rows) {
        const label = squash(row.cells.name.text);
        const rest = squash(`${row.cells.name.text}${row.cells.budget.text}`);
        const found = flat.indexOf(rest, at);
        expect(found, label).to.be.at.least(0);
        at = found + rest.length;
      }
    });
  });

  describe('council packet', () => {
    it('adds a contents page with page numbers and a bookmark per report', async () => {
      const a = sampleSettlement();
      const b = syntheticSettlement({ bureaus: 1, departmentsPerBureau: 2, programsPerDepartment: 40 });
      const single = await renderToFile(a, 'a.pdf');
      const { file, pages: total } = await renderToFile([a, b], 'packet.pdf');
      const text = pages(await pdfText(file));
      expect(squash(text[0])).to.contain('목차');
      expect(squash(text[0])).to.contain(squash(`1. ${a.title}`));
      // report 1 starts on page 2, report 2 right after report 1's pages
      const secondStart = 2 + single.pages;
      expect(text[0]).to.match(new RegExp(`2\\s*(\\n|$)`, 'm'));
      expect(text[0]).to.match(new RegExp(`${secondStart}\\s*(\\n|$)`, 'm'));
      expect(squash(text[secondStart - 1])).to.contain(squash(b.title));
      expect(squash(text[secondStart - 1])).to.contain(squash(b.subtitle!));
      expect(text.length).to.equal(total);
      const raw = fs.readFileSync(file).toString('latin1');
      const root = /\/Outlines (\d+) 0 R/.exec(raw);
      expect(root, 'catalog has an outline').to.not.equal(null);
      // contents + one bookmark per report, each pointing at a page
      const items = raw.match(new RegExp(`/Dest \\[\\d+ 0 R /Fit\\]\\n/Parent ${root![1]} 0 R`, 'g')) ?? [];
      expect(items).to.have.length(3);
    });
  });
});
