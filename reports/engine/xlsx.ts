/**
 * xlsx renderer. Uses exceljs' streaming WorkbookWriter: rows are committed as they are written,
 * so a 60,000-row ledger does not sit in memory as a cell object graph.
 *
 * Figures go in as real numbers with a number format derived from the cell's printed text, so Excel
 * shows exactly `cell.text` ("△24,802", "96.7", "-") while the cell still sums and sorts.
 */
import ExcelJS from 'exceljs';
import { Writable } from 'stream';
import {
  BarChart,
  Cell,
  ChartSection,
  ColumnDef,
  KeyValueSection,
  ParagraphSection,
  ReportRow,
  RowSource,
  RowStyle,
  StreamingReportModel,
  TableSection,
  isStreamedRows,
  placeHeader,
} from './model';

type Worksheet = ExcelJS.Worksheet;

/**
 * Leading characters that make Excel, LibreOffice or a CSV export treat a string as a formula: = + - − @
 * and their full-width and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫, which some spreadsheet imports fold to
 * ASCII); and what can hide such a character from a reader or lead a spreadsheet to strip its way
 * to one: any whitespace (space, tab, CR, LF, no-break and ideographic space, line and paragraph
 * separators), zero-width characters and the bidi marks, embeddings, overrides and isolates.
 */
