import type { Request } from 'express';
import { route } from '../../../http/route';
import { INSPECTION_READERS, INSPECTION_WRITERS } from '../../../access/inspection-roles';
import {
  closeFinding,
  editFinding,
  removeFinding,
  reportFindingAction,
  requestMoreOnFinding,
  verifyFinding,
} from '../../../app/inspections/findings';
import { ActionReportBody, CloseFindingBody, EditFindingBody, RequestMoreBody, VerifyBody } from '../../../app/inspections/requests';
import { idParam } from '../../../http/params';
import { utf8FileName } from '../../../http/upload-names';
import { findingAttachment } from '../../../queries/inspections/attachments';

export const edit = route<EditFindingBody>({
  id: 'findings.edit',
  method: 'patch',
  path: '/findings/:id',
  summary: 'Edit a finding of a draft inspection (kind, title, detail, required action, due date); an approved inspection refuses',
  roles: INSPECTION_WRITERS,
  body: EditFindingBody,
  handler: async ({ ds, ctx, body, params }) => ({ body: await editFinding(ds, ctx, idParam(params.id), body) }),
});

export const actionReport = route<ActionReportBody>({
  id: 'findings.actionReport',
  method: 'post',
  path: '/findings/:id/action-report',
  summary:
    '조치 결과 보고: open / needs more → action reported (dated, attributed); JSON, or multipart with an attachment in "file" (PDF, PNG or JPEG by content, at most 5 MB: 415 / 413)',
  roles: INSPECTION_WRITERS,
  body: ActionReportBody,
  bodyType: 'multipart',
  handler: async ({ ds, ctx, body, params, raw }) => {
    const file = (raw as Request & { file?: Express.Multer.File }).file;
    const upload = file ? { buffer: file.buffer, originalname: utf8FileName(file.originalname) } : null;
    return { status: 201, body: await reportFindingAction(ds, ctx, idParam(params.id), body, upload) };
  },
});

export const verify = route<VerifyBody>({
  id: 'findings.verify',
  method: 'post',
  path: '/findings/:id/verify',
  summary: '확인: action reported → verified (dated, attributed)',
  roles: INSPECTION_WRITERS,
  body: VerifyBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await verifyFinding(ds, ctx, idParam(params.id), body) }),
});

export const requestMore = route<RequestMoreBody>({
  id: 'findings.requestMore',
  method: 'post',
  path: '/findings/:id/request-more',
  summary: '보완 요구: action reported → needs more, with what is lacking; the action is reported again',
  roles: INSPECTION_WRITERS,
  body: RequestMoreBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await requestMoreOnFinding(ds, ctx, idParam(params.id), body) }),
});

export const close = route<CloseFindingBody>({
  id: 'findings.close',
  method: 'post',
  path: '/findings/:id/close',
  summary: '종결: verified → closed (dated, attributed)',
  roles: INSPECTION_WRITERS,
  body: CloseFindingBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await closeFinding(ds, ctx, idParam(params.id), body) }),
});

export const attachment = route({
  id: 'findings.attachment',
  method: 'get',
  path: '/findings/:id/attachment',
  summary: "The 조치 결과's attachment as uploaded",
  roles: INSPECTION_READERS,
  produces: ['application/pdf', 'image/png', 'image/jpeg'],
  handler: async ({ ds, ctx, params }) => ({ file: await findingAttachment(ds.manager, ctx, idParam(params.id)) }),
});

export const remove = route({
  id: 'findings.delete',
  method: 'delete',
  path: '/findings/:id',
  summary: 'Remove a finding from a draft inspection',
  roles: INSPECTION_WRITERS,
  handler: async ({ ds, ctx, params }) => {
    await removeFinding(ds, ctx, idParam(params.id));
    return { status: 204, body: null };
  },
});
