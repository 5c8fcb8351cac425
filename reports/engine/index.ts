/**
 * Report engine entry point: one model, three renderings.
 *   render(model, 'xlsx', res)  → Excel workbook (one sheet per model)
 *   render(model, 'pdf', file)  → A4 PDF (several models → council packet with contents + bookmarks)
 *   render(model, 'json', res)  → the model itself
 */
import fs from 'fs';
import { Writable } from 'stream';
import { StreamingReportModel } from './model';
import { renderXlsx } from './xlsx';
import { renderPdf } from './pdf';
import { renderJson } from './json';

export * from './model';
export { renderXlsx, escapeFormulaText, numericCellFor, sheetNames } from './xlsx';
export { renderPdf, landscapeFor } from './pdf';
export type { PdfResult, PdfOptions } from './pdf';
export { renderJson, toJson, parseModel } from './json';
export { barChartSvg } from './chart-svg';

export type ReportFormat = 'xlsx' | 'pdf' | 'json';

export const REPORT_FORMATS: readonly ReportFormat[] = ['xlsx', 'pdf', 'json'];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

export const FILE_EXTENSIONS: Record<ReportFormat, string> = { xlsx: '.xlsx', pdf: '.pdf', json: '.json' };

export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}

/**
 * Renders into a stream (e.g. an Express response) or a file path; resolves when the output is
 * complete. Streamed rows are read as they are written, so a failure can come after the first byte:
 * then the output is never left looking finished — a file is removed, a stream is destroyed with the
 * error (an HTTP response's connection is cut, not ended) — and the promise rejects.
 */
export async function render(
  input: StreamingReportModel | StreamingReportModel[],
  format: ReportFormat,
  out: Writable | string,
): Promise<void> {
  try {
    switch (format) {
      case 'xlsx':
        return await renderXlsx(input, out);
      case 'pdf':
        await renderPdf(input, out);
        return;
      case 'json':
        return await renderJson(input, out);
    }
  } catch (err) {
    if (typeof out === 'string') await fs.promises.rm(out, { force: true });
    else out.destroy(err as Error);
    throw err;
  }
}