const FORMULA_LEAD =
  /^[=+\-\u2212@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\s\u0085\u180E\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

/**
 * Formula-injection guard, for every cell of every export (reports/engine is the one place a
 * workbook is written). exceljs stores strings as strings (inline here), which Excel never evaluates;
 * but a sheet is routinely re-saved as CSV or pasted elsewhere, where "=HYPERLINK(...)" or "@SUM(...)"
 * would come alive, and a leading space, line feed or bidi mark can carry (or hide) one. So such
 * text gets the conventional apostrophe prefix. A lone "-" (the "nothing" mark in Korean budget
 * tables) and any other single character are left alone: they cannot form a formula.
 */
export function escapeFormulaText(text: string): string {
  if (text.length > 1 && FORMULA_LEAD.test(text)) return `'${text}`;
  return text;
}

const PRINTED_NUMBER = /^(△)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

export interface NumericCell {
  value: number;
  numFmt: string;
}

/**
 * Decides whether a cell can be a numeric Excel cell whose display equals its text, and with which
 * format. Returns null when the text is not a plain figure ("순증", "-" for a missing rate, "") or
 * when the stored value would not display as the text — then the text is written as a string.
 */
export function numericCellFor(c: Cell): NumericCell | null {
  if (typeof c.value !== 'number' || !Number.isFinite(c.value)) return null;
  const v = c.value;
  if (c.text === '-' && v === 0) return { value: 0, numFmt: '#,##0;"△"#,##0;"-"' };
  const m = PRINTED_NUMBER.exec(c.text);
  if (!m) return null;
  const negative = m[1] !== undefined;
  const intDigits = m[2];
  const decimals = m[3]?.length ?? 0;
  const printed = Number(intDigits.replace(/,/g, '') + (decimals ? `.${m[3]}` : '')) * (negative ? -1 : 1);
  // Excel rounds the stored value to the format's decimals; accept only values that land on the text.
  const tolerance = decimals > 0 ? 0.5 * 10 ** -decimals - 1e-12 : 1e-9;
  if (Math.abs(printed - v) > tolerance) return null;
  if (printed !== 0 && negative !== v < 0) return null;
  const grouped = intDigits.includes(',') || Math.abs(v) < 1000;
  const pos = (grouped ? '#,##0' : '0') + (decimals ? `.${'0'.repeat(decimals)}` : '');
  const zero = printed === 0 ? pos : '"-"';
  return { value: v, numFmt: `${pos};"△"${pos};${zero}` };
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FONT = 'Malgun Gothic';

const BOLD_STYLES: ReadonlySet<RowStyle> = new Set<RowStyle>(['total', 'subtotal', 'department']);
const FILLED_STYLES: ReadonlySet<RowStyle> = new Set<RowStyle>(['total', 'department']);

/**
 * Style objects are shared between cells on purpose: exceljs keys its style table by object content
 * on every cell, and handing it the same few frozen objects keeps that cheap for 60,000-row sheets.
 */
class StyleCache {
  private cache = new Map<string, Partial<ExcelJS.Style>>();

  get(style: RowStyle, kind: 'text' | 'number', indent: number, numFmt?: string): Partial<ExcelJS.Style> {
    const key = `${style}|${kind}|${indent}|${numFmt ?? ''}`;
    let s = this.cache.get(key);
    if (!s) {
      const bold = BOLD_STYLES.has(style);
      s = {
        font: { name: FONT, size: 10, bold },
        border: BORDER,
        alignment:
          kind === 'number'
            ? { horizontal: 'right', vertical: 'middle' }
            : { horizontal: 'left', vertical: 'middle', indent, wrapText: false },
        ...(FILLED_STYLES.has(style) ? { fill: TOTAL_FILL } : {}),
        ...(numFmt ? { numFmt } : {}),
      };
      this.cache.set(key, s);
    }
    return s;
  }
}

export interface XlsxOptions {
  /** fixed creation date for reproducible files; defaults to the model's asOf or 2000-01-01 */
  created?: Date;
}

/** Sheet names: ≤31 chars, none of []:*?/\, unique within the workbook (Excel refuses otherwise). */
export function sheetNames(titles: string[]): string[] {
  const used = new Set<string>();
  return titles.map((t) => {
    const base = (
      t
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim() || 'Sheet'
    ).slice(0, 31);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

function fixedDate(model: StreamingReportModel, options: XlsxOptions): Date {
  if (options.created) return options.created;
  return new Date(`${model.asOf ?? '2000-01-01'}T00:00:00Z`);
}

export async function renderXlsx(
  input: StreamingReportModel | StreamingReportModel[],
  out: Writable | string,
  options: XlsxOptions = {},
): Promise<void> {
  const models = Array.isArray(input) ? input : [input];
  if (models.length === 0) throw new RangeError('no report to render');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof out === 'string' ? { filename: out } : { stream: out }),
    useStyles: true,
    // inline strings: a shared-string table holds every distinct text (60,000 program names) until commit;
    // without it the whole-city workbook peaks ~20 MB lower and is no larger
    useSharedStrings: false,
  });
  wb.created = fixedDate(models[0], options);
  wb.modified = wb.created;
  wb.creator = '예산·민간위탁 관리대장';
  const names = sheetNames(models.map((m) => m.title));
  try {
    for (let i = 0; i < models.length; i++) {
      await writeSheet(wb, models[i], names[i]);
    }
  } catch (err) {
    // a streamed table failed part-way: the workbook is never committed, and a file we opened is closed
    if (typeof out === 'string') (wb as unknown as { stream?: Writable }).stream?.destroy();
    throw err;
  }
  await wb.commit();
}

function columnCount(model: StreamingReportModel): number {
  let n = 2;
  for (const s of model.sections) {
    if (s.kind === 'table') n = Math.max(n, s.columns.length);
    if (s.kind === 'chart') n = Math.max(n, 1 + s.chart.series.length);
  }
  return n;
}

/** Rows a non-table section occupies (mirrors SheetWriter.keyValue/paragraphs/chartData). */
function sectionRows(s: KeyValueSection | ParagraphSection | ChartSection): number {
  if (s.kind === 'keyValue') return (s.title ? 1 : 0) + s.items.length;
  if (s.kind === 'paragraphs') return (s.title ? 1 : 0) + s.paragraphs.length;
  return 2 + s.chart.categories.length;
}

/** Freeze below the first table's header; its row number is known from the layout before writing. */
function frozenViews(model: StreamingReportModel, main: TableSection<RowSource> | undefined): Partial<ExcelJS.WorksheetView>[] {
  if (!main) return [];
  let row = 1 + (model.subtitle ? 1 : 0);
  for (let i = 0; i < model.sections.length; i++) {
    const s = model.sections[i];
    if (i > 0) row++; // blank separator row
    if (s === main) break;
    if (s.kind !== 'table') row += sectionRows(s);
  }
  row += (main.title ? 1 : 0) + ((main.unitLine ?? model.unitLine) ? 1 : 0);
  const bottom = row + Math.max(...placeHeader(main).map((p) => p.row + p.rowSpan));
  return [{ state: 'frozen', xSplit: 0, ySplit: bottom, topLeftCell: `A${bottom + 1}`, activeCell: `A${bottom + 1}` }];
}

function firstTable(model: StreamingReportModel): TableSection<RowSource> | undefined {
  return model.sections.find((s): s is TableSection<RowSource> => s.kind === 'table');
}

async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: StreamingReportModel, name: string): Promise<void> {
  const width = columnCount(model);
  const main = firstTable(model);
  const landscape = model.orientation ? model.orientation === 'landscape' : width > 7;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C- &P -', evenFooter: '&C- &P -' },
    // the streaming writer emits sheet views when the sheet opens, so the frozen pane is fixed up front
    views: frozenViews(model, main),
  }) as Worksheet;
  // Column widths come from the first table; other sections fit into the same grid.
  ws.columns = Array.from({ length: width }, (_, i) => ({ width: main?.columns[i]?.width ?? 14 }));

  const styles = new StyleCache();
  const w = new SheetWriter(ws, width);
  w.titleRow(model.title, 16, 28);
  if (model.subtitle) w.titleRow(model.subtitle, 11, 18);

  let first = true;
  for (const section of model.sections) {
    if (!first) w.blank();
    if (section.kind === 'table') {
      await w.table(section, model.unitLine, styles, section === main);
    } else if (section.kind === 'keyValue') {
      w.keyValue(section);
    } else if (section.kind === 'paragraphs') {
      w.paragraphs(section);
    } else {
      w.chartData(section.chart, section.title);
    }
    first = false;
  }
  const tail = [...(model.footnotes ?? []), ...(model.source ? [`자료 : ${model.source}`] : [])];
  if (tail.length) w.blank();
  for (const line of tail) w.mergedText(line, { size: 9 });
  ws.commit();
}

