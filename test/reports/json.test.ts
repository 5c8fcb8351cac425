import { expect } from 'chai';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { CONTENT_TYPES, FILE_EXTENSIONS, barChartSvg, isReportFormat, parseModel, render, toJson } from '../../reports/engine';
import { ChartSection, placeHeader, TableSection } from '../../reports/engine/model';
import { sampleSettlement } from './sample';

describe('reports/json and index', () => {
  it('round-trips the model through JSON unchanged', () => {
    const model = sampleSettlement();
    expect(parseModel(toJson(model))).to.deep.equal(model);
    expect(parseModel(toJson([model, model]))).to.deep.equal([model, model]);
  });

  it('render(..., "json") writes the model itself', async () => {
    const model = sampleSettlement();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reports-json-')), `r${FILE_EXTENSIONS.json}`);
    await render(model, 'json', file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).to.deep.equal(model);
  });

  it('exposes content types and validates format names', () => {
    expect(CONTENT_TYPES.pdf).to.equal('application/pdf');
    expect(CONTENT_TYPES.xlsx).to.contain('spreadsheetml');
    expect(isReportFormat('xlsx')).to.equal(true);
    expect(isReportFormat('csv')).to.equal(false);
  });

  it('places multi-level header cells like an HTML table', () => {
    const table = sampleSettlement().sections.find((s): s is TableSection => s.kind === 'table')!;
    const placed = placeHeader(table);
    expect(placed.find((p) => p.label === '집 행')).to.include({ row: 0, col: 3, colSpan: 3 });
    expect(placed.find((p) => p.label === '집행액')).to.include({ row: 1, col: 3 });
    expect(placed.find((p) => p.label === '집행률')).to.include({ row: 1, col: 5 });
    expect(() => placeHeader({ ...table, headerRows: [[{ label: 'x', colSpan: 9 }]] })).to.throw(RangeError);
  });

  it('draws the chart as SVG with escaped labels and printed values', () => {
    const chart = (sampleSettlement().sections.find((s) => s.kind === 'chart') as ChartSection).chart;
    const svg = barChartSvg({ ...chart, categories: ['<a&b>', ...chart.categories.slice(1)] });
    expect(svg).to.match(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).to.contain('&lt;a&amp;b&gt;');
    expect(svg.match(/<rect /g)).to.have.length(chart.categories.length);
    for (const label of chart.series[0].labels) expect(svg).to.contain(`>${label}</text>`);
    expect(svg).to.contain('>100</text>');
  });
});
