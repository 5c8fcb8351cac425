/**
 * The inspection page's finding actions (issue 17): a draft's finding edited or removed; an approved
 * inspection's finding followed up — 조치 결과 보고 with an attachment (multipart), 확인, 보완 요구,
 * 종결. Each form is read into the API's request class and calls the API's use case; a refusal shows
 * the page again with the message beside that finding's form.
 */
import type { Request } from 'express';
import { notFound } from '../../../domain/errors';
import { INSPECTION_WRITERS } from '../../access/inspection-roles';
import { idParam } from '../../http/params';
import { utf8FileName } from '../../http/upload-names';
import { CloseFindingBody, ActionReportBody, EditFindingBody, RequestMoreBody, VerifyBody } from '../../app/inspections/requests';
import {
  closeFinding,
  editFinding,
  removeFinding,
  reportFindingAction,
  requestMoreOnFinding,
  verifyFinding,
} from '../../app/inspections/findings';
import { getFinding } from '../../queries/inspections/inspection-view';
import { firstText, formBody } from '../form-body';
import { PageCall, PageDef } from '../types';
import { formAction } from './forms';
import { inspectionPage } from './inspections';

type Step = 'edit' | 'delete' | 'report' | 'verify' | 'requestMore' | 'close';

const FIELDS = [
  'kind',
  'title',
  'detail',
  'requiredAction',
  'dueDate',
  'reportedOn',
  'actionReport',
  'verifiedOn',
  'note',
  'requestedOn',
  'closedOn',
];

async function findingAction(call: PageCall, step: Step) {
  const id = idParam(String(call.req.params.id));
  const fid = idParam(String(call.req.params.finding), 'finding');
  const f = await getFinding(call.ds.manager, call.ctx, fid);
  if (f.inspectionId !== id) throw notFound(`Finding ${fid}`, `지적사항 ${fid}`, 'finding');
  const b = (call.req.body ?? {}) as Record<string, unknown>;
  const typed = Object.fromEntries(FIELDS.map((k) => [k, firstText(b[k]) ?? '']));
  await formAction(
    call,
    async () => {
      const { ds, ctx } = call;
      if (step === 'edit') await editFinding(ds, ctx, fid, await formBody(EditFindingBody, b));
      else if (step === 'delete') await removeFinding(ds, ctx, fid);
      else if (step === 'report') {
        const file = (call.req as Request & { file?: Express.Multer.File }).file;
        const upload = file && file.size > 0 ? { buffer: file.buffer, originalname: utf8FileName(file.originalname) } : null;
        await reportFindingAction(ds, ctx, fid, await formBody(ActionReportBody, b), upload);
      } else if (step === 'verify') await verifyFinding(ds, ctx, fid, await formBody(VerifyBody, b));
      else if (step === 'requestMore') await requestMoreOnFinding(ds, ctx, fid, await formBody(RequestMoreBody, b));
      else await closeFinding(ds, ctx, fid, await formBody(CloseFindingBody, b));
      return `/inspections/${id}?saved=finding-${step}#finding-${fid}`;
    },
    (problem, status) => inspectionPage(call, id, { findingForms: { [fid]: { ...typed, step, problem } } }, status),
  );
}

const action = (name: string, step: Step, upload?: string): PageDef => ({
  id: `web.inspections.finding-${name}`,
  method: 'post',
  path: `/inspections/:id/findings/:finding/${name}`,
  roles: INSPECTION_WRITERS,
  ...(upload ? { upload } : {}),
  handler: (call) => findingAction(call, step),
});

const pages: PageDef[] = [
  action('edit', 'edit'),
  action('delete', 'delete'),
  action('action-report', 'report', 'file'),
  action('verify', 'verify'),
  action('request-more', 'requestMore'),
  action('close', 'close'),
];

export default pages;
