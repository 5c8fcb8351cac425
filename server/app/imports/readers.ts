import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { DomainError } from '../../../domain/errors';
import { Collector, ImportLimits, tooLarge } from './collect';

/**
 * The three forms of the onboarding data, each read into a Collector: a workbook (.xlsx, streamed by
 * exceljs's WorkbookReader, never loaded whole), one CSV per sheet, or the JSON object.
 */

const corrupt = () =>
  new DomainError('malformed', 'corrupt_file', 'The file is not a readable .xlsx workbook', '읽을 수 있는 엑셀(.xlsx) 파일이 아닙니다', [
    { field: 'file', rule: 'xlsx', message: 'not a readable .xlsx file', message_ko: '엑셀 파일 형식이 아닙니다' },
  ]);

const inflatedTooLarge = (limit: number) =>
  tooLarge(
    'inflated_too_large',
    `The workbook expands to more than ${Math.round(limit / 1024 / 1024)} MB; split it or remove unused sheets`,
    `엑셀 파일의 압축을 풀면 ${Math.round(limit / 1024 / 1024)}MB를 넘습니다. 파일을 나누거나 쓰지 않는 시트를 지우십시오`,
  );

interface ZipEntry {
  name: string;
  /** the central directory record's offset */
  at: number;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/** The central directory of a zip: its entries as declared. */
function centralDirectory(buf: Buffer): ZipEntry[] {
  const from = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt();
    const nameLength = buf.readUInt16LE(p + 28);
    entries.push({
      at: p,
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      uncompressed: buf.readUInt32LE(p + 24),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** Inflates one entry only to count its bytes, stopping as soon as the running total passes the limit. */
function countInflated(buf: Buffer, entry: ZipEntry, budget: number): Promise<number> {
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return Promise.reject(corrupt());
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressed);
  if (entry.method === 0) return Promise.resolve(data.length);
  if (entry.method !== 8) return Promise.reject(corrupt());
  return new Promise((resolve, reject) => {
    let total = 0;
    const inflate = zlib.createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on('end', () => resolve(total));
    inflate.on('error', () => reject(corrupt()));
    inflate.end(data);
  });
}

/**
 * Refuses a zip bomb cheaply: first the sizes the central directory declares (a 307 KB file that
 * says 286 MB is refused without inflating a byte), then the bytes each entry really inflates to,
 * counted while inflating and abandoned past the limit (a directory that lies gains nothing).
 */
export async function assertInflatedWithin(buf: Buffer, limit: number): Promise<ZipEntry[]> {
  const entries = centralDirectory(buf);
  const declared = entries.reduce((s, e) => s + (e.uncompressed === 0xffffffff ? Infinity : e.uncompressed), 0);
  if (declared > limit) throw inflatedTooLarge(limit);
  let total = 0;
  for (const entry of entries) {
    total += await countInflated(buf, entry, limit - total);
    if (total > limit) throw inflatedTooLarge(limit);
  }
  return entries;
}

const FIRST = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];
const rankOf = (name: string): number => {
  const i = FIRST.indexOf(name);
  if (i >= 0) return i;
  const sheet = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
  return sheet ? 100 + Number(sheet[1]) : 1_000_000;
};

/**
 * The same zip with its entries in the order exceljs's streaming reader needs: the workbook, its
 * relationships, the shared strings and the styles before the sheets, which then stream straight
 * through the parser (no temp files), and entries the reader ignores last — exceljs's reader loses
 * the workbook's sheet names when workbook.xml is the last entry, as exceljs's own writer puts it.
 * Each entry is copied as it is, its sizes taken from the central directory (no data descriptors).
 */
function reorderedZip(buf: Buffer, entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of [...entries].sort((a, b) => rankOf(a.name) - rankOf(b.name))) {
    const p = e.localOffset;
    const nameExtra = buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const header = Buffer.from(buf.subarray(p, p + 30 + nameExtra));
    const cd = Buffer.from(
      buf.subarray(e.at, e.at + 46 + buf.readUInt16LE(e.at + 28) + buf.readUInt16LE(e.at + 30) + buf.readUInt16LE(e.at + 32)),
    );
    header.writeUInt16LE(header.readUInt16LE(6) & ~8, 6);
    header.writeUInt32LE(cd.readUInt32LE(16), 14);
    header.writeUInt32LE(e.compressed, 18);
    header.writeUInt32LE(e.uncompressed, 22);
    cd.writeUInt16LE(cd.readUInt16LE(8) & ~8, 8);
    cd.writeUInt32LE(offset, 42);
    const data = buf.subarray(p + 30 + nameExtra, p + 30 + nameExtra + e.compressed);
    parts.push(header, data);
    central.push(cd);
    offset += header.length + data.length;
  }
  const cdBytes = central.reduce((sum, c) => sum + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(cdBytes, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/** A buffer as a stream of 256 KB chunks, reporting how far it has been read. */
function chunked(buf: Buffer, onRead: (bytes: number) => void): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= buf.length) return void this.push(null);
      const end = Math.min(buf.length, offset + 256 * 1024);
      this.push(buf.subarray(offset, end));
      offset = end;
      onRead(offset);
    },
  });
}

