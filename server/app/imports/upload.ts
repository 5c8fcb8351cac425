import { DomainError } from '../../../domain/errors';
import { importLimits } from './collect';
import { ImportSource } from './engine';
import { fileTooLarge } from './readers';

/** What POST /api/imports carries: a workbook or one sheet's CSV (multipart field "file"), or the JSON object. */
export interface ImportUpload {
  file?: { buffer: Buffer; originalname: string };
  /** the JSON body, when the request is JSON */
  json?: unknown;
}

/** The upload as an import source: .xlsx by its zip signature, .csv by its name, else the JSON body. */
export function sourceOfUpload(upload: ImportUpload): ImportSource {
  const file = upload.file;
  if (file) {
    if (file.buffer.length > importLimits().maxFileBytes) throw fileTooLarge(importLimits().maxFileBytes);
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8').normalize('NFC');
    const decoded = /[\u0100-\uffff]/.test(file.originalname) ? file.originalname.normalize('NFC') : name;
    if (/\.csv$/i.test(decoded)) return { kind: 'csv', files: [{ name: decoded, text: file.buffer.toString('utf8') }] };
    return { kind: 'xlsx', name: decoded, buffer: file.buffer };
  }
  if (upload.json !== undefined && upload.json !== null && typeof upload.json === 'object' && !Array.isArray(upload.json))
    return { kind: 'json', name: 'json', data: upload.json };
  throw new DomainError(
    'unsupported',
    'unsupported_import',
    'Send an .xlsx or .csv as multipart field "file", or a JSON object',
    '엑셀·CSV 파일(file) 또는 JSON을 보내십시오',
    [
      {
        field: 'file',
        rule: 'required',
        message: 'an .xlsx or .csv file or a JSON body is required',
        message_ko: '엑셀·CSV 파일 또는 JSON이 필요합니다',
      },
    ],
  );
}
