/**
 * PDF renderer (pdfkit). A4, Noto Sans KR embedded, tables that break across pages with the header
 * repeated, page numbers "- n -", and a council packet mode (several reports, a contents page and
 * PDF bookmarks).
 *
 * Speed matters because a city-wide ledger is ~6,000 rows. pdfkit's text() with width/align options
 * runs its line wrapper per call; here every cell is placed at a computed x with lineBreak: false,
 * widths of figures are summed from cached glyph widths, and the grid of each page is stroked as a
 * single path when the page is finished.
 */
import fs from 'fs';
import PDFDocument from 'pdfkit';
import { Writable } from 'stream';
import { formatInteger } from '../../domain/money';
import {
  BarChart,
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
  materialize,
  placeHeader,
  PlacedHeaderCell,
  widthSamplesOf,
} from './model';
import { koreanFontBytes } from './pdf-fonts';

type Doc = PDFKit.PDFDocument;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 42, bottom: 50, left: 36, right: 36 };
const BODY_SIZE = 8.5;
const PAD_X = 4;
const ROW_HEIGHT = 16;
const LINE_HEIGHT = 11;
const HEADER_ROW_HEIGHT = 17;
const INDENT_STEP = 9;
const GRID_COLOR = '#8c8c8c';
const HEADER_FILL = '#dfe6f2';
const ROW_FILL: Partial<Record<RowStyle, string>> = { total: '#e8e8e8', department: '#f3f3f3' };
const BOLD_ROWS: ReadonlySet<RowStyle> = new Set<RowStyle>(['total', 'subtotal', 'department']);
const SERIES_COLORS = ['#3b6fb6', '#e0913a', '#5a9e5a', '#a14a8c'];
const NO_BREAK = { lineBreak: false } as const;
const YIELD_EVERY = 1000;

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface PdfOptions {
  /** fixed CreationDate/ModDate; defaults to the first model's asOf, else 2000-01-01 */
  date?: Date;
}

export interface PdfResult {
  pages: number;
}

type FontKey = 'R' | 'B';

interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

/** The part of pdfkit's EmbeddedFont that `composeFigures` hooks into. */
interface LayoutFont {
  layoutCached?: (text: string) => GlyphRun;
}

// pdfkit hands words over with their trailing space ("1-2-3 "), so a figure may end in one
const FIGURE = /^[0-9,.△-]+[ \t]?$/;

/**
 * Shaping is the cost of a figure-heavy PDF: pdfkit hands every distinct word to fontkit, which
 * runs Noto Sans KR's full GSUB/GPOS tables, and a ledger has tens of thousands of distinct amounts.
 * Figures (digits , . △ -) involve no ligatures or contextual forms, so their glyph run is the
 * concatenation of the per-character runs, which pdfkit shapes once and caches. This also keeps the
 * amounts out of pdfkit's unbounded per-word layout cache. (Hooks a pdfkit internal; if a future
 * pdfkit drops `layoutCached` the hook is skipped and output is unchanged, only slower.)
 */
function composeFigures(font: LayoutFont): void {
  const original = font.layoutCached;
  if (typeof original !== 'function') return;
  const shape = original.bind(font);
  font.layoutCached = (text: string): GlyphRun => {
    if (text.length < 2 || !FIGURE.test(text)) return shape(text);
    const glyphs: unknown[] = [];
    const positions: unknown[] = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const run = shape(ch);
      for (const g of run.glyphs) glyphs.push(g);
      for (const p of run.positions) positions.push(p);
      advanceWidth += run.advanceWidth;
    }
    return { glyphs, positions, advanceWidth };
  };
}

/**
 * Page, font and colour state around one PDFDocument. Tracks what pdfkit last received so font and
 * colour operators are only issued on change.
 */
class Canvas {
  readonly doc: Doc;
  page = 0;
  y = 0;
  width = A4.width;
  height = A4.height;
  private font: FontKey | '' = '';
  private size = 0;
  private color = '';
  private widthCache = new Map<string, Map<string, number>>();

