import type { Request } from 'express';
import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { importLedger } from '../../../app/imports/import-ledger';
import { parseWorkbook } from '../../../app/imports/xlsx';
import { DomainError } from '../../../../domain/errors';

export default route({
  id: 'imports.create',
  method: 'post',
  path: '/imports',
  summary:
    'Bulk import: an .xlsx in the template (multipart field "file") or the same data as JSON {programYears, appropriations, entries}; all or nothing',
  roles: LEDGER_WRITERS,
  bodyType: 'multipart',
  handler: async ({ ds, ctx, raw }) => {
    const file = (raw as Request & { file?: Express.Multer.File }).file;
    if (file) {
      const parsed = await parseWorkbook(file.buffer);
      return { status: 201, body: await importLedger(ds, ctx, { data: parsed.data, origins: parsed.origins, source: file.originalname }) };
    }
    if (raw.is('application/json') && raw.body && typeof raw.body === 'object' && !Array.isArray(raw.body)) {
      return { status: 201, body: await importLedger(ds, ctx, { data: raw.body as Record<string, unknown>, source: 'json' }) };
    }
    throw new DomainError(
      'unsupported',
      'unsupported_import',
      'Send an .xlsx as multipart field "file" or a JSON object',
      '엑셀 파일(file) 또는 JSON을 보내십시오',
      [
        {
          field: 'file',
          rule: 'required',
          message: 'an .xlsx file or a JSON body is required',
          message_ko: '엑셀 파일 또는 JSON이 필요합니다',
        },
      ],
    );
  },
});
