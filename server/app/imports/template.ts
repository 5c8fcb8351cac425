import ExcelJS from 'exceljs';
import { SHEETS } from './sheets';

/**
 * The blank onboarding workbook: one sheet per kind of row, its Korean headers in the first row and
 * a notes row (in parentheses, skipped by the import) saying what each column takes.
 */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '예산·민간위탁 관리대장';
  for (const spec of SHEETS) {
    const ws = wb.addWorksheet(spec.sheet);
    ws.addRow(spec.columns.map((c) => c.header));
    ws.addRow(spec.columns.map((c) => `(${c.required ? '필수' : '선택'}: ${c.note})`));
    ws.getRow(1).font = { bold: true };
    ws.getRow(2).font = { italic: true, color: { argb: 'FF666666' } };
    spec.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = Math.max(14, c.header.length * 3);
      if (c.kind.type === 'text') ws.getColumn(i + 1).numFmt = '@';
      if (c.kind.type === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    });
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const TEMPLATE_FILE_NAME = '온보딩_가져오기_양식.xlsx';
