import type { Request } from 'express';
import { route } from '../../../http/route';
import { ADMINS, LEDGER_WRITERS } from '../../../access/roles';
import { runImport } from '../../../app/imports/engine';
import { RETRY_AFTER_SECONDS, withImportSlot } from '../../../app/imports/jobs';
import { ImportQuery, isDryRun } from '../../../app/imports/requests';
import { sourceOfUpload } from '../../../app/imports/upload';
import { DomainError } from '../../../../domain/errors';

export default route<object, ImportQuery>({
  id: 'imports.create',
  method: 'post',
  path: '/imports',
  summary:
    'Onboarding import: a workbook in the template (multipart field "file"), one sheet as CSV (file named after the sheet), or JSON {sheet: [rows keyed by the Korean headers]}; all or nothing; ?dryRun=true lists per sheet what would be added, changed (before → after) and left alone',
  roles: [...LEDGER_WRITERS, ...ADMINS],
  bodyType: 'multipart',
  query: ImportQuery,
  handler: async ({ ds, ctx, raw, query }) => {
    const file = (raw as Request & { file?: Express.Multer.File }).file;
    const source = sourceOfUpload({ file, json: raw.is('application/json') ? raw.body : undefined });
    const dryRun = isDryRun(query);
    try {
      const result = await withImportSlot(() => runImport(ds, ctx, source, { dryRun }));
      return { status: dryRun ? 200 : 201, body: result };
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'rate_limited') raw.res?.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      throw err;
    }
  },
});
