import { DomainError, FieldProblem } from '../../../domain/errors';
import { parseChoice, parseDate, parseOrder, parseWon, parseYear, Parsed } from '../../../domain/import-cells';
import { textRuleBroken } from '../../requests/text';
import { columnLetter, ColumnSpec, SHEET_BY_NAME, SheetSpec } from './sheets';

/** A row of a sheet, its cells read into values (null when empty); `line` is its row number (or index + 1 in JSON). */
export interface ParsedRow {
  line: number;
  v: Record<string, string | number | null>;
}

export interface CollectedSheet {
  spec: SheetSpec;
  rows: ParsedRow[];
  /** spec column index → 1-based column of the file, for cell references (absent in JSON) */
  columnOf: Map<string, number> | null;
}

export interface ImportLimits {
  /** compressed upload bytes */
  maxFileBytes: number;
  /** decompressed bytes of a workbook */
  maxInflatedBytes: number;
  /** data rows across all sheets */
  maxRows: number;
}

/** The limits in force (IMPORT_MAX_INFLATED_BYTES and IMPORT_MAX_ROWS override the defaults, read at each import). */
export function importLimits(): ImportLimits {
  return {
    maxFileBytes: 20 * 1024 * 1024,
    maxInflatedBytes: Number(process.env.IMPORT_MAX_INFLATED_BYTES ?? 200 * 1024 * 1024),
    maxRows: Number(process.env.IMPORT_MAX_ROWS ?? 300_000),
  };
}

/** The most problems listed in one refusal (a file of 100,000 bad rows is not answered with 100,000 lines). */
const MAX_PROBLEMS = 200;

export function tooLarge(code: string, message: string, messageKo: string, field = 'file'): DomainError {
  return new DomainError('too_large', code, message, messageKo, [{ field, rule: code, message, message_ko: messageKo }]);
}

/** A workbook cell's value as the engine reads it, or the reason it cannot be read (a formula without a cached result, an error). */
export function plainCell(raw: unknown): Parsed<unknown> {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  if (raw instanceof Date || typeof raw !== 'object') return { value: raw };
  const o = raw as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    const result = o.result;
    if (result === undefined || result === null)
      return {
        problem: {
          rule: 'formulaCachedValue',
          message: 'a formula without a cached result; save the workbook in Excel or type the value',
          message_ko: '계산된 값이 없는 수식입니다. 엑셀에서 저장하거나 값을 직접 입력하십시오',
        },
      };
    if ((typeof result === 'number' && Number.isNaN(result)) || (typeof result === 'object' && result !== null && 'error' in result))
      return {
        problem: {
          rule: 'formulaError',
          message: 'the formula evaluates to an error (e.g. #DIV/0!)',
          message_ko: '수식의 결과가 오류(예: #DIV/0!)입니다',
        },
      };
    return plainCell(result);
  }
  if ('error' in o)
    return {
      problem: {
        rule: 'cellError',
        message: `the cell holds an error (${String(o.error)})`,
        message_ko: `셀에 오류 값(${String(o.error)})이 있습니다`,
      },
    };
  if ('richText' in o && Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((r) => r.text).join('') };
  if ('text' in o) return plainCell(o.text);
  return { problem: { rule: 'cellValue', message: 'the cell value cannot be read', message_ko: '셀 값을 읽을 수 없습니다' } };
}

function typedValue(column: ColumnSpec, value: unknown): Parsed<string | number> {
  const k = column.kind;
  switch (k.type) {
    case 'text': {
      const s = (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)).normalize('NFC').trim();
      const broken = textRuleBroken(s);
      if (broken) return { problem: broken };
      if (s.length > k.max)
        return { problem: { rule: 'maxLength', message: `at most ${k.max} characters`, message_ko: `${k.max}자 이내여야 합니다` } };
      return { value: s };
    }
    case 'year':
      return parseYear(value);
    case 'date':
      // a date cell whose date format was lost (typed into a text-formatted column) arrives as its serial number
      if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 2_958_466)
        return parseDate(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000));
      return parseDate(value);
    case 'won':
      return parseWon(value, k);
    case 'order':
      return parseOrder(value);
    case 'choice':
      return parseChoice(value, k.choices);
  }
}

