/**
 * The report data model. A report is built once from the ledger into this shape and then rendered
 * (xlsx, pdf) or serialised as is (json). Every printed figure is carried twice: `value` is the exact
 * number in the report's unit, `text` is the string domain/money.ts produced for it. Renderers print
 * `text` verbatim and never round, so the Excel display, the PDF and the web page cannot disagree.
 *
 * The model is plain data (no classes, no Dates, no functions) so JSON.stringify/parse round-trips it.
 *
 * A large table may instead carry its rows as an AsyncIterable (a `StreamingReportModel`): the
 * renderers take either form, write each row as it arrives and never hold the table. Such a section
 * gives `widthSamples` up front (the PDF sizes its columns before the first row); `materialize`
 * turns a streaming model into the plain one.
 */

export type ColumnKind = 'text' | 'amount' | 'rate' | 'integer';

export interface ColumnDef {
  key: string;
  /** bottom-level header label; also the only header row when `headerRows` is absent */
  label: string;
  kind: ColumnKind;
  /** relative width in "characters" (Excel column width; the PDF scales these to the page) */
  width: number;
}

/** One cell of a multi-level header. Rows of the grid are laid out like HTML tables. */
export interface HeaderCell {
  label: string;
  colSpan?: number;
  rowSpan?: number;
}

export type RowStyle = 'total' | 'subtotal' | 'department' | 'program' | 'detail';

export interface Cell {
  /** exact value: a number in the report unit (e.g. 천원) or the rate; a string for text cells; null when there is none */
  value: number | string | null;
  /** exactly what prints */
  text: string;
}

export interface ReportRow {
  /** indentation level of the first (label) column, 0 = flush */
  depth: number;
  style: RowStyle;
  cells: Record<string, Cell>;
}

/** A table's rows: held (the plain model) or arriving one by one (read once, in order). */
export type RowSource = ReportRow[] | AsyncIterable<ReportRow>;

export interface TableSection<Rows extends RowSource = ReportRow[]> {
  kind: 'table';
  title?: string;
  /** e.g. "(단위 : 천원, %)"; falls back to the report's unitLine */
  unitLine?: string;
  columns: ColumnDef[];
  /** multi-level header; when absent a single row of column labels is used */
  headerRows?: HeaderCell[][];
  rows: Rows;
  footnotes?: string[];
  /**
   * Per numeric column, texts at least as wide as any the column prints (`widthSamplesOf` over
   * every row). Required in practice when `rows` is an AsyncIterable; computed from the rows otherwise.
   */
  widthSamples?: Record<string, string[]>;
}

/** A "구분 : 내용" block, e.g. the general overview (조직, 인력) at the top of a settlement report. */
export interface KeyValueSection {
  kind: 'keyValue';
  title?: string;
  items: { label: string; text: string }[];
}

export interface ParagraphSection {
  kind: 'paragraphs';
  title?: string;
  paragraphs: string[];
}

export interface BarSeries {
  name: string;
  /** exact values used for bar lengths */
  values: number[];
  /** printed value labels (money.ts text); same length as values */
  labels: string[];
}

export interface BarChart {
  type: 'bar';
  title: string;
  categories: string[];
  series: BarSeries[];
  /** axis caption, e.g. "집행률(%)" */
  valueAxisLabel?: string;
  /** axis maximum; defaults to the largest value rounded up to a nice step */
  max?: number;
}

export interface ChartSection {
  kind: 'chart';
  title?: string;
  chart: BarChart;
}

export type Section = TableSection | KeyValueSection | ParagraphSection | ChartSection;

export interface ReportModel<S = Section> {
  id: string;
  title: string;
  subtitle?: string;
  /** default unit line for the report's tables, e.g. "(단위 : 천원, %)" */
  unitLine?: string;
  sections: S[];
  /** each begins with ※ */
  footnotes?: string[];
  source?: string;
  /** ISO date (YYYY-MM-DD) the figures are as of; also fixes the PDF's creation date */
  asOf?: string;
  /** page orientation override; otherwise chosen from the widest table */
  orientation?: 'portrait' | 'landscape';
}

/** A section whose table rows may be streamed. */
export type StreamingSection = TableSection<RowSource> | KeyValueSection | ParagraphSection | ChartSection;

/** What the renderers accept: a plain model, or one whose tables' rows arrive as they are read. */
export type StreamingReportModel = ReportModel<StreamingSection>;

export function isStreamedRows(rows: RowSource): rows is AsyncIterable<ReportRow> {
  return !Array.isArray(rows);
}

/** The plain model: every streamed table's rows read into an array (tests, packets, small reports). */
export async function materialize(model: StreamingReportModel): Promise<ReportModel> {
  const sections: Section[] = [];
  for (const s of model.sections) {
    if (s.kind !== 'table' || !isStreamedRows(s.rows)) {
      sections.push(s as Section);
      continue;
    }
    const rows: ReportRow[] = [];
    for await (const r of s.rows) rows.push(r);
    const { widthSamples: _w, ...rest } = s;
    sections.push({ ...rest, rows });
  }
  return { ...model, sections };
}