  constructor(out: Writable, info: PDFKit.DocumentInfo) {
    this.doc = new PDFDocument({
      autoFirstPage: false,
      bufferPages: false, // pages are flushed to `out` as soon as the next one starts
      compress: true,
      pdfVersion: '1.7',
      lang: 'ko-KR',
      displayTitle: true,
      info,
    } as PDFKit.PDFDocumentOptions);
    const fonts = koreanFontBytes();
    this.doc.registerFont('R', fonts.regular);
    this.doc.registerFont('B', fonts.bold);
    for (const key of ['R', 'B'] as const) {
      this.doc.font(key);
      composeFigures((this.doc as unknown as { _font: LayoutFont })._font);
    }
    this.doc.pipe(out);
    // pdfkit may open pages by itself (wrapped paragraphs); number those too
    this.doc.on('pageAdded', () => this.onPage());
  }

  get left(): number {
    return MARGIN.left;
  }
  get right(): number {
    return this.width - MARGIN.right;
  }
  get bottom(): number {
    return this.height - MARGIN.bottom;
  }
  get contentWidth(): number {
    return this.right - this.left;
  }

  addPage(landscape: boolean): void {
    this.doc.addPage({
      size: 'A4',
      layout: landscape ? 'landscape' : 'portrait',
      margins: MARGIN,
    });
  }

  private onPage(): void {
    this.page++;
    this.width = this.doc.page.width;
    this.height = this.doc.page.height;
    this.color = ''; // a new content stream starts black
    this.y = MARGIN.top;
    // "- n -" drawn as three pieces with a visible gap: Noto's narrow space glyph makes text
    // extractors (pdftotext, screen readers) read a single-space label as "-n-"
    const n = String(this.page);
    const gap = 4;
    this.setFont('R', 9);
    this.setColor('#000000');
    const dash = this.measure('-');
    const total = dash * 2 + this.measure(n) + gap * 2;
    let x = (this.width - total) / 2;
    const y = this.height - 30;
    this.text('-', x, y);
    x += dash + gap;
    this.text(n, x, y);
    x += this.measure(n) + gap;
    this.text('-', x, y);
  }

  setFont(font: FontKey, size: number): void {
    if (font !== this.font) {
      this.doc.font(font);
      this.font = font;
    }
    if (size !== this.size) {
      this.doc.fontSize(size);
      this.size = size;
    }
  }

  /** Call after pdfkit's rect().fill(colour), which sets the fill colour behind our back. */
  colorChanged(): void {
    this.color = '';
  }

  setColor(color: string): void {
    if (color !== this.color) {
      this.doc.fillColor(color);
      this.color = color;
    }
  }

  text(s: string, x: number, y: number): void {
    this.doc.text(s, x, y, NO_BREAK);
  }

  /** Width of `s` in the current font and size; figures are summed from cached per-glyph widths. */
  measure(s: string): number {
    const key = `${this.font}${this.size}`;
    let cache = this.widthCache.get(key);
    if (!cache) {
      cache = new Map();
      this.widthCache.set(key, cache);
    }
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    let w: number;
    if (/^[0-9,.△-]+$/.test(s) && s.length > 1) {
      w = 0;
      for (const ch of s) w += this.measure(ch);
    } else {
      w = this.doc.widthOfString(s);
    }
    // labels are cached too, but unbounded caches on 60,000 unique program names cost memory
    if (cache.size < 20_000) cache.set(s, w);
    return w;
  }

  textRight(s: string, xRight: number, y: number): void {
    this.text(s, xRight - this.measure(s), y);
  }

  textCenter(s: string, x: number, w: number, y: number): void {
    this.text(s, x + (w - this.measure(s)) / 2, y);
  }

  /** Text top for a line of the current size vertically centred in a box. */
  baseline(top: number, boxHeight: number): number {
    return top + (boxHeight - this.size * 1.2) / 2 - this.size * 0.08;
  }

  /** Wrapped paragraph through pdfkit's own line wrapper (few of these per report). */
  paragraph(s: string, x: number, width: number, options: PDFKit.Mixins.TextOptions = {}): void {
    const h = this.doc.heightOfString(s, { width, ...options });
    this.ensure(h);
    this.doc.text(s, x, this.y, { width, ...options });
    this.y += h;
  }