/** Writes rows top to bottom, committing each so the streaming writer can flush it. */
class SheetWriter {
  private rowNo = 0;

  constructor(
    private ws: Worksheet,
    private width: number,
  ) {}

  private next(): ExcelJS.Row {
    this.rowNo++;
    return this.ws.getRow(this.rowNo);
  }

  blank(): void {
    this.next().commit();
  }

  titleRow(text: string, size: number, height: number): void {
    const row = this.next();
    row.height = height;
    const c = row.getCell(1);
    c.value = escapeFormulaText(text);
    c.style = { font: { name: FONT, size, bold: size > 12 }, alignment: { horizontal: 'center', vertical: 'middle' } };
    this.ws.mergeCells(this.rowNo, 1, this.rowNo, this.width);
    row.commit();
  }

  mergedText(text: string, opts: { size?: number; bold?: boolean; align?: 'left' | 'right' } = {}): void {
    const row = this.next();
    const c = row.getCell(1);
    c.value = escapeFormulaText(text);
    c.style = {
      font: { name: FONT, size: opts.size ?? 10, bold: opts.bold ?? false },
      alignment: { horizontal: opts.align ?? 'left', vertical: 'middle', wrapText: true },
    };
    if (this.width > 1) this.ws.mergeCells(this.rowNo, 1, this.rowNo, this.width);
    row.commit();
  }