/**
 * Collects, per numeric column, the texts that bound its printed width: among the longest texts,
 * one of each digit pattern ("△1,234" and "12,345" are both six characters but not equally wide;
 * "12,345" and "98,765" print alike in the tabular figures of the report font). Order-independent,
 * so a streamed table and its plain copy get the same column widths.
 */
export class WidthSampler {
  private longest = new Map<string, { length: number; shapes: Map<string, string> }>();

  constructor(private columns: ColumnDef[]) {}

  add(row: ReportRow): void {
    for (const col of this.columns) {
      if (col.kind === 'text') continue;
      const text = row.cells[col.key]?.text ?? '';
      const best = this.longest.get(col.key);
      if (!best || text.length > best.length) {
        this.longest.set(col.key, { length: text.length, shapes: new Map([[shapeOf(text), text]]) });
      } else if (text.length === best.length) {
        const shape = shapeOf(text);
        if (!best.shapes.has(shape)) best.shapes.set(shape, text);
      }
    }
  }

  samples(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [key, best] of this.longest) out[key] = [...best.shapes.values()];
    return out;
  }
}

function shapeOf(text: string): string {
  return text.replace(/[0-9]/g, '0');
}

/** Width samples of held rows (what a streamed table supplies for itself). */
export function widthSamplesOf(columns: ColumnDef[], rows: Iterable<ReportRow>): Record<string, string[]> {
  const sampler = new WidthSampler(columns);
  for (const r of rows) sampler.add(r);
  return sampler.samples();
}

/** Tables of a model in order (the xlsx writer lays them out one below the other). */
export function tablesOf(model: ReportModel): TableSection[] {
  return model.sections.filter((s): s is TableSection => s.kind === 'table');
}

/** Header grid of a table: explicit headerRows or a single row made of the column labels. */
export function headerGrid(table: TableSection<RowSource>): HeaderCell[][] {
  return table.headerRows && table.headerRows.length > 0 ? table.headerRows : [table.columns.map((c) => ({ label: c.label }))];
}

export interface PlacedHeaderCell {
  label: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Resolves colSpan/rowSpan into absolute grid positions, the way an HTML table does: a cell is placed
 * in the first column of its row not already covered by a rowSpan from above.
 */
export function placeHeader(table: TableSection<RowSource>): PlacedHeaderCell[] {
  const grid = headerGrid(table);
  const width = table.columns.length;
  const taken: boolean[][] = grid.map(() => new Array<boolean>(width).fill(false));
  const placed: PlacedHeaderCell[] = [];
  grid.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < width && taken[r][c]) c++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      if (c + colSpan > width || r + rowSpan > grid.length) {
        throw new RangeError(`header cell "${cell.label}" does not fit the ${width}-column grid`);
      }
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) taken[rr][cc] = true;
      placed.push({ label: cell.label, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  return placed;
}

export function isNumericKind(kind: ColumnKind): boolean {
  return kind !== 'text';
}

/** Cell constructors so report builders don't hand-assemble {value, text}. */
export const cell = {
  text(text: string): Cell {
    return { value: text, text };
  },
  /** a number with the text money.ts printed for it */
  num(value: number | null, text: string): Cell {
    return { value, text };
  },
  empty(): Cell {
    return { value: null, text: '' };
  },
};

const isBlankText = (text: string) => /^[\s\-–—·0.,%]*$/.test(text);

/**
 * A table holds data when a cell after its label column carries a figure other than zero, or text other
 * than a dash: a table of zeros and dashes (a year without entries, a 전년 대비 without the previous year)
 * holds none.
 */
export function tableHasData(table: TableSection): boolean {
  const keys = table.columns.slice(1).map((c) => c.key);
  return table.rows.some((r) =>
    keys.some((k) => {
      const cell = r.cells[k];
      if (!cell) return false;
      if (typeof cell.value === 'number') return cell.value !== 0;
      return !isBlankText(cell.text ?? '');
    }),
  );
}

export function sectionHasData(section: Section): boolean {
  switch (section.kind) {
    case 'table':
      return tableHasData(section);
    case 'chart':
      return section.chart.series.some((s) => s.values.some((v) => v !== 0));
    case 'keyValue':
      return section.items.some((i) => !isBlankText(i.text));
    case 'paragraphs':
      return section.paragraphs.some((p) => p.trim() !== '');
  }
}

/**
 * Whether a report has anything to show: one of its tables or charts holds data (a report without
 * tables or charts: one of its sections does). A year or unit without entries gives a report of
 * zeros, which the pages show as "자료 없음" instead.
 */
export function modelHasData(model: ReportModel): boolean {
  const figures = model.sections.filter((s) => s.kind === 'table' || s.kind === 'chart');
  return (figures.length ? figures : model.sections).some(sectionHasData);
}

/** The model without its tables and charts that hold no data (the council packet leaves them out). */
export function withoutEmptySections(model: ReportModel): ReportModel {
  return { ...model, sections: model.sections.filter((s) => (s.kind === 'table' || s.kind === 'chart' ? sectionHasData(s) : true)) };
}