  /** Starts a new page when `h` more points do not fit. Returns true when it did. */
  ensure(h: number): boolean {
    if (this.y + h <= this.bottom) return false;
    this.addPage(this.doc.page.layout === 'landscape');
    return true;
  }

  end(): void {
    this.doc.end();
  }
}

/** Greedy word wrap by measured width; a word longer than the line is split by characters. */
function wrapText(c: Canvas, text: string, width: number): string[] {
  if (c.measure(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (c.measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let piece = '';
    for (const ch of word) {
      if (c.measure(piece + ch) > width && piece) {
        lines.push(piece);
        piece = '';
      }
      piece += ch;
    }
    line = piece;
  }
  if (line) lines.push(line);
  return lines;
}

/** Whether a report is laid out on landscape pages: its own choice, else a table wider than 7 columns or 110 characters. */
export function landscapeFor(model: StreamingReportModel): boolean {
  if (model.orientation) return model.orientation === 'landscape';
  return model.sections.some((s) => s.kind === 'table' && (s.columns.length > 7 || s.columns.reduce((a, c) => a + c.width, 0) > 110));
}

/** Renders one report's pages into the canvas, starting on a new page. */
class ReportPainter {
  private landscape: boolean;

  constructor(
    private c: Canvas,
    private model: StreamingReportModel,
  ) {
    this.landscape = landscapeFor(model);
  }

  async paint(onFirstPage?: () => void): Promise<void> {
    const { c, model } = this;
    c.addPage(this.landscape);
    onFirstPage?.();
    c.setColor('#000000');
    c.setFont('B', 15);
    c.textCenter(model.title, c.left, c.contentWidth, c.y);
    c.y += 24;
    if (model.subtitle) {
      c.setFont('R', 10);
      c.textCenter(model.subtitle, c.left, c.contentWidth, c.y);
      c.y += 16;
    }
    if (model.asOf) {
      c.setFont('R', 8.5);
      c.textRight(`기준일 : ${model.asOf}`, c.right, c.y);
      c.y += 13;
    }
    c.y += 4;
    for (const s of model.sections) {
      if (s.kind === 'table') await this.table(s);
      else if (s.kind === 'keyValue') this.keyValue(s);
      else if (s.kind === 'paragraphs') this.paragraphs(s);
      else this.chart(s);
      c.y += 10;
    }
    this.notes(model.footnotes ?? [], model.source);
  }

  private sectionTitle(title: string | undefined, keepWith: number): void {
    if (!title) return;
    const { c } = this;
    c.ensure(18 + keepWith);
    c.setColor('#000000');
    c.setFont('B', 10.5);
    c.text(`□ ${title}`, c.left, c.y);
    c.y += 17;
  }

  private notes(lines: string[], source?: string): void {
    const { c } = this;
    const all = [...lines, ...(source ? [`자료 : ${source}`] : [])];
    if (!all.length) return;
    c.setColor('#000000');
    c.setFont('R', 8.5);
    for (const line of all) c.paragraph(line, c.left, c.contentWidth, { lineGap: 1 });
  }

  // ---- tables -------------------------------------------------------------------------------

  private async table(t: TableSection<RowSource>): Promise<void> {
    const { c } = this;
    const widths = this.fitWidths(t);
    const xs = [c.left];
    for (const w of widths) xs.push(xs[xs.length - 1] + w);
    const placed = placeHeader(t);
    const headerRows = Math.max(...placed.map((p) => p.row + p.rowSpan));
    const headerHeight = headerRows * HEADER_ROW_HEIGHT;

    this.sectionTitle(t.title, headerHeight + ROW_HEIGHT + 14);
    const unit = t.unitLine ?? this.model.unitLine;
    c.ensure(headerHeight + ROW_HEIGHT + (unit ? 13 : 0));
    if (unit) {
      c.setColor('#000000');
      c.setFont('R', 8);
      c.textRight(unit, c.right, c.y);
      c.y += 13;
    }

    const grid = new PageGrid(c, xs);
    const startPage = (): void => {
      this.header(placed, xs, c.y);
      c.y += headerHeight;
      grid.start(c.y);
    };
    startPage();
    const paint = (row: ReportRow): void => {
      const layout = this.rowLayout(t.columns, widths, row);
      if (c.y + layout.height > c.bottom) {
        grid.finish();
        c.addPage(this.landscape);
        startPage();
      }
      this.row(t.columns, xs, widths, row, layout);
      c.y += layout.height;
      grid.line(c.y);
    };
    let n = 0;
    // let the event loop run (server requests, output flushing) during long tables
    if (isStreamedRows(t.rows)) {
      for await (const row of t.rows) {
        paint(row);
        if (++n % YIELD_EVERY === 0) await yieldToEventLoop();
      }
    } else {
      for (const row of t.rows) {
        if (++n % YIELD_EVERY === 0) await yieldToEventLoop();
        paint(row);
      }
    }
    grid.finish();
    if (t.footnotes?.length) {
      c.y += 4;
      this.notes(t.footnotes);
    }
  }

  private header(placed: PlacedHeaderCell[], xs: number[], top: number): void {
    const { c } = this;
    const doc = c.doc;
    const rows = Math.max(...placed.map((p) => p.row + p.rowSpan));
    doc.rect(xs[0], top, xs[xs.length - 1] - xs[0], rows * HEADER_ROW_HEIGHT).fill(HEADER_FILL);
    c.colorChanged();
    // the cell borders form one path; text must not be interleaved with path construction
    doc.lineWidth(0.5).strokeColor(GRID_COLOR);
    for (const p of placed) {
      doc.rect(xs[p.col], top + p.row * HEADER_ROW_HEIGHT, xs[p.col + p.colSpan] - xs[p.col], p.rowSpan * HEADER_ROW_HEIGHT);
    }
    doc.stroke();
    c.setColor('#000000');
    for (const p of placed) {
      const x = xs[p.col];
      const w = xs[p.col + p.colSpan] - x;
      // shrink a header label that does not fit its cell rather than let it overlap the next one
      let size = BODY_SIZE;
      c.setFont('B', size);
      while (c.measure(p.label) > w - 2 && size > 5.5) {
        size -= 0.5;
        c.setFont('B', size);
      }
      c.textCenter(p.label, x, w, c.baseline(top + p.row * HEADER_ROW_HEIGHT, p.rowSpan * HEADER_ROW_HEIGHT));
    }
  }

  /**
   * Column widths in proportion to the model's weights, except that a figure column is never
   * narrower than its widest figure (in bold, as totals print): a city's 15,429,998,530 needs more
   * room than a bureau's. The room comes out of the label column, which wraps instead.
   */
  private fitWidths(t: TableSection<RowSource>): number[] {
    const { c } = this;
    const total = t.columns.reduce((a, col) => a + col.width, 0);
    const widths = t.columns.map((col) => (col.width / total) * c.contentWidth);
    c.setFont('B', BODY_SIZE);
    // the longest texts are the widest figures; measure only those (a streamed table brings them along)
    const samples = t.widthSamples ?? (isStreamedRows(t.rows) ? {} : widthSamplesOf(t.columns, t.rows));
    const need = t.columns.map((col) => {
      if (col.kind === 'text') return 0;
      return Math.max(0, ...(samples[col.key] ?? []).map((x) => c.measure(x))) + 2 * PAD_X + 2;
    });
    let deficit = 0;
    t.columns.forEach((col, i) => {
      if (need[i] > widths[i]) {
        deficit += need[i] - widths[i];
        widths[i] = need[i];
      }
    });
    const labelCols = t.columns.map((col, i) => (col.kind === 'text' ? i : -1)).filter((i) => i >= 0);
    const spare = labelCols.reduce((a, i) => a + Math.max(0, widths[i] - c.contentWidth * 0.15), 0);
    if (deficit > 0 && spare > 0) {
      const share = Math.min(1, deficit / spare);
      for (const i of labelCols) widths[i] -= Math.max(0, widths[i] - c.contentWidth * 0.15) * share;
    }
    return widths;
  }

  private rowLayout(columns: ColumnDef[], widths: number[], row: ReportRow): { height: number; lines: string[] | null } {
    const first = columns[0];
    const cell = row.cells[first.key];
    if (first.kind !== 'text' || !cell || !cell.text) return { height: ROW_HEIGHT, lines: null };
    this.c.setFont(BOLD_ROWS.has(row.style) ? 'B' : 'R', BODY_SIZE);
    const avail = widths[0] - 2 * PAD_X - row.depth * INDENT_STEP;
    if (this.c.measure(cell.text) <= avail) return { height: ROW_HEIGHT, lines: null };
    const lines = wrapText(this.c, cell.text, avail);
    return { height: ROW_HEIGHT + (lines.length - 1) * LINE_HEIGHT, lines };
  }

  private row(
    columns: ColumnDef[],
    xs: number[],
    widths: number[],
    row: ReportRow,
    layout: { height: number; lines: string[] | null },
  ): void {
    const { c } = this;
    const fill = ROW_FILL[row.style];
    if (fill) {
      c.doc.rect(xs[0], c.y, xs[xs.length - 1] - xs[0], layout.height).fill(fill);
      c.colorChanged();
    }
    c.setColor('#000000');
    c.setFont(BOLD_ROWS.has(row.style) ? 'B' : 'R', BODY_SIZE);
    const top = c.baseline(c.y, ROW_HEIGHT);
    for (let i = 0; i < columns.length; i++) {
      const cell = row.cells[columns[i].key];
      if (!cell || cell.text === '') continue;
      if (columns[i].kind === 'text') {
        const x = xs[i] + PAD_X + (i === 0 ? row.depth * INDENT_STEP : 0);
        if (i === 0 && layout.lines) {
          layout.lines.forEach((line, k) => c.text(line, x, top + k * LINE_HEIGHT));
        } else if (i === 0 || c.measure(cell.text) <= widths[i] - 2 * PAD_X) {
          c.text(cell.text, x, top);
        } else {
          c.text(wrapText(c, cell.text, widths[i] - 2 * PAD_X)[0], x, top);
        }
      } else {
        c.textRight(cell.text, xs[i + 1] - PAD_X, top);
      }
    }
  }

  // ---- key/value and paragraphs -----------------------------------------------------------

  private keyValue(s: KeyValueSection): void {
    const { c } = this;
    this.sectionTitle(s.title, ROW_HEIGHT);
    const labelW = 90;
    const x = c.left;
    for (const item of s.items) {
      c.setFont('R', BODY_SIZE);
      const valueW = c.contentWidth - labelW - 2 * PAD_X;
      const h = Math.max(ROW_HEIGHT, c.doc.heightOfString(item.text, { width: valueW }) + 5);
      c.ensure(h);
      const doc = c.doc;
      doc.rect(x, c.y, labelW, h).fill(HEADER_FILL);
      c.colorChanged();
      doc
        .lineWidth(0.5)
        .strokeColor(GRID_COLOR)
        .rect(x, c.y, labelW, h)
        .rect(x + labelW, c.y, c.contentWidth - labelW, h)
        .stroke();
      c.setColor('#000000');
      c.setFont('B', BODY_SIZE);
      c.textCenter(item.label, x, labelW, c.baseline(c.y, ROW_HEIGHT));
      c.setFont('R', BODY_SIZE);
      doc.text(item.text, x + labelW + PAD_X, c.y + 2.5, { width: valueW });
      c.y += h;
    }
  }

  private paragraphs(s: ParagraphSection): void {
    const { c } = this;
    this.sectionTitle(s.title, 14);
    c.setColor('#000000');
    c.setFont('R', 9.5);
    for (const p of s.paragraphs) {
      c.paragraph(p, c.left + 6, c.contentWidth - 6, { lineGap: 2 });
      c.y += 3;
    }
  }

  // ---- bar chart (vector) -----------------------------------------------------------------

  private chart(s: ChartSection): void {
    const { c } = this;
    const chart = s.chart;
    const n = chart.categories.length;
    const barH = 9;
    const groupH = chart.series.length * barH + 7;
    const axisH = 30;
    this.sectionTitle(s.title ?? chart.title, axisH + 3 * groupH);
    c.setFont('R', 8);
    const labelW = Math.min(170, Math.max(...chart.categories.map((k) => c.measure(k))) + 8);
    const plotX = c.left + labelW;
    const plotW = c.contentWidth - labelW - 40;
    const { max, step } = axisScale(chart);

    let i = 0;
    while (i < n) {
      // as many categories as fit on this page; the axis is repeated on the next
      let fit = Math.floor((c.bottom - c.y - axisH - (chart.series.length > 1 ? 14 : 0)) / groupH);
      if (fit < 3) {
        c.addPage(this.landscape);
        fit = Math.floor((c.bottom - c.y - axisH - 14) / groupH);
      }
      const part = chart.categories.slice(i, i + fit);
      const top = c.y;
      const plotH = part.length * groupH;
      const doc = c.doc;
      // grid lines and tick labels
      doc.lineWidth(0.4).strokeColor('#cccccc');
      for (let v = 0; v <= max; v += step) doc.moveTo(plotX + (v / max) * plotW, top).lineTo(plotX + (v / max) * plotW, top + plotH);
      doc.stroke();
      c.setColor('#000000');
      c.setFont('R', 7.5);
      for (let v = 0; v <= max; v += step) c.textCenter(formatInteger(v), plotX + (v / max) * plotW - 15, 30, top + plotH + 3);
      if (chart.valueAxisLabel) c.textCenter(chart.valueAxisLabel, plotX, plotW, top + plotH + 15);
      // bars
      part.forEach((cat, k) => {
        const gy = top + k * groupH + 3.5;
        c.setColor('#000000');
        c.setFont('R', 8);
        c.textRight(cat, plotX - 5, c.baseline(gy, chart.series.length * barH));
        chart.series.forEach((ser, j) => {
          const v = ser.values[i + k];
          const w = Math.max(0, Math.min(1, v / max)) * plotW;
          doc.rect(plotX, gy + j * barH, w, barH - 1.5).fill(SERIES_COLORS[j % SERIES_COLORS.length]);
          c.colorChanged();
          c.setColor('#000000');
          c.setFont('R', 7);
          c.text(ser.labels[i + k], plotX + w + 3, c.baseline(gy + j * barH, barH - 1.5));
        });
      });
      // axes
      doc
        .lineWidth(0.8)
        .strokeColor('#000000')
        .moveTo(plotX, top)
        .lineTo(plotX, top + plotH)
        .lineTo(plotX + plotW, top + plotH)
        .stroke();
      c.y = top + plotH + axisH;
      if (chart.series.length > 1) this.legend(chart, plotX);
      i += part.length;
    }
  }

  private legend(chart: BarChart, x: number): void {
    const { c } = this;
    let lx = x;
    chart.series.forEach((ser, j) => {
      c.doc.rect(lx, c.y + 2, 8, 8).fill(SERIES_COLORS[j % SERIES_COLORS.length]);
      c.colorChanged();
      c.setColor('#000000');
      c.setFont('R', 8);
      c.text(ser.name, lx + 11, c.y + 1);
      lx += 20 + c.measure(ser.name);
    });
    c.y += 14;
  }
}

/** Axis maximum and tick step: integer steps of 1, 2, 2.5→5, 5 × 10^k giving about five ticks. */
export function axisScale(chart: BarChart): { max: number; step: number } {
  const top = chart.max ?? Math.max(0, ...chart.series.flatMap((s) => s.values));
  if (top <= 0) return { max: 5, step: 1 };
  const raw = top / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  const max = chart.max ?? Math.ceil(top / step) * step;
  return { max, step };
}

/**
 * Collects the horizontal rule positions of the rows on one page and strokes the whole grid
 * (rules + column separators) as one path when the page is done.
 */
class PageGrid {
  private top = 0;
  private ys: number[] = [];

  constructor(
    private c: Canvas,
    private xs: number[],
  ) {}

  start(y: number): void {
    this.top = y;
    this.ys = [];
  }

  line(y: number): void {
    this.ys.push(y);
  }

  finish(): void {
    if (!this.ys.length) return;
    const doc = this.c.doc;
    const x0 = this.xs[0];
    const x1 = this.xs[this.xs.length - 1];
    const bottom = this.ys[this.ys.length - 1];
    doc.lineWidth(0.4).strokeColor(GRID_COLOR);
    for (const y of this.ys) doc.moveTo(x0, y).lineTo(x1, y);
    for (const x of this.xs) doc.moveTo(x, this.top).lineTo(x, bottom);
    doc.stroke();
    this.ys = [];
  }
}

function dateFor(models: StreamingReportModel[], options: PdfOptions): Date {
  if (options.date) return options.date;
  const asOf = models[0]?.asOf;
  return new Date(`${asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : '2000-01-01'}T00:00:00Z`);
}

/** A sink that only counts bytes; used for the page-counting pass of a packet. */
class NullSink extends Writable {
  override _write(_chunk: unknown, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    cb();
  }
}

function finished(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('finish', () => resolve());
    stream.on('error', reject);
  });
}

