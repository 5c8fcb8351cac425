/**
 * Streamed table rows (issue #15): a model whose table rows are an AsyncIterable renders to the same
 * xlsx cells, PDF text and JSON as the plain model, page breaks included; a failure part-way leaves
 * no finished-looking output.
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { PassThrough } from 'stream';
import { render } from '../../reports/engine';
import {
  materialize,
  ReportModel,
  ReportRow,
  StreamingReportModel,
  TableSection,
  widthSamplesOf,
  WidthSampler,
} from '../../reports/engine/model';
import { renderPdf } from '../../reports/engine/pdf';
import { syntheticSettlement } from '../../reports/engine/synthetic';
import { pdfPages } from '../support/pdf-text';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reports-stream-'));

/** The rows one at a time, with an await between them as a database read would have. */
async function* slowly(rows: ReportRow[], failAt = -1): AsyncGenerator<ReportRow> {
  for (let i = 0; i < rows.length; i++) {
    if (i === failAt) throw new Error('the ledger went away');
    if (i % 50 === 0) await new Promise((r) => setImmediate(r));
    yield rows[i];
  }
}

/** The same model with its first table streamed (width samples given, as a streaming definition does). */
function streamed(model: ReportModel, failAt = -1): StreamingReportModel {
  return {
    ...model,
    sections: model.sections.map((s, i) =>
      s.kind === 'table' && i === 0 ? { ...s, rows: slowly(s.rows, failAt), widthSamples: widthSamplesOf(s.columns, s.rows) } : s,
    ),
  };
}

async function cells(file: string): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: (string | number | null)[][] = [];
  wb.worksheets[0].eachRow({ includeEmpty: true }, (row) => {
    const values: (string | number | null)[] = [];
    row.eachCell({ includeEmpty: true }, (c) => values.push(c.value === null ? null : (c.value as string | number)));
    out.push(values);
  });
  return out;
}

describe('reports/engine: streamed table rows', function () {
  this.timeout(120_000);
  // several PDF pages (the header repeats), bold totals, △ balances, wrapped labels
  const plain = syntheticSettlement({ bureaus: 2, departmentsPerBureau: 2, programsPerDepartment: 40 });
  const rowCount = (plain.sections[0] as TableSection).rows.length;

  it('the test model is a multi-page table', () => {
    expect(rowCount).to.be.greaterThan(150);
  });

  it('pdf: the same pages, page by page, as the plain model', async () => {
    const a = path.join(dir, 'plain.pdf');
    const b = path.join(dir, 'streamed.pdf');
    const pa = await renderPdf(plain, a);
    const pb = await renderPdf(streamed(plain), b);
    expect(pa.pages).to.be.greaterThan(3);
    expect(pb.pages).to.equal(pa.pages);
    const [ta, tb] = [await pdfPages(a), await pdfPages(b)];
    expect(tb).to.deep.equal(ta);
    const table = plain.sections[0] as TableSection;
    expect(tb.join('\n')).to.contain(table.rows[rowCount - 1].cells.name.text);
  });

  it('xlsx: the same cell values, row by row, as the plain model', async () => {
    const a = path.join(dir, 'plain.xlsx');
    const b = path.join(dir, 'streamed.xlsx');
    await render(plain, 'xlsx', a);
    await render(streamed(plain), 'xlsx', b);
    const [ca, cb] = [await cells(a), await cells(b)];
    expect(ca.length).to.be.greaterThan(rowCount);
    expect(cb).to.deep.equal(ca);
  });

  it('json: the streamed output parses to the plain model', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    await render(streamed(plain), 'json', sink);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).to.deep.equal(JSON.parse(JSON.stringify(plain)));
    const file = path.join(dir, 'streamed.json');
    await render([streamed(plain), plain], 'json', file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).to.deep.equal(JSON.parse(JSON.stringify([plain, plain])));
  });

  it('materialize gives back the plain model', async () => {
    expect(await materialize(streamed(plain))).to.deep.equal(plain);
  });

  it('a council packet with a streamed report reads its rows once and pages it like the plain one', async () => {
    const a = path.join(dir, 'packet-plain.pdf');
    const b = path.join(dir, 'packet-streamed.pdf');
    const pa = await renderPdf([plain, plain], a);
    const pb = await renderPdf([streamed(plain), plain], b);
    expect(pb.pages).to.equal(pa.pages);
    expect(await pdfPages(b)).to.deep.equal(await pdfPages(a));
  });

  it('width samples do not depend on row order and bound every figure of the column', () => {
    const rows = (plain.sections[0] as TableSection).rows;
    const columns = (plain.sections[0] as TableSection).columns;
    const forward = widthSamplesOf(columns, rows);
    const sampler = new WidthSampler(columns);
    for (const r of [...rows].reverse()) sampler.add(r);
    const backward = sampler.samples();
    for (const col of columns.filter((c) => c.kind !== 'text')) {
      const longest = Math.max(...rows.map((r) => r.cells[col.key].text.length));
      expect(forward[col.key].every((t) => t.length === longest)).to.equal(true);
      expect([...backward[col.key]].map((t) => t.replace(/\d/g, '0')).sort()).to.deep.equal(
        [...forward[col.key]].map((t) => t.replace(/\d/g, '0')).sort(),
      );
    }
    expect(forward.name).to.equal(undefined);
  });

  for (const format of ['pdf', 'xlsx', 'json'] as const) {
    it(`${format}: a failure part-way rejects and leaves no file behind`, async () => {
      const file = path.join(dir, `failed.${format}`);
      let error: unknown;
      await render(streamed(plain, Math.floor(rowCount / 2)), format, file).catch((err: unknown) => (error = err));
      expect((error as Error)?.message).to.equal('the ledger went away');
      expect(fs.existsSync(file)).to.equal(false);
    });

    it(`${format}: a failure part-way destroys the output stream (a response is cut, not ended)`, async () => {
      const sink = new PassThrough();
      sink.resume();
      let ended = false;
      sink.on('end', () => (ended = true));
      const destroyed = new Promise<Error>((resolve) => sink.on('error', resolve));
      await render(streamed(plain, Math.floor(rowCount / 2)), format, sink).catch(() => undefined);
      expect((await destroyed).message).to.equal('the ledger went away');
      expect(sink.destroyed).to.equal(true);
      expect(ended).to.equal(false);
    });
  }
});
