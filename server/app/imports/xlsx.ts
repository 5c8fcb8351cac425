import ExcelJS from 'exceljs';
import { DomainError } from '../../../domain/errors';
import { SHEETS } from './rows';

/** Where a value came from, so a rejected cell can be reported by sheet and reference (e.g. 집행!E7). */
export interface CellOrigin {
  sheet: string;
  row: number;
  cells: Record<string, string>; // field → A1 reference
}

export interface ParsedSheets {
  data: Record<string, Record<string, unknown>[]>;
  origins: Record<string, CellOrigin[]>;
}

const columnLetter = (n: number): string => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** A blank template: one sheet per row kind, a header row and a row of guidance. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '예산·민간위탁 관리대장';
  for (const spec of SHEETS) {
    const ws = wb.addWorksheet(spec.sheet);
    ws.addRow(spec.columns.map((c) => c.header));
    ws.addRow(spec.columns.map((c) => `(${c.note})`));
    ws.getRow(1).font = { bold: true };
    ws.getRow(2).font = { italic: true, color: { argb: 'FF666666' } };
    spec.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = Math.max(14, c.header.length * 3);
      if (c.kind === 'text' || c.kind === 'date') ws.getColumn(i + 1).numFmt = '@';
    });
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined || v === '') return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in v) return (v as ExcelJS.CellHyperlinkValue).text;
    return String(v);
  }
  return v;
}

/**
 * Reads the template's sheets. Header cells are matched by their Korean header; the guidance row
 * (in parentheses) and empty rows are skipped. A file that is not an .xlsx is refused as a whole.
 */
export async function parseWorkbook(buffer: Buffer): Promise<ParsedSheets> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new DomainError(
      'malformed',
      'corrupt_file',
      'The file is not a readable .xlsx workbook',
      '읽을 수 있는 엑셀(.xlsx) 파일이 아닙니다',
      [{ field: 'file', rule: 'xlsx', message: 'not a readable .xlsx file', message_ko: '엑셀 파일 형식이 아닙니다' }],
    );
  }
  const data: ParsedSheets['data'] = {};
  const origins: ParsedSheets['origins'] = {};
  for (const spec of SHEETS) {
    const ws = wb.getWorksheet(spec.sheet);
    if (!ws) continue;
    const header = ws.getRow(1);
    const colOf = new Map<string, number>();
    header.eachCell((cell, col) => {
      const text = String(cellValue(cell.value) ?? '').trim();
      const column = spec.columns.find((c) => c.header === text);
      if (column) colOf.set(column.key, col);
    });
    const rows: Record<string, unknown>[] = [];
    const rowOrigins: CellOrigin[] = [];
    ws.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const values: Record<string, unknown> = {};
      const cells: Record<string, string> = {};
      for (const c of spec.columns) {
        const col = colOf.get(c.key);
        if (!col) continue;
        cells[c.key] = `${columnLetter(col)}${rowNumber}`;
        let v = cellValue(row.getCell(col).value);
        if (typeof v === 'string') v = v.trim() || undefined;
        if (c.kind === 'integer' && typeof v === 'string' && /^-?[\d,]+$/.test(v)) v = Number(v.replace(/,/g, ''));
        if (c.kind !== 'integer' && typeof v === 'number') v = String(v);
        if (v !== undefined) values[c.key] = v;
      }
      const first = Object.values(values)[0];
      if (!Object.keys(values).length || (typeof first === 'string' && first.startsWith('('))) return;
      rows.push(values);
      rowOrigins.push({ sheet: spec.sheet, row: rowNumber, cells });
    });
    data[spec.key] = rows;
    origins[spec.key] = rowOrigins;
  }
  return { data, origins };
}
