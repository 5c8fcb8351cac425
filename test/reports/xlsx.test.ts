import { expect } from 'chai';
import ExcelJS from 'exceljs';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { escapeFormulaText, numericCellFor, renderXlsx, sheetNames } from '../../reports/engine/xlsx';
import { TableSection } from '../../reports/engine/model';
import { sampleSettlement } from './sample';

function tmp(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reports-')), name);
}

/** First row after `after` whose first cell reads `label` (after the formula escape). */
function findRow(ws: ExcelJS.Worksheet, label: string, after = 0): number {
  let found = -1;
  ws.eachRow((row, n) => {
    if (found < 0 && n > after && row.getCell(1).value === label) found = n;
  });
  if (found < 0) throw new Error(`row "${label}" not in sheet`);
  return found;
}

describe('reports/xlsx', () => {
  describe('numericCellFor', () => {
    it('derives a format that prints the text', () => {
      expect(numericCellFor({ value: -24802, text: '△24,802' })).to.deep.equal({ value: -24802, numFmt: '#,##0;"△"#,##0;"-"' });
      expect(numericCellFor({ value: 96.7, text: '96.7' })!.numFmt).to.equal('#,##0.0;"△"#,##0.0;"-"');
      expect(numericCellFor({ value: -3.45, text: '△3.45' })!.numFmt).to.equal('#,##0.00;"△"#,##0.00;"-"');
      expect(numericCellFor({ value: 0, text: '0' })!.numFmt).to.equal('#,##0;"△"#,##0;#,##0');
      expect(numericCellFor({ value: 0, text: '-' })!.value).to.equal(0);
    });
    it('keeps non-figures and inconsistent cells as text', () => {
      expect(numericCellFor({ value: null, text: '순증' })).to.equal(null);
      expect(numericCellFor({ value: null, text: '-' })).to.equal(null);
      expect(numericCellFor({ value: 1234, text: '1,235' })).to.equal(null);
      expect(numericCellFor({ value: 24802, text: '△24,802' })).to.equal(null);
      expect(numericCellFor({ value: 'x', text: '1' })).to.equal(null);
    });
    it('does not group a figure printed without separators (e.g. a year)', () => {
      expect(numericCellFor({ value: 2018, text: '2018' })!.numFmt).to.equal('0;"△"0;"-"');
    });
  });

  it('escapes formula-looking text but not the lone dash', () => {
    expect(escapeFormulaText('=SUM(A1)')).to.equal("'=SUM(A1)");
    expect(escapeFormulaText('+1')).to.equal("'+1");
    expect(escapeFormulaText('@x')).to.equal("'@x");
    expect(escapeFormulaText('-')).to.equal('-');
    expect(escapeFormulaText('시민청')).to.equal('시민청');
  });

  it('makes sheet names Excel accepts', () => {
    const names = sheetNames(['a/b:c', 'x'.repeat(40), 'x'.repeat(40), '']);
    expect(names[0]).to.equal('a b c');
    expect(names[1]).to.have.length(31);
    expect(names[2]).to.have.length.at.most(31).and.not.equal(names[1]);
    for (const n of names) expect(n).to.not.match(/[[\]:*?/\\]/);
  });

  describe('settlement workbook', () => {
    const model = sampleSettlement();
    const table = model.sections.find((s): s is TableSection => s.kind === 'table')!;
    let ws: ExcelJS.Worksheet;

    before(async () => {
      const file = tmp('settlement.xlsx');
      await renderXlsx(model, file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      ws = wb.worksheets[0];
    });

    it('writes figures as numbers equal to the model values, formatted with △', () => {
      let checked = 0;
      let negatives = 0;
      let n = 0;
      for (const r of table.rows) {
        const label = r.cells.name.text.startsWith('=') ? `'${r.cells.name.text}` : r.cells.name.text;
        n = findRow(ws, label, n); // rows appear in model order; labels like 기본경비 repeat
        table.columns.forEach((col, i) => {
          if (col.kind === 'text') return;
          const cell = ws.getCell(n, i + 1);
          const expected = r.cells[col.key];
          expect(cell.type, `${label}/${col.key}`).to.equal(ExcelJS.ValueType.Number);
          expect(cell.value).to.equal(expected.value);
          expect(cell.numFmt).to.contain('"△"');
          const decimals = expected.text.split('.')[1]?.length ?? 0;
          expect(cell.numFmt.split(';')[0]).to.equal(decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0');
          if ((expected.value as number) < 0) negatives++;
          checked++;
        });
      }
      expect(checked).to.equal(table.rows.length * 5);
      expect(negatives).to.be.greaterThan(0);
    });

    it('keeps non-numeric figures as text (순증) and prints unchanged as "-"', () => {
      const n = findRow(ws, '디지털시민시장실');
      expect(ws.getCell(n, 5).value).to.equal('순증');
      expect(ws.getCell(n, 2).value).to.equal(0);
      expect(ws.getCell(n, 2).numFmt).to.match(/;"-"$/);
      const same = findRow(ws, '시민봉사담당관');
      expect(ws.getCell(same, 4).value).to.equal(0);
      expect(ws.getCell(same, 4).numFmt).to.match(/;"-"$/);
      // the first "시민소통담당관" row belongs to the settlement table; the comparison table's comes after its header
      const cmp = findRow(ws, '시민소통담당관', findRow(ws, '구 분'));
      expect(ws.getCell(cmp, 4).value).to.be.lessThan(0);
      expect(ws.getCell(cmp, 5).value).to.equal(-3.45);
    });

    it('merges the multi-level header and bolds total and department rows', () => {
      const total = findRow(ws, '합 계');
      const headerTop = total - 2;
      expect(ws.getCell(headerTop, 1).value).to.equal('부서/사업명');
      expect(ws.getCell(headerTop + 1, 1).isMerged).to.equal(true);
      expect(ws.getCell(headerTop, 4).value).to.equal('집 행');
      expect(ws.getCell(headerTop, 6).isMerged).to.equal(true);
      expect((ws.getCell(headerTop, 6).master as ExcelJS.Cell).address).to.equal(ws.getCell(headerTop, 4).address);
      expect(ws.getCell(headerTop + 1, 4).value).to.equal('집행액');
      expect(ws.getCell(total, 1).font.bold).to.equal(true);
      expect(ws.getCell(total, 2).font.bold).to.equal(true);
      expect(ws.getCell(findRow(ws, '뉴미디어담당관'), 1).font.bold).to.equal(true);
      const program = findRow(ws, '시민청 운영 및 확산');
      expect(ws.getCell(program, 1).font.bold).to.not.equal(true);
      expect(ws.getCell(program, 1).alignment.indent).to.equal(1);
    });

    it('freezes below the header and repeats it on every printed page', () => {
      const total = findRow(ws, '합 계');
      const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
      expect(view.state).to.equal('frozen');
      expect(view.ySplit).to.equal(total - 1);
      expect(ws.pageSetup.printTitlesRow).to.equal(`${total - 2}:${total - 1}`);
      expect(ws.pageSetup.paperSize).to.equal(9);
      expect(ws.pageSetup.fitToWidth).to.equal(1);
      expect(ws.pageSetup.fitToHeight).to.equal(0);
      expect(ws.headerFooter.oddFooter).to.contain('- &P -');
    });

    it('never stores a formula: text starting with = comes back as an escaped string', () => {
      const n = findRow(ws, `'=HYPERLINK("x")`);
      const cell = ws.getCell(n, 1);
      expect(cell.type).to.equal(ExcelJS.ValueType.String);
      expect(cell.formula).to.equal(undefined);
      let formulas = 0;
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) formulas++;
        }),
      );
      expect(formulas).to.equal(0);
    });

    it('writes the title, unit line, Hanja and footnotes', () => {
      const texts: string[] = [];
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'string') texts.push(c.value);
        }),
      );
      expect(texts).to.include('2018 회계연도 세출결산');
      expect(texts).to.include('(단위 : 천원, %)');
      expect(texts).to.include('市政 對話 限時 운영');
      expect(texts).to.include('※ 예산현액 = 예산액 + 전년도 이월액 ± 예산변경');
    });
  });

  it('writes one uniquely named sheet per model', async () => {
    const a = sampleSettlement();
    const b = { ...sampleSettlement(), id: 'copy' };
    const file = tmp('two.xlsx');
    await renderXlsx([a, b], file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['2018 회계연도 세출결산', '2018 회계연도 세출결산 (2)']);
    expect(wb.worksheets[1].pageSetup.printTitlesRow).to.be.a('string');
  });
});
