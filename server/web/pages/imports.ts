import type { Request } from 'express';
import { ADMINS, LEDGER_WRITERS } from '../../access/roles';
import { confirmStaged, stagedUpload, stageUpload } from '../../app/imports/jobs';
import { sourceOfUpload } from '../../app/imports/upload';
import { PageDef } from '../types';

const ROLES = [...LEDGER_WRITERS, ...ADMINS];
const ACTION_KO: Record<string, string> = { add: '추가', change: '변경', unchanged: '그대로' };
const PHASE_KO: Record<string, string> = {
  queued: '대기',
  reading: '읽는 중',
  planning: '검토 중',
  writing: '쓰는 중',
  done: '완료',
  failed: '거부됨',
};

/**
 * The onboarding import on the web: upload a workbook (or one sheet's CSV) → its dry run, with
 * progress, then per sheet what would be added, changed (before → after) and left alone → confirm →
 * the import, with progress. The page polls GET /api/imports/jobs/{id} (a browser session may read
 * the API) and reloads when the job is done.
 */
const pages: PageDef[] = [
  {
    id: 'web.imports.form',
    method: 'get',
    path: '/imports',
    roles: ROLES,
    nav: '가져오기',
    handler: async ({ render }) => render('imports.njk', { title: '자료 가져오기' }),
  },
  {
    id: 'web.imports.preview',
    method: 'post',
    path: '/imports/preview',
    roles: ROLES,
    handler: async ({ req, res, ds, ctx }) => {
      const file = (req as Request & { file?: Express.Multer.File }).file;
      const source = sourceOfUpload({ file });
      const s = stageUpload(ds, ctx, source, file?.originalname ?? '');
      res.redirect(303, `/imports/${s.id}`);
    },
  },
  {
    id: 'web.imports.staged',
    method: 'get',
    path: '/imports/:id',
    roles: ROLES,
    handler: async ({ req, ctx, render }) => {
      const s = stagedUpload(String(req.params.id), ctx);
      const job = s.imported ?? s.dryRun;
      render('imports.njk', {
        title: '자료 가져오기',
        staged: s,
        job,
        running: job.phase !== 'done' && job.phase !== 'failed',
        phaseKo: PHASE_KO[job.phase],
        actionKo: ACTION_KO,
        format: (v: unknown) => (v === null || v === undefined ? '(없음)' : typeof v === 'number' ? v.toLocaleString('en-US') : String(v)),
      });
    },
  },
  {
    id: 'web.imports.confirm',
    method: 'post',
    path: '/imports/:id/confirm',
    roles: ROLES,
    handler: async ({ req, res, ds, ctx }) => {
      confirmStaged(ds, ctx, String(req.params.id));
      res.redirect(303, `/imports/${String(req.params.id)}`);
    },
  },
];

export default pages;