function openOut(out: Writable | string): Writable {
  return typeof out === 'string' ? fs.createWriteStream(out) : out;
}

/**
 * Renders one report, or several as a council packet: a contents page, each report from a new
 * page, and a bookmark per report. Resolves when the output stream has finished.
 */
export async function renderPdf(
  input: StreamingReportModel | StreamingReportModel[],
  out: Writable | string,
  options: PdfOptions = {},
): Promise<PdfResult> {
  // a packet paints every report twice (page numbers for the contents first), so streamed rows are read into arrays
  const models: StreamingReportModel[] = Array.isArray(input)
    ? input.length > 1
      ? await Promise.all(input.map((m) => materialize(m)))
      : input
    : [input];
  if (models.length === 0) throw new RangeError('no report to render');
  const date = dateFor(models, options);
  const packet = models.length > 1;
  const title = packet ? '의회 제출 보고서' : models[0].title;
  const info: PDFKit.DocumentInfo = {
    Title: title,
    Creator: '예산·민간위탁 관리대장',
    Producer: 'PDFKit',
    CreationDate: date,
    ModDate: date,
  };

  // Page numbers for the contents page come from a dry run of each report on its own: a report
  // always starts on a new page, so its page count does not depend on what precedes it.
  let starts: number[] = [];
  if (packet) {
    const counts: number[] = [];
    for (const m of models) counts.push((await renderPdf(m, new NullSink(), { date })).pages);
    let next = 1 + tocPages(models.length);
    starts = counts.map((n) => {
      const s = next;
      next += n;
      return s;
    });
  }

  const sink = openOut(out);
  const done = finished(sink);
  const c = new Canvas(sink, info);
  try {
    if (packet) drawContents(c, models, starts);
    for (const m of models) {
      await new ReportPainter(c, m).paint(() => {
        if (packet) c.doc.outline.addItem(m.title);
      });
    }
  } catch (err) {
    // a streamed table failed part-way: the document is never ended, and a file we opened is closed
    c.doc.unpipe(sink);
    if (typeof out === 'string') sink.destroy();
    throw err;
  }
  const pages = c.page;
  c.end();
  await done;
  return { pages };
}

const TOC_PER_PAGE = 30;

function tocPages(n: number): number {
  return Math.max(1, Math.ceil(n / TOC_PER_PAGE));
}

function drawContents(c: Canvas, models: StreamingReportModel[], starts: number[]): void {
  for (let i = 0; i < models.length; i++) {
    if (i % TOC_PER_PAGE === 0) {
      c.addPage(false);
      if (i === 0) c.doc.outline.addItem('목 차');
      c.setColor('#000000');
      c.setFont('B', 18);
      c.textCenter('목 차', c.left, c.contentWidth, c.y + 20);
      c.y += 70;
    }
    const label = `${i + 1}. ${models[i].title}`;
    const page = `${starts[i]}`;
    c.setFont('R', 11);
    c.text(label, c.left + 20, c.y);
    const pageX = c.right - 20 - c.measure(page);
    c.text(page, pageX, c.y);
    // dot leader between the title and its page number
    const from = c.left + 20 + c.measure(label) + 6;
    const dotW = c.measure('·');
    let dots = '';
    const count = Math.max(0, Math.floor((pageX - 6 - from) / dotW));
    for (let k = 0; k < count; k++) dots += '·';
    if (dots) c.text(dots, from, c.y);
    c.y += 22;
  }
}
