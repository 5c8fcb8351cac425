import type { Request } from 'express';
import { route } from '../../../http/route';
import { ADMINS, LEDGER_WRITERS } from '../../../access/roles';
import { RETRY_AFTER_SECONDS, startImportJob } from '../../../app/imports/jobs';
import { ImportQuery, isDryRun } from '../../../app/imports/requests';
import { sourceOfUpload } from '../../../app/imports/upload';
import { DomainError } from '../../../../domain/errors';

export default route<object, ImportQuery>({
  id: 'imports.jobs.create',
  method: 'post',
  path: '/imports/jobs',
  summary: 'Starts the same import in the background (202 with the job; poll GET /imports/jobs/{id} for its phase, percent and result)',
  roles: [...LEDGER_WRITERS, ...ADMINS],
  bodyType: 'multipart',
  query: ImportQuery,
  handler: async ({ ds, ctx, raw, query }) => {
    const file = (raw as Request & { file?: Express.Multer.File }).file;
    const source = sourceOfUpload({ file, json: raw.is('application/json') ? raw.body : undefined });
    try {
      return { status: 202, body: startImportJob(ds, ctx, source, { dryRun: isDryRun(query) }) };
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'rate_limited') raw.res?.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      throw err;
    }
  },
});
