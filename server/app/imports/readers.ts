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
export async function assertInflatedWithin(buf: Buffer, limit: number): Promise<void> {
  const entries = centralDirectory(buf);
  const declared = entries.reduce((s, e) => s + (e.uncompressed === 0xffffffff ? Infinity : e.uncompressed), 0);
  if (declared > limit) throw inflatedTooLarge(limit);
  let total = 0;
  for (const entry of entries) {
    total += await countInflated(buf, entry, limit - total);
    if (total > limit) throw inflatedTooLarge(limit);
  }
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

export async function readXlsx(
  buf: Buffer,
  collector: Collector,
  limits: ImportLimits,
  onRead: (fraction: number) => void = () => undefined,
) {
  if (buf.length > limits.maxFileBytes) throw fileTooLarge(limits.maxFileBytes);
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw corrupt();
  await assertInflatedWithin(buf, limits.maxInflatedBytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    chunked(buf, (n) => onRead(n / buf.length)),
    { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' },
  );
  try {
    for await (const ws of reader) {
      const known = collector.startSheet((ws as unknown as { name: string }).name);
      for await (const row of ws) {
        if (known) collector.row(row.number, row.values as unknown[]);
      }
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw corrupt();
  }
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