/** Decodes UTF-8 across chunk boundaries (a Hangul syllable is three bytes and may straddle two chunks). */
async function* utf8Chunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

type ReaderProto = Record<string, (this: unknown, ...args: unknown[]) => unknown>;
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader;
const baseProto = BaseReader.prototype as unknown as ReaderProto;

/**
 * exceljs's streaming reader decodes each chunk of a sheet's XML on its own, so a multi-byte character
 * split between two chunks comes out as U+FFFD ("민간위���금"); this reader hands the XML parser text
 * decoded as one stream instead. Everything else is exceljs's own WorkbookReader.
 */
class Utf8WorkbookReader extends BaseReader {}
const safeProto = Utf8WorkbookReader.prototype as unknown as ReaderProto;
safeProto._parseWorksheet = function (iterator: unknown, sheetNo: unknown) {
  return baseProto._parseWorksheet.call(this, utf8Chunks(iterator as AsyncIterable<Buffer>), sheetNo);
};
safeProto._parseSharedStrings = function (entry: unknown) {
  return baseProto._parseSharedStrings.call(this, Readable.from(utf8Chunks(entry as AsyncIterable<Buffer>)));
};

export async function readXlsx(
  buf: Buffer,
  collector: Collector,
  limits: ImportLimits,
  onRead: (fraction: number) => void = () => undefined,
) {
  if (buf.length > limits.maxFileBytes) throw fileTooLarge(limits.maxFileBytes);
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw corrupt();
  const zip = reorderedZip(buf, await assertInflatedWithin(buf, limits.maxInflatedBytes));
  const reader = new Utf8WorkbookReader(
    chunked(zip, (n) => onRead(n / zip.length)),
    { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' },
  );
  try {
    for await (const ws of reader) {
      const known = collector.startSheet((ws as unknown as { name: string }).name);
      for await (const row of ws) {
        if (known) collector.row(row.number, withFormulaErrors(row));
      }
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    if (process.env.IMPORT_DEBUG) console.error(err);
    throw corrupt();
  }
}

/**
 * A row's values, where a formula whose cached result is an error (#DIV/0!, read by exceljs as NaN
 * and then dropped from the cell's value) keeps it: the collector refuses it as an error, not as a
 * formula without a cached value.
 */
function withFormulaErrors(row: ExcelJS.Row): unknown[] {
  const values = row.values as unknown[];
  values.forEach((v, col) => {
    if (typeof v === 'object' && v !== null && 'formula' in v && !('result' in v)) {
      const model = (row.getCell(col) as unknown as { _value?: { model?: { result?: unknown } } })._value?.model;
      if (typeof model?.result === 'number' && Number.isNaN(model.result)) values[col] = { ...v, result: { error: '#VALUE' } };
    }
  });
  return values;
}

export const fileTooLarge = (limit: number) =>
  tooLarge(
    'file_too_large',
    `The file is larger than ${Math.round(limit / 1024 / 1024)} MB`,
    `파일이 ${Math.round(limit / 1024 / 1024)}MB보다 큽니다`,
  );

/** RFC 4180 fields of a CSV text (UTF-8, an optional BOM), row by row with their line numbers. */
export function* csvRows(text: string): Generator<{ line: number; cells: unknown[] }> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const cells: unknown[] = [undefined];
    const startLine = line;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0)
            throw new DomainError('malformed', 'csv_quote', 'A quoted CSV field is never closed', 'CSV의 따옴표가 닫히지 않았습니다', [
              { field: `line ${startLine}`, rule: 'csvQuote', message: 'unclosed quote', message_ko: '닫히지 않은 따옴표' },
            ]);
          field += text.slice(i, q);
          for (const ch of text.slice(i, q)) if (ch === '\n') line++;
          i = q + 1;
          if (text[i] === '"') {
            field += '"';
            i++;
          } else break;
        }
      } else {
        let j = i;
        while (j < text.length && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
        field = text.slice(i, j);
        i = j;
      }
      cells.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      break;
    }
    yield { line: startLine, cells };
    line++;
  }
}

/** One CSV file, its sheet named by the file name (집행.csv → 집행). */
export function readCsv(fileName: string, text: string, collector: Collector): void {
  const sheet = fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
  if (!collector.startSheet(sheet)) return;
  for (const { line, cells } of csvRows(text)) collector.row(line, cells);
}

/** The JSON form: { "조직": [ { "코드": …, "이름": … }, … ], … }. */
export function readJson(data: unknown, collector: Collector): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new DomainError(
      'invalid',
      'import_rejected',
      'The JSON form is an object of sheet name → rows',
      'JSON은 시트 이름 → 행 목록의 객체여야 합니다',
      [{ field: 'body', rule: 'isObject', message: 'an object of sheet name → rows', message_ko: '시트 이름을 키로 하는 객체여야 합니다' }],
    );
  }
  for (const [name, rows] of Object.entries(data)) {
    if (!collector.startSheet(name)) continue;
    if (!Array.isArray(rows)) {
      collector.problem({
        field: name,
        sheet: name,
        rule: 'isArray',
        message: `${name} must be a list of rows`,
        message_ko: `${name}은(는) 행의 목록이어야 합니다`,
      });
      continue;
    }
    rows.forEach((row, i) => collector.jsonRow(i, row));
  }
}
