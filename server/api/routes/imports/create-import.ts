import type { Request } from 'express';
import { route } from '../../../http/route';
import { LEDGER_WRITERS } from '../../../access/roles';
import { importUpload } from '../../../app/imports/import-ledger';

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
    return { status: 201, body: await importUpload(ds, ctx, { file, json: raw.is('application/json') ? raw.body : undefined }) };
  },
});