/**
 * Gathers the rows of every sheet, whichever reader produced them: recognises each sheet's header row
 * (every required header present, no unknown header), skips the template's notes row, reads each cell
 * by its column's rule and reports every bad cell by sheet!cell. Past the row limit it stops at once.
 */
export class Collector {
  readonly problems: FieldProblem[] = [];
  problemCount = 0;
  readonly sheets = new Map<string, CollectedSheet>();
  readonly unknownSheets: string[] = [];
  rowCount = 0;
  private current: CollectedSheet | null = null;
  private expectHeader = false;
  private headerLine = 0;

  constructor(private readonly limits: ImportLimits) {}

  problem(p: FieldProblem): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  private at(
    sheet: string,
    line: number,
    column: ColumnSpec | null,
    col: number | undefined,
  ): Pick<FieldProblem, 'field' | 'sheet' | 'cell'> {
    if (col === undefined) return { field: `${sheet}[${line - 1}]${column ? `.${column.header}` : ''}`, sheet };
    const cell = `${columnLetter(col)}${line}`;
    return { field: `${sheet}!${cell}`, sheet, cell };
  }

  /** A new sheet begins; an unknown sheet is reported (its rows are skipped). */
  startSheet(name: string): boolean {
    this.current = null;
    const spec = SHEET_BY_NAME.get(name.normalize('NFC').trim());
    if (!spec) {
      this.unknownSheets.push(name);
      return false;
    }
    if (this.sheets.has(spec.sheet)) {
      this.problem({
        field: spec.sheet,
        sheet: spec.sheet,
        rule: 'uniqueSheet',
        message: `sheet ${spec.sheet} appears twice`,
        message_ko: `${spec.sheet} 시트가 두 번 있습니다`,
      });
      return false;
    }
    this.current = { spec, rows: [], columnOf: null };
    this.sheets.set(spec.sheet, this.current);
    this.expectHeader = true;
    return true;
  }

  /** The header row of a workbook or CSV sheet: the first non-empty row. */
  header(line: number, cells: unknown[]): void {
    const sheet = this.current!;
    const columnOf = new Map<string, number>();
    cells.forEach((raw, col) => {
      const plain = plainCell(raw);
      if (!('value' in plain) || plain.value === null) return;
      const text = String(plain.value).normalize('NFC').trim();
      if (!text) return;
      const column = sheet.spec.columns.find((c) => c.header === text);
      if (column && !columnOf.has(column.key)) columnOf.set(column.key, col);
      else
        this.problem({
          ...this.at(sheet.spec.sheet, line, null, col),
          rule: 'knownColumn',
          message: `unknown or repeated column "${text}"`,
          message_ko: `알 수 없거나 중복된 열 "${text}"입니다`,
        });
    });
    const missing = sheet.spec.columns.filter((c) => c.required && !columnOf.has(c.key)).map((c) => c.header);
    if (missing.length) {
      this.problem({
        field: `${sheet.spec.sheet}!${line}`,
        sheet: sheet.spec.sheet,
        cell: `A${line}`,
        rule: 'headerRow',
        message: `no recognised header row: the first row must name the columns (missing ${missing.join(', ')})`,
        message_ko: `머리글 행을 알아볼 수 없습니다: 첫 행에 열 이름이 있어야 합니다 (없는 열: ${missing.join(', ')})`,
      });
    }
    sheet.columnOf = columnOf;
    this.headerLine = line;
  }

  /** A data row of a workbook or CSV sheet (cells by 1-based column). */
  row(line: number, cells: unknown[]): void {
    const sheet = this.current;
    if (!sheet) return;
    if (cells.every((c) => c === null || c === undefined || c === '')) return;
    if (this.expectHeader) {
      this.expectHeader = false;
      return this.header(line, cells);
    }
    if (line === this.headerLine + 1 && isNotesRow(cells)) return;
    const values: unknown[] = [];
    for (const column of sheet.spec.columns) {
      const col = sheet.columnOf?.get(column.key);
      values.push(col === undefined ? null : cells[col]);
    }
    this.addRow(sheet, line, values, (i) => sheet.columnOf?.get(sheet.spec.columns[i].key));
  }

