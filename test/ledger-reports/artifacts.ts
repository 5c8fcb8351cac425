/**
 * Reading rendered reports back, independently of the engine: an xlsx through exceljs (each cell's
 * display text computed here from its stored value and number format) and a PDF through pdf.js (test/support/pdf-text.ts).
 * Expected figures in the tests come from the seed transcriptions (seeds/data/*.ts `printed`),
 * formatted here with Intl — never with domain/money.ts, the code under test.
 */
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { render, ReportModel } from '../../reports/engine';
import { pdfTextSync, pdfToPngSync } from '../support/pdf-text';

export const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-reports-'));

/** Where PNG previews go (gitignored). */
export const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'ledger-reports');

/** 47_810_398_000 won → "47,810,398"; negative → "△24,802"; zero → the given zero text. */
export function thousand(won: number, zero = '0'): string {
  if (won === 0) return zero;
  const t = Math.abs(won / 1000).toLocaleString('en-US', { maximumFractionDigits: 0 });
  return won < 0 ? `△${t}` : t;
}

export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

export async function renderFile(model: ReportModel | ReportModel[], name: string, format: 'xlsx' | 'pdf'): Promise<string> {
  const file = path.join(outDir, `${name}.${format}`);
  await render(model, format, file);
  return file;
}

export function pdfText(file: string): string {
  return pdfTextSync(file);
}

/** Renders page `page` at 60 dpi into test-artifacts/ledger-reports/<name>-<page>.png and returns the path. */
export function pngPreview(file: string, name: string, page = 1): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const prefix = path.join(ARTIFACTS, name);
  pdfToPngSync(file, `${prefix}-${page}.png`, page, 60);
  const made = fs
    .readdirSync(ARTIFACTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => path.join(ARTIFACTS, f));
  expect(made, `PNG of ${name}`).to.not.be.empty;
  return made[0];
}

const FIGURE = /^(△?\d[\d,]*(\.\d+)?|-)$/;

/** A printed row: its label text and its trailing figures (numbers, △ numbers or "-"). */
export interface PrintedRow {
  label: string;
  figures: string[];
}

/** The PDF text without its figure tokens, squashed: a label wrapped over two lines reads whole again. */
export function labelsOnly(text: string): string {
  return squash(
    text
      .split('\n')
      .map((line) =>
        line
          .trim()
          .split(/\s+/)
          .filter((tok) => !FIGURE.test(tok))
          .join(''),
      )
      .join(''),
  );
}

/** Rows of the PDF's tables: lines that end in at least `minFigures` figure tokens. */
export function pdfRows(text: string, minFigures: number): PrintedRow[] {
  const rows: PrintedRow[] = [];
  for (const line of text.split('\n')) {
    const tokens = line.trim().split(/\s+/).filter(Boolean);
    let i = tokens.length;
    while (i > 0 && FIGURE.test(tokens[i - 1])) i--;
    const figures = tokens.slice(i);
    if (figures.length >= minFigures) rows.push({ label: tokens.slice(0, i).join(' '), figures });
  }
  return rows;
}

/** The text Excel displays for a cell, from its value and number format ("#,##0.0;"△"#,##0.0;"-""). */
export function displayText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v !== 'number') return String(v);
  const sections = (cell.numFmt || 'General').split(';');
  const section = v > 0 ? sections[0] : v < 0 ? (sections[1] ?? sections[0]) : (sections[2] ?? sections[0]);
  const literal = /^"([^"]*)"$/.exec(section);
  if (literal) return literal[1];
  if (section === 'General') return String(v);
  const decimals = /\.(0+)/.exec(section)?.[1].length ?? 0;
  const grouped = section.includes(',');
  const body = Math.abs(v).toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  const prefix = /^"([^"]*)"/.exec(section)?.[1] ?? '';
  return `${prefix}${body}`;
}

/** Every non-empty row of a sheet as display texts (trimmed), in sheet order. */
export function sheetRows(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const texts: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) texts.push(displayText(row.getCell(c)).trim());
    rows.push(texts);
  });
  return rows;
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** An expected printed row: label and the figures expected at given column positions (0 = first figure). */
export interface ExpectedRow {
  label: string;
  figures: Record<number, string>;
}

/**
 * Finds the expected rows in order in the printed rows (each after the previous one) and checks the
 * figures at the given positions. A PDF label may be only the first line of a wrapped label.
 */
export function expectRowsInOrder(printed: PrintedRow[], expected: ExpectedRow[], what: string): void {
  let at = 0;
  for (const e of expected) {
    const want = squash(e.label);
    let found = -1;
    for (let i = at; i < printed.length; i++) {
      const got = squash(printed[i].label);
      if (got !== '' && (got === want || (want.startsWith(got) && got.length >= 6))) {
        found = i;
        break;
      }
    }
    expect(found, `${what}: row "${e.label}" (after row ${at})`).to.be.at.least(0);
    for (const [pos, text] of Object.entries(e.figures)) {
      expect(printed[found].figures[Number(pos)], `${what}: ${e.label} [${pos}]`).to.equal(text);
    }
    at = found + 1;
  }
}

/** xlsx rows as PrintedRow: first cell the label, the others the figures (empty cells dropped at the end). */
export function xlsxRows(ws: ExcelJS.Worksheet): PrintedRow[] {
  return sheetRows(ws).map((cells) => {
    const figures = cells.slice(1);
    while (figures.length && figures[figures.length - 1] === '') figures.pop();
    return { label: cells[0], figures };
  });
}
