import { expect } from 'chai';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { renderPdf } from '../../reports/engine/pdf';
import { ReportModel } from '../../reports/engine/model';
import { formatAmount, toUnit } from '../../domain/money';
import { pdfText, pdfWords } from '../support/pdf-text';

/** A city's totals (15조 in 천원) must not run into the next column: figure columns widen to fit. */
describe('reports: pdf figure columns fit their widest figure', () => {
  it('three 14-character figures on one row print apart, and the label wraps instead', async () => {
    const won = 15_429_998_530_000;
    const amount = { value: toUnit(won, 'thousand'), text: formatAmount(won, 'thousand') };
    const label = '아주 긴 사업명이 들어가는 자리에 충분히 긴 이름을 넣어 둡니다';
    const model: ReportModel = {
      id: 'widths',
      title: '열 너비',
      sections: [
        {
          kind: 'table',
          columns: [
            { key: 'name', label: '부서/사업명', kind: 'text', width: 60 },
            { key: 'a', label: '예산액', kind: 'amount', width: 8 },
            { key: 'b', label: '예산현액', kind: 'amount', width: 8 },
            { key: 'c', label: '집행액', kind: 'amount', width: 8 },
          ],
          rows: [{ depth: 0, style: 'total', cells: { name: { value: label, text: label }, a: amount, b: amount, c: amount } }],
        },
      ],
    };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-widths-')), 'w.pdf');
    await renderPdf(model, file);
    // word boxes: the three figures and the label's last word may not overlap on the page
    const words = (await pdfWords(file)).flat().map((w) => ({ x0: w.x, x1: w.x + w.width, text: w.text }));
    const figures = words.filter((w) => w.text === '15,429,998,530');
    expect(figures).to.have.length(3);
    const labelWords = words.filter((w) => label.includes(w.text) && w.text.length > 1);
    const boxes = [Math.max(...labelWords.map((w) => w.x1)), ...figures.flatMap((f) => [f.x0, f.x1])];
    // label end ≤ fig1 start < fig1 end ≤ fig2 start < …
    for (let i = 0; i + 1 < boxes.length; i++) expect(boxes[i], `box edge ${i}`).to.be.at.most(boxes[i + 1]);
    const text = await pdfText(file);
    expect(text.replace(/\s+/g, '')).to.contain(label.replace(/\s+/g, ''));
  });
});