  async table(t: TableSection<RowSource>, defaultUnit: string | undefined, styles: StyleCache, printTitles: boolean): Promise<void> {
    if (t.title) this.mergedText(t.title, { size: 11, bold: true });
    const unit = t.unitLine ?? defaultUnit;
    if (unit) this.mergedText(unit, { size: 9, align: 'right' });

    const placed = placeHeader(t);
    const headerHeight = Math.max(...placed.map((p) => p.row + p.rowSpan));
    const top = this.rowNo + 1;
    const headerStyle: Partial<ExcelJS.Style> = {
      font: { name: FONT, size: 10, bold: true },
      fill: HEADER_FILL,
      border: BORDER,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    };
    const rows: ExcelJS.Row[] = [];
    for (let r = 0; r < headerHeight; r++) {
      const row = this.next();
      row.height = 20;
      // every cell of the header gets the style so merged areas keep their borders and fill
      for (let c = 1; c <= t.columns.length; c++) row.getCell(c).style = headerStyle;
      rows.push(row);
    }
    for (const p of placed) {
      rows[p.row].getCell(p.col + 1).value = escapeFormulaText(p.label);
      if (p.rowSpan > 1 || p.colSpan > 1) {
        this.ws.mergeCells(top + p.row, p.col + 1, top + p.row + p.rowSpan - 1, p.col + p.colSpan);
      }
    }
    for (const row of rows) row.commit();
    if (printTitles) this.ws.pageSetup.printTitlesRow = `${top}:${top + headerHeight - 1}`;
    let n = 0;
    // committed rows reach the zip stream only when the event loop runs
    if (isStreamedRows(t.rows)) {
      for await (const r of t.rows) {
        this.bodyRow(t.columns, r, styles);
        if (++n % 2000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } else {
      for (const r of t.rows) {
        this.bodyRow(t.columns, r, styles);
        if (++n % 2000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    for (const f of t.footnotes ?? []) this.mergedText(f, { size: 9 });
  }

  private bodyRow(columns: ColumnDef[], r: ReportRow, styles: StyleCache): void {
    const row = this.next();
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i];
      const c = r.cells[col.key];
      const target = row.getCell(i + 1);
      if (!c) {
        target.style = styles.get(r.style, col.kind === 'text' ? 'text' : 'number', 0);
        continue;
      }
      const num = col.kind === 'text' ? null : numericCellFor(c);
      if (num) {
        target.value = num.value;
        target.style = styles.get(r.style, 'number', 0, num.numFmt);
      } else {
        if (c.text !== '') target.value = escapeFormulaText(c.text);
        const indent = i === 0 ? Math.min(r.depth, 15) : 0;
        target.style = styles.get(r.style, col.kind === 'text' ? 'text' : 'number', indent);
      }
    }
    row.commit();
  }

  keyValue(s: KeyValueSection): void {
    if (s.title) this.mergedText(s.title, { size: 11, bold: true });
    for (const item of s.items) {
      const row = this.next();
      const k = row.getCell(1);
      k.value = escapeFormulaText(item.label);
      k.style = { font: { name: FONT, size: 10, bold: true }, border: BORDER, fill: HEADER_FILL };
      const v = row.getCell(2);
      v.value = escapeFormulaText(item.text);
      v.style = { font: { name: FONT, size: 10 }, border: BORDER, alignment: { wrapText: true } };
      if (this.width > 2) this.ws.mergeCells(this.rowNo, 2, this.rowNo, this.width);
      row.commit();
    }
  }

  paragraphs(s: ParagraphSection): void {
    if (s.title) this.mergedText(s.title, { size: 11, bold: true });
    for (const p of s.paragraphs) this.mergedText(p);
  }

  /** A chart becomes its data table in Excel; the figure itself lives in the PDF and the web page. */
  chartData(chart: BarChart, title?: string): void {
    this.mergedText(title ?? chart.title, { size: 11, bold: true });
    const head = this.next();
    const hs: Partial<ExcelJS.Style> = {
      font: { name: FONT, size: 10, bold: true },
      fill: HEADER_FILL,
      border: BORDER,
      alignment: { horizontal: 'center' },
    };
    head.getCell(1).value = '구 분';
    head.getCell(1).style = hs;
    chart.series.forEach((s, j) => {
      head.getCell(j + 2).value = escapeFormulaText(s.name);
      head.getCell(j + 2).style = hs;
    });
    head.commit();
    chart.categories.forEach((cat, i) => {
      const row = this.next();
      row.getCell(1).value = escapeFormulaText(cat);
      row.getCell(1).style = { font: { name: FONT, size: 10 }, border: BORDER };
      chart.series.forEach((s, j) => {
        const c: Cell = { value: s.values[i], text: s.labels[i] };
        const num = numericCellFor(c);
        const target = row.getCell(j + 2);
        target.value = num ? num.value : escapeFormulaText(c.text);
        target.style = {
          font: { name: FONT, size: 10 },
          border: BORDER,
          alignment: { horizontal: 'right' },
          ...(num ? { numFmt: num.numFmt } : {}),
        };
      });
      row.commit();
    });
  }
}