  /** A row of the JSON form: an object keyed by the Korean headers. */
  jsonRow(index: number, row: unknown): void {
    const sheet = this.current!;
    if (sheet.rows.length === 0 && !sheet.columnOf) sheet.columnOf = null;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      this.problem({
        ...this.at(sheet.spec.sheet, index + 1, null, undefined),
        rule: 'isObject',
        message: 'each row is an object keyed by the Korean headers',
        message_ko: '각 행은 열 이름을 키로 하는 객체여야 합니다',
      });
      return;
    }
    const o = row as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (!sheet.spec.columns.some((c) => c.header === key))
        this.problem({
          ...this.at(sheet.spec.sheet, index + 1, null, undefined),
          field: `${sheet.spec.sheet}[${index}].${key.slice(0, 40)}`,
          rule: 'knownColumn',
          message: 'unknown column',
          message_ko: '알 수 없는 열입니다',
        });
    }
    const values = sheet.spec.columns.map((c) => {
      const v = o[c.header];
      return typeof v === 'object' && v !== null ? { cellValue: true } : v;
    });
    this.addRow(sheet, index + 1, values, () => undefined);
  }

  private addRow(sheet: CollectedSheet, line: number, values: unknown[], colOf: (i: number) => number | undefined): void {
    if (++this.rowCount > this.limits.maxRows) {
      throw tooLarge(
        'too_many_rows',
        `The file has more than ${this.limits.maxRows} rows`,
        `행이 ${this.limits.maxRows.toLocaleString('en-US')}개를 넘습니다. 파일을 나누어 가져오십시오`,
      );
    }
    const v: ParsedRow['v'] = {};
    sheet.spec.columns.forEach((column, i) => {
      const plain = plainCell(values[i]);
      let parsed: Parsed<string | number | null>;
      if ('problem' in plain) parsed = plain;
      else if (plain.value === null || (typeof plain.value === 'string' && !plain.value.trim())) {
        parsed = column.required
          ? { problem: { rule: 'required', message: `${column.header} is required`, message_ko: `${column.header}을(를) 입력해야 합니다` } }
          : { value: null };
      } else parsed = typedValue(column, plain.value);
      if ('problem' in parsed) {
        const where = this.at(sheet.spec.sheet, line, column, colOf(i));
        this.problem({ ...where, ...parsed.problem, message_ko: `${where.field}: ${parsed.problem.message_ko}` });
        v[column.key] = null;
      } else v[column.key] = parsed.value;
    });
    sheet.rows.push({ line, v });
  }

  /** Unknown sheets are reported; a workbook that names no sheet of the template is refused. */
  finish(): void {
    for (const name of this.unknownSheets)
      this.problem({
        field: name.slice(0, 40),
        sheet: name.slice(0, 40),
        rule: 'knownSheet',
        message: `unknown sheet "${name.slice(0, 40)}"`,
        message_ko: `알 수 없는 시트 "${name.slice(0, 40)}"입니다 (양식의 시트 이름을 쓰십시오)`,
      });
    if (!this.sheets.size && !this.problemCount)
      this.problem({
        field: 'file',
        rule: 'notEmpty',
        message: 'no sheet of the onboarding template was found',
        message_ko: '가져올 양식 시트가 없습니다',
      });
  }

  cellOf(sheet: CollectedSheet, line: number, key: string): Pick<FieldProblem, 'field' | 'sheet' | 'cell'> {
    const column = sheet.spec.columns.find((c) => c.key === key) ?? null;
    return this.at(sheet.spec.sheet, line, column, sheet.columnOf?.get(key));
  }
}

function isNotesRow(cells: unknown[]): boolean {
  const first = cells.find((c) => c !== null && c !== undefined && c !== '');
  return typeof first === 'string' && first.trim().startsWith('(');
}

export function importRefused(problems: FieldProblem[], total = problems.length): DomainError {
  return new DomainError(
    'invalid',
    'import_rejected',
    `The import was rejected: ${total} problem(s); nothing was imported`,
    `가져오기가 거부되었습니다: 오류 ${total}건, 아무것도 반영되지 않았습니다`,
    problems,
  );
}
