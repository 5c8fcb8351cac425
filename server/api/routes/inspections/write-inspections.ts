import { route } from '../../../http/route';
import { INSPECTION_WRITERS } from '../../../access/inspection-roles';
import {
  approveInspection,
  createInspection,
  returnInspection,
  reviseInspection,
  submitInspection,
  updateInspection,
} from '../../../app/inspections/writing';
import { addFinding } from '../../../app/inspections/findings';
import { idParam } from '../../../http/params';
import {
  CreateInspectionBody,
  FindingBody,
  ReasonBody,
  ApproveBody,
  StepBody,
  UpdateInspectionBody,
} from '../../../app/inspections/requests';

export const create = route<CreateInspectionBody>({
  id: 'inspections.create',
  method: 'post',
  path: '/inspections',
  summary: 'File an inspection (draft) of a consignment against a checklist template version',
  roles: INSPECTION_WRITERS,
  body: CreateInspectionBody,
  handler: async ({ ds, ctx, body }) => ({ status: 201, body: await createInspection(ds, ctx, body) }),
});

export const update = route<UpdateInspectionBody>({
  id: 'inspections.update',
  method: 'patch',
  path: '/inspections/:id',
  summary: 'Edit a draft inspection: header fields and item results; an approved inspection refuses (409)',
  roles: INSPECTION_WRITERS,
  body: UpdateInspectionBody,
  handler: async ({ ds, ctx, body, params }) => ({ body: await updateInspection(ds, ctx, idParam(params.id), body) }),
});

export const submit = route<StepBody>({
  id: 'inspections.submit',
  method: 'post',
  path: '/inspections/:id/submit',
  summary: 'draft → submitted (every item rated, the inspection held)',
  roles: INSPECTION_WRITERS,
  body: StepBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await submitInspection(ds, ctx, idParam(params.id), body.on) }),
});

export const approve = route<ApproveBody>({
  id: 'inspections.approve',
  method: 'post',
  path: '/inspections/:id/approve',
  summary:
    'submitted → approved by another inspector of the department (the filer only when they are its sole inspector, with selfApprovalReason); read-only afterwards',
  roles: INSPECTION_WRITERS,
  body: ApproveBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await approveInspection(ds, ctx, idParam(params.id), body) }),
});

export const giveBack = route<ReasonBody>({
  id: 'inspections.return',
  method: 'post',
  path: '/inspections/:id/return',
  summary: 'submitted → draft, with the reason',
  roles: INSPECTION_WRITERS,
  body: ReasonBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await returnInspection(ds, ctx, idParam(params.id), body.reason) }),
});

export const revise = route<ReasonBody>({
  id: 'inspections.revise',
  method: 'post',
  path: '/inspections/:id/revisions',
  summary: 'Correct an approved inspection: a new linked draft revision that supersedes it once approved',
  roles: INSPECTION_WRITERS,
  body: ReasonBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await reviseInspection(ds, ctx, idParam(params.id), body.reason) }),
});

export const finding = route<FindingBody>({
  id: 'inspections.addFinding',
  method: 'post',
  path: '/inspections/:id/findings',
  summary: 'Add a finding (지적사항) to a draft inspection, optionally linked to the same finding earlier',
  roles: INSPECTION_WRITERS,
  body: FindingBody,
  handler: async ({ ds, ctx, body, params }) => ({ status: 201, body: await addFinding(ds, ctx, idParam(params.id), body) }),
});
